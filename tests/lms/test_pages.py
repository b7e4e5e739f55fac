"""The site shell as a visitor sees it: Polish by default, English on /en/,
the footer's legal links and funding statement on every page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_home_page_is_polish_with_footer_and_legal_links(client, site_shell):
    response = client.get("/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "pl"
    assert html.h1.get_text(strip=True) == "Strona główna testowa"
    footer = html.find("footer")
    assert "Europejskiego Funduszu Rozwoju Regionalnego" in footer.get_text()
    links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert links["Deklaracja dostępności"] == "/deklaracja-dostepnosci/"
    assert links["Klauzula informacyjna RODO"] == "/rodo/"
    assert "Powiat Bolesławiecki" in html.find("header").get_text()


def test_skip_link_is_the_first_focusable_element_and_targets_main(client, site_shell):
    html = soup(client.get("/"))
    first_focusable = html.body.find(["a", "button", "input", "select", "textarea"])
    assert first_focusable["class"] == ["skip-link"]
    assert first_focusable.get_text(strip=True) == "Przejdź do treści"
    assert html.find(id=first_focusable["href"].lstrip("#")).name == "main"


def test_every_page_type_carries_the_footer(client, site_shell):
    for page in ("content", "statement", "privacy"):
        html = soup(client.get(site_shell[page].url))
        footer_text = html.find("footer").get_text()
        assert "Polska Cyfrowa" in footer_text, page
        assert "Deklaracja dostępności" in footer_text, page


def test_main_navigation_lists_live_menu_pages(client, site_shell):
    factories.ContentPageFactory(parent=site_shell["home"], title="Ukryta", show_in_menus=False)
    draft = factories.ContentPageFactory(
        parent=site_shell["home"], title="Szkic", show_in_menus=True
    )
    draft.unpublish()
    nav = soup(client.get("/o-projekcie/")).find("nav", class_="main-nav")
    titles = [a.get_text(strip=True) for a in nav.find_all("a")]
    assert titles == ["O projekcie"]
    assert nav.find("a")["aria-current"] == "page"


def test_english_version_switches_interface_and_links(client, site_shell):
    response = client.get("/en/o-projekcie/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en"
    assert html.find("a", class_="skip-link").get_text(strip=True) == "Skip to main content"
    footer_links = [
        a["href"] for a in html.find("footer").find_all("a") if a["href"].startswith("/")
    ]
    assert "/en/deklaracja-dostepnosci/" in footer_links
    switch = {
        a["lang"]: a["href"] for a in html.find("nav", class_="language-switch").find_all("a")
    }
    assert switch == {"pl": "/o-projekcie/", "en": "/en/o-projekcie/"}


def test_language_switch_on_polish_page_points_to_english_twin(client, site_shell):
    html = soup(client.get("/o-projekcie/"))
    links = html.find("nav", class_="language-switch").find_all("a")
    assert [(a["lang"], a["href"]) for a in links] == [
        ("pl", "/o-projekcie/"),
        ("en", "/en/o-projekcie/"),
    ]
    assert links[0]["aria-current"] == "true"


def test_display_preference_controls_are_buttons_with_state(client, site_shell):
    html = soup(client.get("/"))
    panel = html.find(attrs={"data-display-prefs": True})
    sizes = panel.find_all("button", attrs={"data-text-size": True})
    assert [b.find(string=True, recursive=False) for b in sizes] == ["A", "A+", "A++"]
    assert all(b.get("type") == "button" and b.has_attr("aria-pressed") for b in sizes)
    assert (
        panel.find("button", attrs={"data-contrast-toggle": True}).get_text() == "Wysoki kontrast"
    )


def test_accessibility_statement_has_the_specification_ids(client, site_shell):
    html = soup(client.get("/deklaracja-dostepnosci/"))
    expected = {
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-data-sporzadzenie",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
        "a11y-architektura",
        "a11y-aplikacje",
    }
    found = {tag["id"] for tag in html.find_all(id=re.compile(r"^a11y-"))}
    assert expected <= found
    assert html.find(id="a11y-podmiot").get_text() == "Starostwo Powiatowe w Bolesławcu"
    assert html.find(id="a11y-url")["href"] == "https://akademia.example.org/"
    assert html.find(id="a11y-data-publikacja").get_text() == "2026-09-01"
    assert html.find(id="a11y-data-aktualizacja").get_text() == "2026-11-02"
    assert html.find(id="a11y-data-sporzadzenie").get_text() == "2026-11-03"
    assert "częściowo zgodna" in html.find(id="a11y-status").get_text()
    assert html.find(id="a11y-email")["href"] == "mailto:dostepnosc@example.org"


def test_privacy_notice_shows_version_and_date(client, site_shell):
    html = soup(client.get("/rodo/"))
    assert "Wersja 2.1, obowiązuje od 2026-10-01" in html.find("main").get_text()


def test_missing_page_gets_styled_polish_404(client, site_shell):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Nie znaleziono strony"
    assert html.find("footer") is not None


def test_page_query_count_does_not_grow_with_menu_size(
    client, site_shell, django_assert_num_queries
):
    client.get("/")  # warm per-process caches (content types, site root paths)
    with django_assert_num_queries(3):
        client.get("/")
    for index in range(20):
        factories.ContentPageFactory(
            parent=site_shell["home"], title=f"Menu {index}", show_in_menus=True
        )
    client.get("/")
    with django_assert_num_queries(3):
        response = client.get("/")
    nav = soup(response).find("nav", class_="main-nav")
    assert len(nav.find_all("a")) == 21


def test_header_offers_login_to_visitors_and_profile_to_people(client, site_shell, learner_lo1):
    links = soup(client.get("/")).find("nav", class_="account-links")
    assert [a.get_text(strip=True) for a in links.find_all("a")] == ["Zaloguj się"]
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")
    links = soup(client.get("/")).find("nav", class_="account-links")
    assert [a.get_text(strip=True) for a in links.find_all("a")] == [
        "Moje szkolenia",
        "Moje zaświadczenia",
        "Mój profil",
    ]
    assert links.find("form")["action"] == "/accounts/logout/"


def test_site_and_admin_link_a_favicon_that_answers_and_favicon_ico_is_found(
    client, site_shell, django_user_model
):
    """Browsers ask every page for an icon: none existed, so each page logged a 404."""
    icon_links = []
    for path in ("/", "/en/", "/accounts/login/"):
        body = client.get(path).content.decode()
        icon_links += re.findall(r'<link rel="icon" href="([^"]+)"', body)
    django_user_model.objects.create_superuser(email="a@example.org", password=TEST_PASSWORD)
    client.login(email="a@example.org", password=TEST_PASSWORD)
    admin_body = client.get("/admin/").content.decode()
    admin_links = re.findall(r'<link rel="icon" href="([^"]+)"', admin_body)
    assert admin_links and "wagtailadmin/images/favicon.ico" not in admin_body
    assert len(icon_links) == 6
    # The test settings serve no static files: look them up where collectstatic would.
    for href in {*icon_links, *admin_links}:
        assert href.startswith(settings.STATIC_URL)
        assert finders.find(href.removeprefix(settings.STATIC_URL)), href
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] in icon_links
    icon = finders.find(response["Location"].removeprefix(settings.STATIC_URL))
    assert Image.open(icon).format == "ICO"
