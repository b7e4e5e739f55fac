"""Which RODO information clause is current and whether this session's user
has acknowledged it. The current version is cached for a minute so that the
check does not cost a query on every request."""

from django.core.cache import cache

from lms.models import PrivacyNoticePage

from .models import PrivacyAcknowledgement

CACHE_KEY = "accounts:privacy-notice-current"
SESSION_KEY = "privacy_version"
CACHE_SECONDS = 60


def current_notice() -> PrivacyNoticePage | None:
    return PrivacyNoticePage.objects.live().order_by("-valid_from", "-pk").first()


def _current() -> dict:
    data = cache.get(CACHE_KEY)
    if data is None:
        notice = current_notice()
        data = {"version": notice.version, "url": notice.url} if notice else {}
        cache.set(CACHE_KEY, data, CACHE_SECONDS)
    return data


def forget_cached_notice() -> None:
    cache.delete(CACHE_KEY)


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
