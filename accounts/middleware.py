"""Ask a logged-in person to acknowledge the current RODO information clause
before anything else, and again whenever a new version is published."""

from django.shortcuts import redirect
from django.urls import reverse

from . import privacy


class PrivacyAcknowledgementMiddleware:
    """Redirect to the acknowledgement page until the current clause version
    is acknowledged. The acknowledged version is remembered in the session,
    so the check costs no query once done."""

    EXEMPT_PREFIXES = (
        "/static/",
        "/media/",
        "/documents/",
        "/healthz",
        "/admin/",
        "/favicon.ico",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.method == "GET"
            and not request.path.startswith(self.EXEMPT_PREFIXES)
            and not privacy.session_is_current(request)
        ):
            target = reverse("accounts:privacy_acknowledge")
            exempt = {target, reverse("account_logout")}
            notice_url = privacy.current_notice_url()
            if notice_url:
                exempt.add(notice_url)
            if request.path not in exempt:
                return redirect(f"{target}?next={request.get_full_path()}")
        return self.get_response(request)
