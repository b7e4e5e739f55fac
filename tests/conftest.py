"""Shared fixtures: a site with the shell pages built by focused factories
(not the demo data), and flags for the tests that CI must never skip."""

import os

import pytest
from django.conf import settings as django_settings
from wagtail.models import Locale, Page, Site

from tests import factories

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip outside CI when a machine-level tool is missing; fail in CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must not skip: {reason}")
    pytest.skip(reason)


@pytest.fixture
def site_shell(db):
    """A default site rooted at a HomePage, with the accessibility statement,
    the RODO clause, a content page in the menu and the site settings."""
    # Transactional tests flush the tables, taking the rows that Wagtail's
    # migrations created with them; bring them back when they are gone.
    Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    Page.objects.filter(depth=2).delete()
    home = factories.HomePageFactory(parent=root, title="Strona główna testowa", slug="home")
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    content = factories.ContentPageFactory(
        parent=home, title="O projekcie", slug="o-projekcie", show_in_menus=True
    )
    statement = factories.AccessibilityStatementPageFactory(parent=home)
    privacy = factories.PrivacyNoticePageFactory(parent=home)
    settings = factories.SiteSettingsFactory(
        site=site, accessibility_statement=statement, privacy_notice=privacy
    )
    return {
        "site": site,
        "home": home,
        "content": content,
        "statement": statement,
        "privacy": privacy,
        "settings": settings,
    }
