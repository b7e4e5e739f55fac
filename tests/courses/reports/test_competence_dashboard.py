"""The dashboard's competence gain per course and per institution: the
persons assessed and gained, the share, the mean pre- and post-test scores,
within the viewer's scope, drawn as bars with a real table beside them, at
a fixed number of queries."""

import pytest
from django.utils import timezone

from accounts import roles
from accounts.models import User
from courses.models import Enrolment
from courses.reports import dashboard
from tests import factories
from tests.courses.reports import competence_factories as competences

pytestmark = pytest.mark.django_db


def figures(rows) -> list[tuple]:
    return [(row.label, row.assessed, row.gained, row.percent, row.mean_before, row.mean_after)
            for row in rows]  # fmt: skip


def test_gain_per_course_and_institution_in_the_coordinators_scope(
    assessed,
    coordinator_county,
    coordinator_lo1,
):
    data = dashboard.dashboard_data(coordinator_county)
    # Ochrona danych: Łucja (40 → 80, gained), Żaneta (skipped → 55), and an
    # I LO learner assessed long ago (40 → 80, gained); the other county's
    # learner is not counted.
    assert figures(data.gain_by_course) == [
        ("Ochrona danych", 3, 2, 67, 40.0, 71.7),
        ("Cyberhigiena", 1, 0, 0, 70.0, 75.0),
    ]
    assert figures(data.gain_by_institution) == [
        ("I Liceum Ogólnokształcące", 3, 2, 67, 50.0, 78.3),
        ("II Liceum Ogólnokształcące", 1, 0, 0, None, 55.0),
    ]
    assert [row.label for row in dashboard.dashboard_data(coordinator_lo1).gain_by_institution] == [
        "I Liceum Ogólnokształcące"
    ]


def test_a_trainer_sees_the_gain_on_their_courses_only(assessed):
    data = dashboard.dashboard_data(assessed["trainer"])
    assert [row.label for row in data.gain_by_course] == ["Cyberhigiena"]


def test_the_panel_draws_the_gain_and_its_table(client, assessed, coordinator_county):
    client.force_login(coordinator_county)
    page = client.get("/admin/").content.decode()
    assert 'data-chart="gain-courses"' in page and 'data-chart="gain-institutions"' in page
    assert "<caption>Przyrost kompetencji według kursów</caption>" in page
    assert '<th scope="col" class="ca-num">Średni wynik testu wstępnego</th>' in page
    assert '<th scope="row">Ochrona danych</th><td class="ca-num">3</td>' in page
    assert "kompetencje nabyło 67% (2/3)" in page
    assert "40,0 → 71,7%" in page


def test_no_gain_charts_without_assessments(client, data_without_assessments, coordinator_lo1):
    client.force_login(coordinator_lo1)
    page = client.get("/admin/").content.decode()
    assert 'data-chart="courses"' in page and "gain-courses" not in page


@pytest.fixture
def data_without_assessments(catalogue, learner_lo1):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    return Enrolment.objects.create(user=learner_lo1, course=course, method="self")


def test_gain_chart_is_pure_geometry():
    rows = [
        dashboard.Gain("A", 4, 2, None, 80.5),
        dashboard.Gain("B", 1, 1, 30.0, 100.0),
    ]
    bars = dashboard.gain_chart(rows)
    assert [(bar.before, bar.after) for bar in bars] == [(0, 80.5), (30.0, 100.0)]
    assert [bar.gain.percent for bar in bars] == [50, 100]


def test_gain_costs_the_same_queries_for_1_and_50_assessments(
    catalogue, county, coordinator_lo1, django_assert_num_queries
):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    version = competences.standard(course)

    def add(number):
        unit = factories.InstitutionFactory(name=f"Szkoła {number}", parent=county["lo1"])
        learner = factories.user_with_role(
            roles.LEARNER, email=f"o{number}@example.org", institution=unit
        )
        competences.assessment(learner, course, version, assessed_at=timezone.now())

    add(0)
    fresh = User.objects.get(pk=coordinator_lo1.pk)  # no cached roles or scope
    # Eight reads + the coordinator's permissions (their own and their groups') and scope.
    with django_assert_num_queries(8 + 4):
        dashboard.dashboard_data(fresh)
    for number in range(1, 50):
        add(number)
    fresh = User.objects.get(pk=coordinator_lo1.pk)
    with django_assert_num_queries(8 + 4):
        data = dashboard.dashboard_data(fresh)
    assert data.gain_by_course[0].assessed == 50
