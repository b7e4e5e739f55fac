"""Fixtures shared by the course tests: a two-lesson course for the
certificate tests, and for the report tests a period and a course whose
learners are at every stage (completed, started, overdue)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from courses.models import Enrolment
from courses.progress import services as progress_services
from tests import factories


@pytest.fixture
def course(catalogue):
    """A course of two lessons with outcomes, 8 hours (what a certificate states)."""
    course, lessons = factories.course_with_lessons(
        catalogue, 2, title="Cyberhigiena w urzędzie – źródła zagrożeń", hours=8
    )
    return course, lessons


@pytest.fixture
def period():
    today = timezone.localdate()
    return {"period_from": (today - timedelta(days=30)).isoformat(), "period_to": today.isoformat()}


@pytest.fixture
def course_data(catalogue, county, learner_lo1, learner_lo2):
    """Łucja (I LO) completes the course, Żaneta (II LO) started it, a third
    learner (I LO) with a formula-looking name never started and is overdue."""
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Podpis elektroniczny")
    for learner in (learner_lo1, learner_lo2):
        Enrolment.objects.create(user=learner, course=course, method="self")
    for lesson in lessons:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    progress_services.lesson_open(user=learner_lo2, lesson=lessons[0])
    late = factories.user_with_role(
        roles.LEARNER,
        email="spozniony@example.org",
        institution=county["lo1"],
        first_name="=HYPERLINK(1)",
        last_name="Zając",
        position="referent",
    )
    Enrolment.objects.create(
        user=late,
        course=course,
        method="assigned",
        deadline=timezone.localdate() - timedelta(days=1),
    )
    return {"course": course, "lessons": lessons, "late": late}
