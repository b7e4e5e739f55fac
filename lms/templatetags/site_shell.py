"""Template tags for the parts of every page: the main navigation and the
language switch."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Site

from .. import site_cache

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """Top-level live pages marked "show in menus", below the site's root
    (the same for everyone: kept per process, see lms.site_cache)."""
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        items = site_cache.memo(
            f"main-nav:{site.pk}",
            lambda: list(
                site.root_page.get_children().live().in_menu().public().specific(defer=True)
            ),
        )
    return {"request": request, "items": items, "current_path": request.path}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to the current page in every configured language."""
    request = context["request"]
    current = context.get("LANGUAGE_CODE", settings.LANGUAGE_CODE)
    languages = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "url": translate_url(request.get_full_path(), code),
                "current": code == current,
            }
        )
    return {"languages": languages}
