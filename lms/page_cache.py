"""Whole-page cache for anonymous visitors of the course catalogue and the
course pages, shared by every process and instance through the default cache.

These pages are what the public reads most, and for someone without a login
they are the same for everyone: a hit costs one cache read (the entry and the
site generation in one round trip) and touches neither sessions nor the
database otherwise. Views opt in per response (`allow_anonymous_caching`);
everything else is never stored. A request that carries a session or any
other cookie but the CSRF and language ones is never answered from the cache
(it may be someone logged in, or have a message waiting), and a response is
never stored when it sets a cookie, holds a CSRF token, is not a plain 200,
was rendered for a logged-in user, or carries a CSP nonce. Entries carry the
site generation they were rendered under (lms.site_cache), so a publish,
unpublish, move or delete of any page, or a change of the site settings,
makes them all stale at once; the time limit bounds what no signal reports
(a trainer renaming themselves)."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from . import site_cache

PAGE_CACHE_SECONDS = 600
HIT_HEADER = "X-Page-Cache"
_ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
_SKIPPED_PREFIXES = tuple(
    prefix
    for prefix in (settings.STATIC_URL, settings.MEDIA_URL, "/admin/", "/documents/")
    if prefix
)
_FLAG = "_lms_anonymous_cacheable"


def allow_anonymous_caching(response):
    """Mark a response as fit for the anonymous page cache (the view knows
    it holds nothing personal); the middleware still checks the rest."""
    setattr(response, _FLAG, True)
    return response


def _key(request) -> str:
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    raw = f"{request.get_host()}|{language}|{request.get_full_path()}"
    return "lms:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _anonymous_reader(request) -> bool:
    return request.method in ("GET", "HEAD") and set(request.COOKIES) <= _ALLOWED_COOKIES


def _storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(response, _FLAG, False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(getattr(request, "user", None), "is_authenticated", False)
        # The page holds this request's CSP nonce: replayed, it would give
        # everyone the same nonce (and a header that no longer matches).
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def _replay(request, entry) -> HttpResponse:
    _token, headers, content = entry
    response = HttpResponse(b"" if request.method == "HEAD" else content)
    for name, value in headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Answer anonymous readers from the page cache before sessions,
    authentication or the database are touched; start every other page
    request with the site generation read in the same round trip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(_SKIPPED_PREFIXES):
            return self.get_response(request)
        key = None
        if _anonymous_reader(request):
            try:
                key = _key(request)
            except DisallowedHost:  # let Django answer it as it always does
                key = None
        reading = request.method in ("GET", "HEAD")
        token, fetched, reset = site_cache.start_request(*([key] if key else []), eager=reading)
        try:
            entry = fetched.get(key) if key else None
            if entry is not None and entry[0] == token:
                return _replay(request, entry)
            if reading:  # pages; posts (heartbeats, forms) read the generation only if they must
                site_cache.prepare_request(request)
            response = self.get_response(request)
            if key and _storable(request, response):
                patch_vary_headers(response, ("Cookie",))
                headers = [(name, value) for name, value in response.items()]
                cache.set(key, (token, headers, response.content), PAGE_CACHE_SECONDS)
            return response
        finally:
            site_cache.end_request(reset)
