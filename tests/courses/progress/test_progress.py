"""Progress as grant evidence: effective time credited only by the server,
completion that never goes back, course completion decided once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import close_old_connections
from django.http import QueryDict
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.catalogue import services as catalogue_services
from courses.models import Enrolment, LearningSession, LessonProgress
from courses.progress import services as progress_services
from tests import factories
from tests.courses.catalogue.test_learner_pages import RIGHT, answers_for, ready

pytestmark = pytest.mark.django_db


class Clock:
    """The current time for the services, moved by the test."""

    def __init__(self):
        self.now = timezone.now()

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def enrolled(catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 2, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    return {"user": learner_lo1, "course": course, "lessons": lessons}


def beat(enrolled, lesson, visit, number):
    return progress_services.heartbeat_record(
        user=enrolled["user"], lesson_id=lesson.pk, visit=visit, beat=number
    )


def seconds(enrolled, lesson):
    return LessonProgress.objects.get(user=enrolled["user"], lesson=lesson).effective_seconds


def test_time_is_capped_replays_add_nothing_and_idle_splits(enrolled, clock, settings):
    settings.HEARTBEAT_SECONDS, settings.HEARTBEAT_IDLE_GAP_SECONDS = 30, 300
    lesson = enrolled["lessons"][0]
    _progress, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=lesson)
    clock.advance(30)
    assert beat(enrolled, lesson, session.visit, 1) == 30
    assert beat(enrolled, lesson, session.visit, 1) == 0  # replayed
    clock.advance(3)
    with pytest.raises(catalogue_services.CourseError):  # too frequent
        beat(enrolled, lesson, session.visit, 2)
    clock.advance(57)  # 60 s since the last accepted beat: capped at one interval
    assert beat(enrolled, lesson, session.visit, 3) == 30
    assert beat(enrolled, lesson, session.visit, 2) == 0  # out of order
    clock.advance(400)  # idle: nothing credited, a new session starts
    assert beat(enrolled, lesson, session.visit, 4) == 0
    clock.advance(30)
    assert beat(enrolled, lesson, session.visit, 5) == 30
    assert seconds(enrolled, lesson) == 90
    sessions = LearningSession.objects.filter(visit=session.visit).order_by("started_at")
    assert [s.active_seconds for s in sessions] == [60, 30]


def test_fractions_of_a_second_carry_over_to_the_next_beat(enrolled, clock):
    """Beats 29.6 s apart: whole seconds credited, fractions carried, so five
    beats credit the 148 seconds that passed (not 5 x 29)."""
    lesson = enrolled["lessons"][0]
    _progress, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=lesson)
    credited = []
    for number in range(1, 6):
        clock.advance(29.6)
        credited.append(beat(enrolled, lesson, session.visit, number))
    assert sum(credited) == 148
    assert seconds(enrolled, lesson) == 148


def test_two_tabs_never_double_time(enrolled, clock):
    first, second = enrolled["lessons"]
    _p, tab_a, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=first)
    _p, tab_b, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=second)
    total = 0
    for number in range(1, 5):
        clock.advance(15)
        total += beat(enrolled, first, tab_a.visit, number)
        clock.advance(15)
        total += beat(enrolled, second, tab_b.visit, number)
    assert total == 120  # two minutes passed, two minutes credited
    assert seconds(enrolled, first) + seconds(enrolled, second) == 120


def test_heartbeat_refused_without_enrolment_or_with_bogus_payload(
    client, catalogue, learner_lo1, enrolled
):
    _other_course, other_lessons = factories.course_with_lessons(catalogue, 1)
    ready(client, learner_lo1)
    url = f"/courses/lessons/{other_lessons[0].pk}/heartbeat/"
    response = client.post(url, {"visit": "x", "beat": "1"})
    assert response.status_code == 400
    assert response.json()["error"] == "Nie rozpoznano tej wizyty na stronie. Odśwież lekcję."
    lesson = enrolled["lessons"][0]
    _p, session, _rows = progress_services.lesson_open(user=learner_lo1, lesson=lesson)
    Enrolment.objects.filter(user=learner_lo1).update(withdrawn_at=timezone.now())
    response = client.post(
        f"/courses/lessons/{lesson.pk}/heartbeat/", {"visit": session.visit, "beat": "1"}
    )
    assert response.json()["error"] == "Nie jesteś zapisany na to szkolenie."
    Enrolment.objects.filter(user=learner_lo1).update(withdrawn_at=None)
    url = f"/courses/lessons/{lesson.pk}/heartbeat/"
    assert client.post(url, {"visit": "", "beat": "1"}).status_code == 400
    assert client.post(url, {"visit": "abc", "beat": "minus"}).status_code == 400
    assert client.post(url, {"visit": "nieznana-wizyta", "beat": "1"}).status_code == 400
    assert client.get(url).status_code == 405
    lesson.unpublish()
    assert client.post(url, {"visit": session.visit, "beat": "2"}).status_code == 404
    assert not LessonProgress.objects.filter(effective_seconds__gt=0).exists()


def test_heartbeat_request_runs_a_fixed_handful_of_queries(
    client, enrolled, clock, django_assert_num_queries
):
    """Session, learner, one read for the visit and its rules, two credit writes
    (plus the learner's row lock where the database has row locks); the
    service's transaction shows as a savepoint pair inside the test's own."""
    from django.db import connection

    lesson = enrolled["lessons"][0]
    ready(client, enrolled["user"])
    _p, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=lesson)
    url = f"/courses/lessons/{lesson.pk}/heartbeat/"
    expected = 7 + (1 if connection.features.has_select_for_update else 0)
    for number in (1, 2):
        clock.advance(30)
        with django_assert_num_queries(expected):
            response = client.post(url, {"visit": session.visit, "beat": str(number)})
        assert response.json() == {"credited": 30}
    assert seconds(enrolled, lesson) == 60


def test_a_completed_courses_share_costs_a_heartbeat_nothing_more(
    client, enrolled, clock, django_assert_num_queries
):
    """Most courses ask a share of their hours: while the course is not
    completed a credited beat re-evaluates completion; once it is, the beat
    costs what a beat on a course without the share costs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course, lesson = enrolled["course"], enrolled["lessons"][0]
    course.completion_min_time_percent = 80
    course.save()
    ready(client, enrolled["user"])
    _p, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=lesson)
    url = f"/courses/lessons/{lesson.pk}/heartbeat/"
    plain = 7 + (1 if connection.features.has_select_for_update else 0)
    clock.advance(30)
    with CaptureQueriesContext(connection) as captured:
        client.post(url, {"visit": session.visit, "beat": "1"})
    assert len(captured) > plain  # completion re-evaluated
    Enrolment.objects.filter(user=enrolled["user"]).update(completed_at=timezone.now())
    clock.advance(30)
    with django_assert_num_queries(plain):
        response = client.post(url, {"visit": session.visit, "beat": "2"})
    assert response.json() == {"credited": 30}


