"""Page addresses are plain ASCII: Polish letters in titles and slugs are
transliterated (ł too), however the page is created."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from lms.models import ContentPage
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

TITLE = "Szkolenie próbne – Łódź, źdźbło"


def test_a_page_created_in_code_gets_an_ascii_slug_from_its_title(site_shell):
    page = site_shell["home"].add_child(instance=ContentPage(title=TITLE))
    assert page.slug == "szkolenie-probne-lodz-zdzblo"
    assert page.url == "/szkolenie-probne-lodz-zdzblo/"
    again = site_shell["home"].add_child(instance=ContentPage(title=TITLE))
    assert again.slug == "szkolenie-probne-lodz-zdzblo-2"


def test_a_slug_given_with_polish_letters_is_transliterated(site_shell):
    page = site_shell["home"].add_child(
        instance=ContentPage(title="Zażółć", slug="zażółć-gęślą-jaźń-ŁÓDŹ")
    )
    assert page.slug == "zazolc-gesla-jazn-lodz"


def test_the_admin_saves_a_slug_typed_with_polish_letters_in_ascii(client, site_shell):
    get_user_model().objects.create_superuser(
        email="admin@example.org", password=TEST_PASSWORD, first_name="Anna", last_name="Nowak"
    )
    client.login(email="admin@example.org", password=TEST_PASSWORD)
    home = site_shell["home"]
    data = nested_form_data(
        {"title": TITLE, "slug": "szkolenie-próbne-łódź", "body": streamfield([])}
    )
    response = client.post(f"/admin/pages/add/lms/contentpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(title=TITLE)
    assert page.slug == "szkolenie-probne-lodz"
    assert page.url_path.endswith("/szkolenie-probne-lodz/")
