"""The enrolment list in the admin: Wagtail's listing, paginated and
filtered within the person's scope, the same queries for 1 row and 50, no
cap on the rows, and withdrawal for coordinators only."""

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import User
from courses.models import Enrolment
from tests import factories
from tests.queries import assert_same_queries_for_1_and_50_rows, page_queries

pytestmark = pytest.mark.django_db

LIST = "/admin/enrolments/"


def learner(institution, number):
    return factories.user_with_role(
        roles.LEARNER,
        email=f"uczen{number}@example.org",
        institution=institution,
        first_name="Uczeń",
        last_name=f"Numer{number:03d}",
    )


def test_the_list_costs_the_same_queries_for_1_and_50_enrolments(
    client, catalogue, county, coordinator_lo1
):
    course, _lessons = factories.course_with_lessons(catalogue, title="Ochrona danych")

    def add_row(number):
        Enrolment.objects.create(
            user=learner(county["lo1"], number),
            course=course,
            method="assigned",
            enrolled_by=coordinator_lo1,
            deadline=timezone.localdate(),
        )
        return f"Uczeń Numer{number:03d}"

    client.force_login(coordinator_lo1)
    _one, fifty = assert_same_queries_for_1_and_50_rows(client, LIST, add_row)
    assert "Ochrona danych" in fifty and "I Liceum Ogólnokształcące" in fifty
    assert "Wycofaj" in fifty  # a coordinator withdraws from here


def test_the_list_pages_past_500_rows_and_keeps_the_course_filter(
    client, catalogue, county, coordinator_lo1
):
    course, _lessons = factories.course_with_lessons(catalogue, title="Ochrona danych")
    other, _lessons = factories.course_with_lessons(catalogue, title="Podpis elektroniczny")
    people = User.objects.bulk_create(
        User(email=f"osoba{number}@example.org", institution=county["lo1"]) for number in range(501)
    )
    Enrolment.objects.bulk_create(
        Enrolment(user=person, course=course, method="self") for person in people
    )
    Enrolment.objects.create(user=people[0], course=other, method="self")
    client.force_login(coordinator_lo1)
    first = client.get(LIST)
    assert first.context["paginator"].count == 502
    last = client.get(f"{LIST}?p={first.context['paginator'].num_pages}")
    assert last.status_code == 200 and len(last.context["object_list"]) > 0
    filtered = client.get(f"{LIST}?course={other.pk}")
    assert [enrolment.course for enrolment in filtered.context["object_list"]] == [other]
    assert client.get(f"{LIST}?p=zzz&course=zzz&status=zzz&ordering=zzz").status_code == 200


def test_filters_by_institution_and_status_offer_only_the_scope(
    client, catalogue, county, coordinator_lo1, learner_lo1, learner_lo2
):
    course, _lessons = factories.course_with_lessons(catalogue, title="Ochrona danych")
    outsider = learner(county["other"], 1)
    for person in (learner_lo1, outsider):
        Enrolment.objects.create(user=person, course=course, method="self")
    done = learner(county["lo1"], 2)
    Enrolment.objects.create(user=done, course=course, method="self", completed_at=timezone.now())
    client.force_login(coordinator_lo1)
    response = client.get(LIST)
    institutions = list(response.context["filters"].filters["institution"].queryset)
    assert institutions == [county["lo1"]]  # not the other county's unit
    page = response.content.decode()
    assert "Łucja Ćwik" in page and outsider.get_full_name() not in page
    completed = client.get(f"{LIST}?status=completed").content.decode()
    assert "Uczeń Numer002" in completed and "Łucja Ćwik" not in completed
    outside = client.get(f"{LIST}?institution={county['other'].pk}").content.decode()
    assert outsider.get_full_name() not in outside  # a choice outside the scope is ignored
    assert "Kurs" in page and "Uczestnik" in page  # Polish column headers


def test_a_trainer_reads_their_learners_and_cannot_withdraw(client, trainer_course, learner_lo1):
    enrolment = Enrolment.objects.create(
        user=learner_lo1, course=trainer_course["course"], method="self"
    )
    client.force_login(trainer_course["trainer"])
    _queries, page = page_queries(client, LIST)
    assert "Łucja Ćwik" in page and "Wycofaj" not in page
    refused = client.post(LIST, {"enrolment": enrolment.pk})
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's "no permission"
    enrolment.refresh_from_db()
    assert enrolment.withdrawn_at is None


def test_a_learner_is_refused(client, learner_lo1, catalogue):
    course, _lessons = factories.course_with_lessons(catalogue)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    client.force_login(learner_lo1)
    response = client.get(LIST)
    assert response.status_code == 403 and "Łucja Ćwik" not in response.content.decode()