def test_another_learners_visit_cannot_be_used(client, enrolled, county):
    _p, session, _rows = progress_services.lesson_open(
        user=enrolled["user"], lesson=enrolled["lessons"][0]
    )
    intruder = factories.user_with_role("Uczestnicy", email="intruz@example.org")
    Enrolment.objects.create(user=intruder, course=enrolled["course"], method="self")
    ready(client, intruder)
    response = client.post(
        f"/courses/lessons/{enrolled['lessons'][0].pk}/heartbeat/",
        {"visit": session.visit, "beat": "1"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("rules", "steps", "completed"),
    [
        ({"complete_on_open": True, "complete_by_button": False}, ["open"], True),
        ({"complete_by_button": True}, ["open"], False),
        ({"complete_by_button": True}, ["open", "done"], True),
        ({"complete_by_button": False, "complete_min_seconds": 60}, ["open", "beat"], False),
        ({"complete_by_button": False, "complete_min_seconds": 60}, ["open", "beat", "beat"], True),
        ({"complete_by_button": True, "complete_min_seconds": 60}, ["open", "beat", "beat"], False),
        (
            {"complete_by_button": True, "complete_min_seconds": 60},
            ["open", "beat", "beat", "done"],
            True,
        ),
        ({"complete_by_button": False}, ["open"], True),  # no rule chosen: opening is enough
    ],
)
def test_lesson_completion_rules_must_all_hold(enrolled, clock, rules, steps, completed):
    lesson = enrolled["lessons"][0]
    defaults = {"complete_on_open": False, "complete_by_quiz": False, "complete_min_seconds": 0}
    for name, value in {**defaults, **rules}.items():
        setattr(lesson, name, value)
    lesson.save()
    number, visit = 0, None
    for step in steps:
        if step == "open":
            _p, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=lesson)
            visit = session.visit
        elif step == "beat":
            clock.advance(30)
            number += 1
            beat(enrolled, lesson, visit, number)
        elif step == "done":
            progress_services.lesson_mark_done(user=enrolled["user"], lesson=lesson)
    progress = LessonProgress.objects.get(user=enrolled["user"], lesson=lesson)
    assert progress.is_completed is completed


