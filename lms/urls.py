"""URL configuration. Site pages live under language prefixes (none for
Polish, /en/ for English); the admin, documents and media stay outside them.
The health check (/healthz) is answered by lms.middleware.HealthCheckMiddleware."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from accounts.admin_views import ScopedLogEntriesView
from courses.certificates import views as certificates
from lms.views import favicon
from lms.wagtail_fixes import ExternalLinkFormView

urlpatterns = [
    # One login path: Wagtail's own login page hands over to allauth's.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
    ),
    # The site history with its filters limited to the reader's scope.
    path(
        "admin/reports/site-history/",
        never_cache(require_admin_access(ScopedLogEntriesView.as_view())),
    ),
    path(
        "admin/reports/site-history/results/",
        never_cache(require_admin_access(ScopedLogEntriesView.as_view(results_only=True))),
    ),
    path(
        "admin/choose-external-link/",
        never_cache(require_admin_access(ExternalLinkFormView.as_view())),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("favicon.ico", favicon),
    # The credentials' issuer (did:web) and its keys, where verifiers look.
    path(".well-known/did.json", certificates.did_document),
    path(".well-known/jwks.json", certificates.issuer_jwks),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
