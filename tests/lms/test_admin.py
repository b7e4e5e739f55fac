"""Coordinators and administrators edit the site settings and the shell pages
in the Wagtail admin, in Polish."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from lms.models import SiteSettings
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    get_user_model().objects.create_superuser(
        email="admin@example.org", password=TEST_PASSWORD, first_name="Anna", last_name="Nowak"
    )
    client.login(email="admin@example.org", password=TEST_PASSWORD)
    return client


def test_site_settings_are_editable_in_the_admin(admin_client, site_shell):
    url = f"/admin/settings/lms/sitesettings/{site_shell['site'].pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'lang="pl"' in body
    assert "Informacja o finansowaniu" in body

    form = {
        "organiser_name": "Gmina Warta Bolesławiecka",
        "organiser_address": "",
        "funding_statement": "Nowa informacja o finansowaniu z EFRR",
        "funding_logos-count": "0",
        "contact_email": "",
        "contact_phone": "",
        "accessibility_statement": site_shell["statement"].pk,
        "privacy_notice": site_shell["privacy"].pk,
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = SiteSettings.for_site(site_shell["site"])
    assert saved.organiser_name == "Gmina Warta Bolesławiecka"
    page = Client().get("/").content.decode()  # what an anonymous visitor sees
    assert "Nowa informacja o finansowaniu z EFRR" in page
    assert "Gmina Warta Bolesławiecka" in page


def test_accessibility_statement_edit_form_opens(admin_client, site_shell):
    response = admin_client.get(f"/admin/pages/{site_shell['statement'].pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Data ostatniej dużej aktualizacji" in body
    assert "Status pod względem zgodności z ustawą" in body


def test_admin_dashboard_is_titled_with_the_organiser_not_the_hostname(admin_client, site_shell):
    """The site has hostname localhost and no site_name (as the demo's): the
    dashboard greets with the organiser from the site settings."""
    body = admin_client.get("/admin/").content.decode()
    organiser = site_shell["settings"].organiser_name
    titles = [t.strip() for t in re.findall(r"<h1[^>]*>(.*?)</h1>", body, re.S)]
    assert titles == [organiser]
    assert "localhost" not in titles
    assert re.search(r"<title>\s*Kokpit - Cyfrowa Akademia\s*</title>", body)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/account/",
        "/admin/users/",
        "/admin/pages/",
        "/admin/settings/lms/sitesettings/",
    ],
)
def test_admin_pages_do_not_load_avatars_from_gravatar(admin_client, site_shell, path):
    """Avatars from gravatar break without the internet and hand people's
    email hashes to a third party."""
    response = admin_client.get(path, follow=True)
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
