"""The RODO clause for people who work in the admin: it is acknowledged
once, in one place, for the public site and the admin alike, and Wagtail's
preview is never sent to the clause page."""

import html
import re

import pytest

from accounts.models import PrivacyAcknowledgement

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer_lesson(trainer_course):
    trainer = trainer_course["trainer"]
    lesson = trainer_course["lessons"][0]
    lesson.title = "Lekcja o hasłach"
    revision = lesson.save_revision(user=trainer)
    return {"trainer": trainer, "lesson": lesson, "revision": revision}


def _preview(client, trainer_lesson):
    lesson, revision = trainer_lesson["lesson"], trainer_lesson["revision"]
    return client.get(f"/admin/pages/{lesson.pk}/revisions/{revision.pk}/view/")


def _publish_new_version(site_shell):
    notice = site_shell["privacy"]
    notice.version = "3.0"
    notice.save_revision().publish()


def test_preview_renders_for_a_trainer_who_has_not_acknowledged(client, trainer_lesson):
    client.force_login(trainer_lesson["trainer"])
    response = _preview(client, trainer_lesson)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<h1>Lekcja o hasłach</h1>" in body
    assert "Treść lekcji." in body


def _dashboard_asks(client) -> str | None:
    """The link the admin dashboard's RODO panel offers, if it asks."""
    response = client.get("/admin/")
    assert response.status_code == 200
    link = re.search(
        r'<a class="button" href="(/accounts/privacy/[^"]*)"', response.content.decode()
    )
    return link and html.unescape(link.group(1))


def test_admin_dashboard_asks_once_for_the_public_site_and_the_admin(
    client, site_shell, trainer_lesson
):
    client.force_login(trainer_lesson["trainer"])
    body = client.get("/admin/").content.decode()
    assert "Klauzula informacyjna RODO" in body
    assert "(klauzula informacyjna, wersja 2.1)" in body
    link = _dashboard_asks(client)
    assert link == "/accounts/privacy/?next=/admin/"
    page = client.get(link).content.decode()
    assert "Wersja 2.1, obowiązuje od 2026-10-01" in page

    response = client.post("/accounts/privacy/", {"next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert _dashboard_asks(client) is None
    assert PrivacyAcknowledgement.objects.filter(user=trainer_lesson["trainer"]).count() == 1

    client.logout()
    client.force_login(trainer_lesson["trainer"])  # a new session: the record counts
    assert client.get("/accounts/profile/").status_code == 200
    assert _dashboard_asks(client) is None


def test_a_new_clause_version_keeps_the_preview_and_asks_on_the_dashboard(
    client, site_shell, trainer_lesson
):
    client.force_login(trainer_lesson["trainer"])
    client.post("/accounts/privacy/", {"next": "/admin/"})
    _publish_new_version(site_shell)

    response = _preview(client, trainer_lesson)
    assert response.status_code == 200
    assert "<h1>Lekcja o hasłach</h1>" in response.content.decode()
    edit = client.get(f"/admin/pages/{trainer_lesson['lesson'].pk}/edit/")
    assert edit.status_code == 200
    link = _dashboard_asks(client)
    assert link == "/accounts/privacy/?next=/admin/"
    assert "Wersja 3.0" in client.get(link).content.decode()

    # acknowledged on the public site, it counts in the admin too
    assert client.get("/accounts/profile/")["Location"].startswith("/accounts/privacy/")
    client.post("/accounts/privacy/", {"next": "/accounts/profile/"})
    assert _dashboard_asks(client) is None


def test_the_address_to_come_back_to_is_url_encoded(client, site_shell, learner_lo1):
    client.force_login(learner_lo1)
    response = client.get("/accounts/profile/?a=1&b=2")
    assert response["Location"] == "/accounts/privacy/?next=/accounts/profile/%3Fa%3D1%26b%3D2"
    response = client.post("/accounts/privacy/", {"next": "/accounts/profile/?a=1&b=2"})
    assert response["Location"] == "/accounts/profile/?a=1&b=2"
