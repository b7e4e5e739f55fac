"""Which RODO information clause is current and whether this session's user
has acknowledged it. The current version is kept with the other values that
are the same for everyone (lms.site_cache, dropped whenever a page changes),
so that the check does not cost a query on every request."""

from urllib.parse import quote

from django.urls import reverse

from lms import site_cache
from lms.models import PrivacyNoticePage

from .models import PrivacyAcknowledgement

SESSION_KEY = "privacy_version"


def current_notice() -> PrivacyNoticePage | None:
    return PrivacyNoticePage.objects.live().order_by("-valid_from", "-pk").first()


def _notice_data() -> dict:
    notice = current_notice()
    return {"version": notice.version, "url": notice.url} if notice else {}


def _current() -> dict:
    return site_cache.memo("privacy-notice", _notice_data)


def current_notice_url() -> str | None:
    return _current().get("url")


def current_version() -> str | None:
    return _current().get("version")


def acknowledge_url(*, next_path: str) -> str:
    """The acknowledgement page, coming back to ``next_path`` afterwards
    (URL-encoded, so that its own query string survives)."""
    target = reverse("accounts:privacy_acknowledge")
    return f"{target}?next={quote(next_path, safe='/')}"


def session_is_current(request) -> bool:
    """True when there is no clause or the user acknowledged its version."""
    version = current_version()
    if version is None or request.session.get(SESSION_KEY) == version:
        return True
    if PrivacyAcknowledgement.objects.filter(user=request.user, version=version).exists():
        request.session[SESSION_KEY] = version
        return True
    return False


def remember_in_session(request, version: str) -> None:
    request.session[SESSION_KEY] = version
