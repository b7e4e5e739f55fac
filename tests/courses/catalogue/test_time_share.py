"""The share of the planned hours a course asks as effective learning time:
80 percent for a new course, at most 100, and the editor told how many
learners still on the course a change would hold back before it is saved."""

import pytest
from django.core.exceptions import ValidationError

from accounts import roles
from courses.catalogue.models import min_effective_seconds
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.models import CoursePage, Enrolment, LessonProgress
from courses.progress.selectors import share_impact
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_new_course_asks_for_80_percent_and_never_more_than_100(catalogue):
    course = CoursePage(title="Nowy kurs", summary="s", hours=3, outcomes_knowledge="W")
    assert course.completion_min_time_percent == 80
    assert course.min_effective_seconds == 8640  # 80% of 3 h = 2:24
    course.completion_min_time_percent = 101
    with pytest.raises(ValidationError) as error:
        course.clean_fields(exclude=["path", "depth", "slug"])
    assert "completion_min_time_percent" in error.value.error_dict


def test_needed_seconds_round_up_and_no_share_needs_none():
    assert min_effective_seconds(1, 33) == 1188
    assert min_effective_seconds("0.5", 81) == 1458
    assert min_effective_seconds(4, 0) == 0


@pytest.fixture
def course_on(catalogue, county):
    """A 4-hour course taught by a trainer, asking 50% (2:00), with learners
    at 3:00, at 1:00, one completed and one withdrawn (both at 0:00)."""
    catalogue_grant_permissions(catalogue=catalogue)
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course, lessons = factories.course_with_lessons(catalogue, completion_min_time_percent=50)
    course.trainers.add(trainer)
    course.save_revision().publish()
    learners = []
    for number, (seconds, extra) in enumerate(
        [(3 * 3600, {}), (3600, {}), (0, {"completed_at": "2026-11-01T10:00Z"}),
         (0, {"withdrawn_at": "2026-11-01T10:00Z"})]
    ):  # fmt: skip
        learner = factories.user_with_role(
            roles.LEARNER, email=f"u{number}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(user=learner, course=course, method="self", **extra)
        LessonProgress.objects.create(
            user=learner, lesson=lessons[0], course=course, effective_seconds=seconds
        )
        learners.append(learner)
    return {"course": course, "trainer": trainer, "learners": learners}


def _edit_form(course, trainer, **fields):
    return {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "level": "basic",
        "hours": "4",
        "outcomes_knowledge": course.outcomes_knowledge,
        "outcomes_skills": course.outcomes_skills,
        "trainers": [trainer.pk],
        "self_enrolment": "on",
        "completion_min_time_percent": "50",
        "live_attendance_min_percent": "0",
        "certificate_template": "classic",
        "action-publish": "action-publish",
        **factories.EMPTY_COMPETENCE_FORMSETS,
        **fields,
    }


def test_raising_the_share_is_refused_once_with_the_count_then_confirmed(client, course_on):
    course, trainer = course_on["course"], course_on["trainer"]
    client.force_login(trainer)
    url = f"/admin/pages/{course.pk}/edit/"
    form = _edit_form(course, trainer, completion_min_time_percent="80")

    refused = client.post(url, form)
    assert refused.status_code == 200
    body = refused.content.decode()
    assert (
        "Ta zmiana dotyczy 2 uczestników w trakcie szkolenia, którzy mają mniej efektywnego "
        "czasu nauki, niż wymagałby nowy próg (3:12 h). W tym 1 osoba, która spełniała "
        "dotychczasowy próg. Zapisz ponownie, aby potwierdzić."
    ) in body
    assert '<input type="hidden" name="share_confirmed" value="11520">' in body
    course.refresh_from_db()
    assert course.completion_min_time_percent == 50  # nothing stored
    assert course.get_latest_revision().as_object().completion_min_time_percent == 50

    confirmed = client.post(url, {**form, "share_confirmed": "11520"})
    assert confirmed.status_code == 302, confirmed.content.decode()[:3000]
    course.refresh_from_db()
    assert course.completion_min_time_percent == 80


def test_a_confirmation_of_another_value_asks_again(client, course_on):
    course, trainer = course_on["course"], course_on["trainer"]
    client.force_login(trainer)
    form = _edit_form(course, trainer, completion_min_time_percent="100", share_confirmed="11520")
    response = client.post(f"/admin/pages/{course.pk}/edit/", form)
    assert response.status_code == 200
    assert "Ta zmiana dotyczy 2 uczestników" in response.content.decode()
    course.refresh_from_db()
    assert course.completion_min_time_percent == 50


def test_a_change_that_holds_no_one_back_saves_at_once(client, course_on):
    course, trainer = course_on["course"], course_on["trainer"]
    client.force_login(trainer)
    form = _edit_form(course, trainer, completion_min_time_percent="20")  # 0:48
    learner_at_one_hour = course_on["learners"][1]
    LessonProgress.objects.filter(user=learner_at_one_hour).update(effective_seconds=3600)
    response = client.post(f"/admin/pages/{course.pk}/edit/", form)
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.completion_min_time_percent == 20


def test_lowering_the_share_counts_only_who_stays_under_it(client, course_on):
    course, trainer = course_on["course"], course_on["trainer"]
    client.force_login(trainer)
    form = _edit_form(course, trainer, completion_min_time_percent="30")  # 1:12
    body = client.post(f"/admin/pages/{course.pk}/edit/", form).content.decode()
    assert (
        "Ta zmiana dotyczy 1 uczestnika w trakcie szkolenia, który ma mniej efektywnego czasu "
        "nauki, niż wymagałby nowy próg (1:12 h). Zapisz ponownie, aby potwierdzić."
    ) in body


@pytest.mark.parametrize("count", [1, 50])
def test_the_count_is_one_query(course_on, county, django_assert_num_queries, count):
    course = course_on["course"]
    lesson = course.lessons().first()
    for number in range(count - 1):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"extra{number}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(user=learner, course=course, method="self")
        LessonProgress.objects.create(user=learner, lesson=lesson, course=course)
    with django_assert_num_queries(1):
        impact = share_impact(course, old_seconds=7200, new_seconds=11520)
    assert impact == (count + 1, 1)  # the new learners at 0:00 and the one at 1:00; 3:00 held


def test_more_hours_at_the_same_share_also_ask_first(client, course_on):
    """Doubling the hours doubles the time the same share asks: 4:00 of 8 h
    holds back the learner at 3:00 too."""
    course, trainer = course_on["course"], course_on["trainer"]
    client.force_login(trainer)
    form = _edit_form(course, trainer, hours="8")
    body = client.post(f"/admin/pages/{course.pk}/edit/", form).content.decode()
    assert "Ta zmiana dotyczy 2 uczestników" in body and "(4:00 h)" in body
    assert "W tym 1 osoba, która spełniała dotychczasowy próg." in body
    course.refresh_from_db()
    assert course.hours == 4
