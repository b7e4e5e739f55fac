"""The one check for redirect targets taken from a request (``next``,
``next_url``, ...): a crafted link must not send a logged-in official from
our pages to another site."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_redirect_target(request: HttpRequest, target: str | None, *, fallback: str) -> str:
    """``target`` if it points to this site (relative, or our own host; https
    only when the request is secure), otherwise ``fallback``. Django's check
    also refuses the ``//host``, ``https:host``, ``\\\\host`` and
    ``javascript:`` forms browsers would follow off-site."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
