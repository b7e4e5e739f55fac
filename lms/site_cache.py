"""What every page needs and is the same for everyone (the site, its root
paths, its settings, the menu, page routes, course outlines), kept in each
process and trusted while one shared generation token is unchanged.

Reading these from the database on every request cost about half of a page's
queries. One token in the shared cache (the database cache on one machine,
Redis when scaled out) is read once per request; any change an editor can
make to what these values show (a page saved, published, moved or deleted,
the site or its settings, topics, audiences, H5P packages, competence
tests, images and documents) replaces the token,
so every process of every instance drops its copies on its next request. The
anonymous page cache (lms.page_cache) keys its entries by the same token."""

import contextvars
import copy
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http.request import split_domain_port
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

GENERATION_KEY = "lms:site-generation"

# The token the current request trusts: None outside requests, where every
# read asks the shared cache (management commands, background tasks); UNREAD
# in a request that has not needed it yet (a heartbeat never does).
UNREAD = ""
_request_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "site_generation", default=None
)
_values: dict[str, object] = {}
_values_generation: list[str | None] = [None]


def _shared_generation(token: str | None) -> str:
    if token is None:  # first use, or culled from the cache: start a new generation
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def start_request(*extra_keys: str, eager: bool = True):
    """Begin a request: read the generation now (with, in the same round
    trip, any other keys the caller needs) or, when not `eager`, on first
    use. Returns the token (UNREAD if not read), the values read, and what
    `end_request` needs to forget the token afterwards."""
    if not eager:
        return UNREAD, {}, _request_generation.set(UNREAD)
    fetched = cache.get_many([GENERATION_KEY, *extra_keys])
    token = _shared_generation(fetched.get(GENERATION_KEY))
    _adopt(token)
    return token, fetched, _request_generation.set(token)


def end_request(reset) -> None:
    _request_generation.reset(reset)


def _adopt(token: str) -> None:
    if _values_generation[0] != token:
        _values.clear()
        _values_generation[0] = token


def generation() -> str:
    """The token this request trusts (read now when outside a request)."""
    token = _request_generation.get()
    if not token:
        in_request = token == UNREAD
        token = _shared_generation(cache.get(GENERATION_KEY))
        _adopt(token)
        if in_request:
            _request_generation.set(token)
    return token


def memo(name: str, build):
    """The value called `name` for the current generation, built once per process."""
    token = generation()
    if name not in _values or _values_generation[0] != token:
        value = build()
        if _values_generation[0] == token:
            _values[name] = value
        return value
    return _values[name]


def view_restrictions(page: Page) -> list[PageViewRestriction]:
    """The privacy settings (login, groups, password) on a page and its
    ancestors, from this process's copy of all of them (a handful per site),
    instead of Wagtail's query on every page served."""

    def build():
        restrictions = PageViewRestriction.objects.select_related("page")
        return list(restrictions.prefetch_related("groups"))

    return [
        restriction
        for restriction in memo("view_restrictions", build)
        if page.path.startswith(restriction.page.path)
    ]


class SharedViewRestrictions:
    """Page mixin: Wagtail's view-restriction check reads `view_restrictions`."""

    def get_view_restrictions(self):
        return view_restrictions(self)


def prepare_request(request) -> None:
    """Hand Wagtail this process's copies of the site, its root paths and its
    settings for the request (Wagtail looks for them on the request first)."""
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    site = memo(f"site:{hostname}:{port}", lambda: Site.find_for_request(request))
    request._wagtail_site = site
    request._wagtail_cached_site_root_paths = memo("site-root-paths", Site.get_site_root_paths)
    if site is not None:
        SiteSettings = apps.get_model("lms", "SiteSettings")
        shared = memo(f"site-settings:{site.pk}", lambda: _site_settings(site))
        own = copy.copy(shared)  # Wagtail keeps the request on it
        own._request = request
        setattr(request, SiteSettings.get_cache_attr_name(), own)


def _site_settings(site):
    settings = apps.get_model("lms", "SiteSettings").for_site(site)
    # Every page shows the logo and links to these pages in its footer.
    for name in ("organiser_logo", "accessibility_statement", "privacy_notice"):
        getattr(settings, name)
    return settings


def route_by_url_path(page: Page, request, path_components: list[str]):
    """A `route` for the site's root page: the page below it in one query
    instead of two per level (Wagtail walks the tree slug by slug), from the
    process's map of url paths. Wagtail's own walk still decides wherever the
    map cannot (no such page, a page not live, a page type routing by itself)."""
    if path_components:
        found = _routed_page(page, path_components)
        if found is not None:
            return RouteResult(found)
    return Page.route(page, request, path_components)


def _routed_page(root: Page, components: list[str]) -> Page | None:
    routes, custom = memo("page-routes", _page_routes)
    url_path = root.url_path + "".join(f"{part}/" for part in components)
    found = routes.get(url_path)
    if found is None or url_path.startswith(custom):
        return None
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model.objects.filter(pk=pk, live=True, url_path=url_path).first() if model else None


def _page_routes():
    """Live pages by url path, and the paths below which pages route by themselves."""
    plain = (Page.route, route_by_url_path)
    routes, custom = {}, []
    for pk, url_path, content_type_id, live in Page.objects.values_list(
        "pk", "url_path", "content_type_id", "live"
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and model.route not in plain:
            custom.append(url_path)
        elif live:
            routes[url_path] = (pk, content_type_id)
    return routes, tuple(custom)


def purge() -> None:
    """Replace the token now and again when the transaction commits: the
    first makes this process forget at once, the second makes sure no other
    process keeps values it built from rows read before the commit."""
    _replace_token()
    transaction.on_commit(_replace_token)


def _replace_token() -> None:
    token = uuid.uuid4().hex
    cache.set(GENERATION_KEY, token, None)
    _adopt(token)
    if _request_generation.get():
        _request_generation.set(token)


def _purge_on_signal(sender, **kwargs):
    purge()


def connect_signals() -> None:
    """Purge on every change that can alter what the cached values show. Each
    sender is named: a receiver for every model would stop Django's fast
    bulk deletes everywhere."""
    senders = [model for model in apps.get_models() if issubclass(model, Page)]
    senders += [Site, PageViewRestriction, PageViewRestriction.groups.through]
    senders += [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    senders += [
        apps.get_model("courses", name)
        for name in ("Topic", "Audience", "H5PPackage", "CompetenceTest")
    ]
    senders += [get_image_model(), get_document_model()]  # shown by lesson bodies
    for sender in senders:
        uid = f"site_cache_{sender._meta.label_lower}"
        post_save.connect(_purge_on_signal, sender=sender, dispatch_uid=f"{uid}_save")
        post_delete.connect(_purge_on_signal, sender=sender, dispatch_uid=f"{uid}_delete")
    for page_model in (model for model in apps.get_models() if issubclass(model, Page)):
        for field in page_model._meta.local_many_to_many:  # course audiences, trainers
            m2m_changed.connect(
                _purge_on_signal,
                sender=field.remote_field.through,
                dispatch_uid=f"site_cache_m2m_{page_model._meta.label_lower}_{field.name}",
            )
    page_published.connect(_purge_on_signal, dispatch_uid="site_cache_published")
    page_unpublished.connect(_purge_on_signal, dispatch_uid="site_cache_unpublished")
    post_page_move.connect(_purge_on_signal, dispatch_uid="site_cache_moved")
