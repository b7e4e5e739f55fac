"""Scope: a coordinator of I LO cannot list, open or change anything of II LO,
by URL or by id; the county coordinator can; learners never reach the admin."""

import pytest
from django.core import mail

from accounts.models import Institution, User

pytestmark = pytest.mark.django_db


def listed_emails(response):
    return {row.email for row in response.context["object_list"]}


def test_lo1_coordinator_lists_only_lo1_people(client, coordinator_lo1, learner_lo1, learner_lo2):
    client.force_login(coordinator_lo1)
    response = client.get("/admin/participants/")
    assert response.status_code == 200
    assert listed_emails(response) == {learner_lo1.email, coordinator_lo1.email}


def test_county_coordinator_sees_every_school(client, coordinator_county, learner_lo1, learner_lo2):
    client.force_login(coordinator_county)
    emails = listed_emails(client.get("/admin/participants/"))
    assert {learner_lo1.email, learner_lo2.email} <= emails
    assert client.get(f"/admin/participants/edit/{learner_lo2.pk}/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/participants/edit/{pk}/",
        "/admin/participants/history/{pk}/",
        "/admin/participants/resend/{pk}/",
        "/admin/participants/anonymise/{pk}/",
    ],
)
def test_lo1_coordinator_gets_404_for_lo2_people_by_id(client, coordinator_lo1, learner_lo2, url):
    client.force_login(coordinator_lo1)
    assert client.get(url.format(pk=learner_lo2.pk)).status_code == 404
    assert client.post(url.format(pk=learner_lo2.pk), {"first_name": "X"}).status_code == 404
    learner_lo2.refresh_from_db()
    assert learner_lo2.first_name == "Żaneta" and learner_lo2.is_active
    assert mail.outbox == []


def test_lo1_coordinator_cannot_move_a_person_to_lo2(client, coordinator_lo1, learner_lo1, county):
    client.force_login(coordinator_lo1)
    response = client.post(
        f"/admin/participants/edit/{learner_lo1.pk}/",
        {
            "first_name": "Łucja",
            "last_name": "Ćwik",
            "email": learner_lo1.email,
            "institution": county["lo2"].pk,
            "position": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in response.content.decode()
    learner_lo1.refresh_from_db()
    assert learner_lo1.institution == county["lo1"]


def test_institutions_are_scoped(client, coordinator_lo1, county):
    client.force_login(coordinator_lo1)
    listed = {i.name for i in client.get("/admin/institutions/").context["object_list"]}
    assert listed == {county["lo1"].name}
    assert client.get(f"/admin/institutions/edit/{county['lo2'].pk}/").status_code == 404
    response = client.post(
        "/admin/institutions/new/",
        {"name": "Filia II LO", "kind": "school", "parent": county["lo2"].pk, "is_active": "on"},
    )
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in response.content.decode()
    assert not Institution.objects.filter(name="Filia II LO").exists()


def test_coordinator_adds_an_institution_below_their_own(client, coordinator_lo1, county):
    client.force_login(coordinator_lo1)
    response = client.post(
        "/admin/institutions/new/",
        {"name": "Filia I LO", "kind": "school", "parent": county["lo1"].pk, "is_active": "on"},
    )
    assert response.status_code == 302
    assert Institution.objects.get(name="Filia I LO").parent == county["lo1"]


def test_coordinator_cannot_reach_the_unscoped_wagtail_user_admin(client, coordinator_county):
    client.force_login(coordinator_county)
    response = client.get("/admin/users/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"  # Wagtail's "no permission" redirect
    menu = client.get("/admin/").content.decode()
    assert "/admin/participants/" in menu  # sidebar menu props
    assert "/admin/users/" not in menu


def test_learners_cannot_enter_the_admin(client, learner_lo1):
    client.force_login(learner_lo1)
    for url in ("/admin/participants/", "/admin/"):
        assert client.get(url).status_code == 403  # a "no access" page, not a login loop


def test_coordinator_adds_a_participant_who_is_invited(
    client, coordinator_lo1, county, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_lo1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/participants/new/",
            {
                "first_name": "Michał",
                "last_name": "Łoś",
                "email": "Michal.Los@example.org",
                "institution": county["lo1"].pk,
                "position": "nauczyciel",
                "is_active": "on",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="michal.los@example.org")
    assert user.groups.filter(name="Uczestnicy").exists()
    assert mail.outbox[0].to == ["michal.los@example.org"]
