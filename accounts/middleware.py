"""Ask a logged-in person to acknowledge the current RODO information clause
before anything else, and again whenever a new version is published. The
same acknowledgement counts on the public site and in the admin."""

from django.shortcuts import redirect
from django.urls import reverse

from . import privacy


class PrivacyAcknowledgementMiddleware:
    """Redirect to the acknowledgement page until the current clause version
    is acknowledged. The acknowledged version is remembered in the session,
    so the check costs no query once done.

    The admin is not interrupted: its dashboard asks in a panel instead
    (accounts.wagtail_hooks), for editors who never open the public site.
    Wagtail's preview renders a page through a dummy request to the page's
    public address: it is never redirected, so a new clause version cannot
    break anyone's preview."""

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
        if self._must_ask(request):
            return redirect(privacy.acknowledge_url(next_path=request.get_full_path()))
        return self.get_response(request)

    def _must_ask(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.method != "GET":
            return False
        if getattr(request, "is_dummy", False):
            return False
        if request.path.startswith(self.EXEMPT_PREFIXES):
            return False
        exempt = {reverse("accounts:privacy_acknowledge"), reverse("account_logout")}
        if request.path in exempt or request.path == privacy.current_notice_url():
            return False
        return not privacy.session_is_current(request)