def test_quiz_rule_and_course_completion_fire_exactly_once(
    client, enrolled, django_capture_on_commit_callbacks
):
    first, last = enrolled["lessons"]
    ready(client, enrolled["user"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/courses/lessons/{first.pk}/done/")
        quiz_id, right = answers_for(last, RIGHT)
        client.post(f"/courses/lessons/{last.pk}/quiz/{quiz_id}/", right)
        client.post(f"/courses/lessons/{last.pk}/quiz/{quiz_id}/", right)
        client.post(f"/courses/lessons/{first.pk}/done/")
    enrolment = Enrolment.objects.get(user=enrolled["user"])
    assert enrolment.completed_at is not None
    completion_mails = [m for m in mail.outbox if m.subject.startswith("Ukończono szkolenie")]
    assert len(completion_mails) == 1


def test_course_minimum_time_is_required_and_rule_changes_keep_completions(enrolled, clock):
    course = enrolled["course"]
    course.completion_min_time_percent = 50
    course.hours = 1
    course.save()
    first, last = enrolled["lessons"]
    for lesson in (first, last):
        lesson.complete_by_quiz = False
        lesson.complete_by_button = True
        lesson.save()
    _p, session, _rows = progress_services.lesson_open(user=enrolled["user"], lesson=first)
    progress_services.lesson_mark_done(user=enrolled["user"], lesson=first)
    progress_services.lesson_mark_done(user=enrolled["user"], lesson=last)
    enrolment = Enrolment.objects.get(user=enrolled["user"])
    assert enrolment.completed_at is None  # 0 of the required 30 minutes
    for number in range(1, 61):
        clock.advance(30)
        beat(enrolled, first, session.visit, number)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    course.completion_min_time_percent = 100
    course.save()
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


EVENTS = st.lists(
    st.tuples(
        st.sampled_from(["open", "beat", "done", "quiz_right", "quiz_wrong", "replay"]),
        st.integers(min_value=0, max_value=400),
        st.integers(min_value=0, max_value=1),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(events=EVENTS)
def test_progress_only_moves_forward_and_never_invents_time(enrolled, clock, events):
    LessonProgress.objects.all().delete()
    LearningSession.objects.all().delete()
    user, lessons = enrolled["user"], enrolled["lessons"]
    start = clock.now
    visits, numbers, seen = {}, {}, {}
    for kind, delay, index in events:
        clock.advance(delay)
        lesson = lessons[index]
        try:
            if kind == "open":
                _p, session, _rows = progress_services.lesson_open(user=user, lesson=lesson)
                visits[index], numbers[index] = session.visit, 0
            elif kind in ("beat", "replay") and index in visits:
                numbers[index] += 0 if kind == "replay" and numbers[index] else 1
                beat(enrolled, lesson, visits[index], max(numbers[index], 1))
            elif kind == "done":
                progress_services.lesson_mark_done(user=user, lesson=lesson)
            elif kind.startswith("quiz") and lesson.quizzes():
                quiz_id, data = answers_for(
                    lesson, RIGHT if kind == "quiz_right" else {"Alt + F4", "Prawda"}
                )
                form = QueryDict(mutable=True)
                for key, values in data.items():
                    form.setlist(key, values)
                progress_services.quiz_attempt_submit(
                    user=user, lesson=lesson, quiz_id=quiz_id, data=form
                )
        except catalogue_services.CourseError:
            pass
        for progress in LessonProgress.objects.filter(user=user):
            before = seen.get(progress.lesson_id)
            if before:
                assert not (before.is_completed and not progress.is_completed)
                assert (progress.best_score or 0) >= (before.best_score or 0)
                assert progress.effective_seconds >= before.effective_seconds
                if before.completed_at:
                    assert progress.completed_at == before.completed_at
            seen[progress.lesson_id] = progress
    elapsed = (clock.now - start).total_seconds()
    total = sum(p.effective_seconds for p in LessonProgress.objects.filter(user=user))
    assert total <= elapsed
    assert LessonProgress.objects.filter(user=user).count() <= len(lessons)


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_and_heartbeats_leave_one_consistent_row(catalogue, county):
    learner = factories.user_with_role("Uczestnicy", email="rownolegle@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 1)
    Enrolment.objects.create(user=learner, course=course, method="self")
    lesson = lessons[0]
    _p, session, _rows = progress_services.lesson_open(user=learner, lesson=lesson)
    errors = []

    def work(number):
        try:
            progress_services.lesson_mark_done(user=learner, lesson=lesson)
            progress_services.heartbeat_record(
                user=learner, lesson_id=lesson.pk, visit=session.visit, beat=number
            )
        except catalogue_services.CourseError:
            pass  # a refused (too frequent) beat is a correct answer
        except Exception as error:
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = LessonProgress.objects.filter(user=learner, lesson=lesson)
    assert rows.count() == 1
    assert rows.get().is_completed
    assert Enrolment.objects.get(user=learner).completed_at is not None
    assert rows.get().effective_seconds <= 30


def test_opening_again_moves_only_the_last_opening_and_never_the_status(enrolled, clock):
    user, lesson = enrolled["user"], enrolled["lessons"][0]
    first, _session, _rows = progress_services.lesson_open(user=user, lesson=lesson)
    opened_at = first.first_opened_at
    clock.advance(3600)
    again, _session, _rows = progress_services.lesson_open(user=user, lesson=lesson)
    row = LessonProgress.objects.get(user=user, lesson=lesson)
    assert (row.first_opened_at, row.last_opened_at) == (opened_at, clock.now)
    assert row.status == again.status == LessonProgress.Status.IN_PROGRESS
    assert LearningSession.objects.filter(user=user, lesson=lesson).count() == 2

    progress_services.lesson_mark_done(user=user, lesson=lesson)
    clock.advance(60)
    reopened, _session, rows = progress_services.lesson_open(user=user, lesson=lesson)
    assert reopened.is_completed and rows[lesson.pk].is_completed
    assert LessonProgress.objects.get(user=user, lesson=lesson).is_completed
    assert set(rows) == {lesson.pk}  # the course's rows, the quiz lesson not opened yet


def test_a_lesson_completed_by_opening_it_completes_on_the_first_view(enrolled):
    user, lesson = enrolled["user"], enrolled["lessons"][0]
    lesson.complete_on_open, lesson.complete_by_button = True, False
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    progress, _session, _rows = progress_services.lesson_open(user=user, lesson=lesson)
    assert progress.is_completed
    assert LessonProgress.objects.get(user=user, lesson=lesson).completed_at is not None
