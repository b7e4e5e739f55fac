"""The site's Content-Security-Policy (django-csp), with the few places that
need more than the strict policy of CONTENT_SECURITY_POLICY in the settings.

Our own pages run only scripts and styles from our origin, or inline ones
that carry the request's nonce. Wagtail's admin renders inline scripts
(date pickers, inline panels) and inline styles of its own that cannot carry
a nonce, so in the admin scripts and styles may also be inline; a nonce
would make browsers ignore 'unsafe-inline', so the admin policy has none.
A view whose page needs a known inline script of a library (the H5P frame)
allows that one script by its hash with `allow_inline_script`."""

import base64
import hashlib

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse

ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_inline_script(response, source: str):
    """Let this response's page run one inline script, known in advance, that
    a library writes and that cannot carry our nonce."""
    # django-csp's `csp_update` decorator keeps its additions on the response
    # under this name; the middleware merges them into the policy.
    update = getattr(response, "_csp_update", None) or {}
    update.setdefault("script-src", []).append(script_hash(source))
    response._csp_update = update
    return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under /admin/, for
    those who may use the admin (others get our own pages there: the login
    redirect, the "no access" page)."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefix = reverse("wagtailadmin_home")

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(self.admin_prefix)
            and user is not None
            and user.has_perm("wagtailadmin.access_admin")
        ):
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts
