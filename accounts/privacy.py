"""Which RODO information clause is current and whether this session's user
has acknowledged it. The current version is kept with the other values that
are the same for everyone (lms.site_cache, dropped whenever a page changes),
so that the check does not cost a query on every request."""

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


def session_is_current(request) -> bool:
    """True when there is no clause or the user acknowledged its version."""
    version = _current().get("version")
    if version is None or request.session.get(SESSION_KEY) == version:
        return True
    if PrivacyAcknowledgement.objects.filter(user=request.user, version=version).exists():
        request.session[SESSION_KEY] = version
        return True
    return False


def remember_in_session(request, version: str) -> None:
    request.session[SESSION_KEY] = version
