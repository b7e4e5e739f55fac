"""Live sessions: check-in windows (with a frozen clock), the trainer's
register with its history and refusals, completion through attendance, the
learner's pages (link shown only when due, the .ics file), reminders, the
two attendance reports read back with durations and totals (also across the
switch to and from summer time), and fixed query counts."""

import csv
import io
import time
import zipfile
from datetime import UTC, datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

import openpyxl
import pypdf
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts import roles
from courses.live import selectors as live_selectors
from courses.live import services as live_sessions
from courses.live.admin import TIME_DOES_NOT_EXIST, LiveSessionForm
from courses.live.models import CODE_ALPHABET, END_BEFORE_START
from courses.models import (
    Attendance,
    AttendanceChange,
    AttendanceSettings,
    Certificate,
    Enrolment,
    LiveSession,
)
from courses.progress import services as progress_services
from courses.reports import evidence
from courses.reports.filters import PeriodFilterForm
from tests import factories
from tests.courses.catalogue.test_learner_pages import ready

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
PRESENT, LATE, EXCUSED, ABSENT = (
    Attendance.Status.PRESENT,
    Attendance.Status.LATE,
    Attendance.Status.EXCUSED,
    Attendance.Status.ABSENT,
)


def local(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=WARSAW)


class Clock:
    """The current time for the services, set by the test."""

    def __init__(self, now):
        self.now = now

    def set(self, moment):
        self.now = moment


@pytest.fixture
def clock(monkeypatch):
    clock = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def trainer():
    return factories.user_with_role(
        roles.TRAINER, email="trenerka@example.org", first_name="Teresa", last_name="Trener"
    )


@pytest.fixture
def live(catalogue, county, learner_lo1, learner_lo2, trainer):
    """A course taught by `trainer` with two lessons, Łucja (I LO) and
    Żaneta (II LO) enrolled, and one session for everyone enrolled."""
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Spotkania online")
    course.trainers.add(trainer)
    course.save()
    for learner in (learner_lo1, learner_lo2):
        Enrolment.objects.create(user=learner, course=course, method="self")
    session = new_session(course, local(2026, 5, 12, 10), minutes=90, trainer=trainer)
    return {"course": course, "lessons": lessons, "session": session}


def new_session(course, starts_at, *, minutes=60, ends_at=None, **fields):
    fields.setdefault("title", "Zajęcia na żywo")
    fields.setdefault("meeting_url", "https://meet.example.org/abc-def")
    return LiveSession.objects.create(
        course=course,
        starts_at=starts_at,
        ends_at=ends_at or starts_at + timedelta(minutes=minutes),
        **fields,
    )


def checkin(user, session, code=None):
    return live_sessions.live_checkin(
        user=user, course=session.course, code=code or session.checkin_code
    )


def refused(message, call):
    with pytest.raises(live_sessions.LiveSessionError) as error:
        call()
    assert error.value.message == message


# --- Check-in -------------------------------------------------------------------


def test_code_is_short_and_unambiguous(live):
    code = live["session"].checkin_code
    assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_checkin_window_opens_early_and_closes_at_the_end(live, learner_lo1, clock, settings):
    settings.LIVE_SESSION_EARLY_MINUTES, settings.LIVE_SESSION_LATE_MINUTES = 15, 10
    session = live["session"]  # 10:00-11:30 Warsaw time
    clock.set(local(2026, 5, 12, 9, 44))
    refused(live_sessions.CHECKIN_CLOSED, lambda: checkin(learner_lo1, session))
    clock.set(local(2026, 5, 12, 9, 45))  # exactly 15 minutes before: open
    attendance = checkin(learner_lo1, session, code=f" {session.checkin_code.lower()} ")
    assert attendance.status == PRESENT and attendance.checked_in_at == clock.now
    assert Attendance.objects.count() == 1

    # Reused: once per learner, nothing more stored.
    clock.set(local(2026, 5, 12, 10, 5))
    refused(live_sessions.CHECKIN_USED, lambda: checkin(learner_lo1, session))
    assert Attendance.objects.count() == AttendanceChange.objects.count() == 1


def test_late_checkin_and_the_end_of_the_window(live, learner_lo1, learner_lo2, clock, settings):
    settings.LIVE_SESSION_LATE_MINUTES = 10
    session = live["session"]
    clock.set(local(2026, 5, 12, 10, 11))
    assert checkin(learner_lo1, session).status == LATE
    clock.set(local(2026, 5, 12, 11, 30) + timedelta(seconds=1))  # just after the end
    refused(live_sessions.CHECKIN_CLOSED, lambda: checkin(learner_lo2, session))
    assert not Attendance.objects.filter(user=learner_lo2).exists()


def test_checkin_refuses_unknown_codes_strangers_and_other_institutions(
    live, county, learner_lo1, learner_lo2, clock
):
    session = live["session"]
    session.expected_institutions.set([county["lo1"]])
    clock.set(local(2026, 5, 12, 10, 5))
    refused(live_sessions.CHECKIN_CODE_UNKNOWN, lambda: checkin(learner_lo1, session, "ZZZZZZ"))
    refused(live_sessions.CHECKIN_NOT_EXPECTED, lambda: checkin(learner_lo2, session))
    stranger = factories.user_with_role(roles.LEARNER, email="obcy@example.org")
    refused(live_sessions.CHECKIN_NOT_EXPECTED, lambda: checkin(stranger, session))
    # A code of another course's session is unknown on this course.
    other, _lessons = factories.course_with_lessons(live["course"].get_parent(), 1)
    foreign = new_session(other, local(2026, 5, 12, 10))
    refused(
        live_sessions.CHECKIN_CODE_UNKNOWN,
        lambda: live_sessions.live_checkin(
            user=learner_lo1, course=live["course"], code=foreign.checkin_code
        ),
    )
    assert not Attendance.objects.exists()
    assert checkin(learner_lo1, session).status == PRESENT


def test_guessing_codes_is_cut_short(live, learner_lo1, clock):
    session = live["session"]
    clock.set(local(2026, 5, 12, 10, 5))
    for _attempt in range(live_sessions.CHECKIN_MAX_FAILURES):
        refused(live_sessions.CHECKIN_CODE_UNKNOWN, lambda: checkin(learner_lo1, session, "XXXXXX"))
    refused(live_sessions.CHECKIN_TOO_MANY, lambda: checkin(learner_lo1, session))


def test_wrong_codes_count_per_course_and_are_forgotten_after_the_wait(
    live, learner_lo1, clock, monkeypatch
):
    session = live["session"]
    clock.set(local(2026, 5, 12, 10, 5))
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started)
    for _attempt in range(live_sessions.CHECKIN_MAX_FAILURES):
        refused(live_sessions.CHECKIN_CODE_UNKNOWN, lambda: checkin(learner_lo1, session, "XXXXXX"))
    refused(live_sessions.CHECKIN_TOO_MANY, lambda: checkin(learner_lo1, session))
    # Another course of the same learner is not held up.
    other, _lessons = factories.course_with_lessons(live["course"].get_parent(), 1)
    refused(
        live_sessions.CHECKIN_CODE_UNKNOWN,
        lambda: live_sessions.live_checkin(user=learner_lo1, course=other, code="XXXXXX"),
    )
    # After the wait the right code checks the learner in.
    wait = live_sessions.CHECKIN_FAILURE_SECONDS
    clock.set(clock.now + timedelta(seconds=wait))
    monkeypatch.setattr(time, "time", lambda: started + wait)
    assert checkin(learner_lo1, session).checked_in_at == clock.now


def test_checkin_form_on_the_course_page(client, live, learner_lo1, learner_lo2, clock):
    session = live["session"]
    url = f"/courses/{live['course'].pk}/live-checkin/"
    ready(client, learner_lo1)
    clock.set(local(2026, 5, 12, 8))
    response = client.post(url, {"code": session.checkin_code}, follow=True)
    assert str(live_sessions.CHECKIN_CLOSED) in response.content.decode()
    assert not Attendance.objects.exists()
    clock.set(local(2026, 5, 12, 10))
    page = client.get(live["course"].url).content.decode()
    assert 'name="code"' in page  # the form shows while check-in is open
    response = client.post(url, {"code": session.checkin_code})
    assert response.status_code == 302
    assert Attendance.objects.get().user == learner_lo1
    assert client.get(url).status_code == 405
    client.logout()
    assert client.post(url, {"code": session.checkin_code}).status_code == 302  # to login
    assert Attendance.objects.count() == 1


# --- The trainer's register -----------------------------------------------------


def test_trainer_marks_and_corrects_with_history(live, trainer, learner_lo1, learner_lo2, clock):
    session = live["session"]
    clock.set(local(2026, 5, 12, 10, 2))
    checkin(learner_lo1, session)
    clock.set(local(2026, 5, 12, 11, 40))
    changed = live_sessions.attendance_mark(
        session=session,
        by=trainer,
        statuses={str(learner_lo1.pk): LATE, str(learner_lo2.pk): EXCUSED},
    )
    assert changed == 2
    # Unchanged statuses leave no history.
    assert (
        live_sessions.attendance_mark(
            session=session, by=trainer, statuses={learner_lo2.pk: EXCUSED}
        )
        == 0
    )
    corrected = Attendance.objects.get(user=learner_lo1)
    assert corrected.status == LATE and corrected.marked_by == trainer
    assert corrected.checked_in_at == local(2026, 5, 12, 10, 2)  # the check-in stays on record
    history = [
        (change.from_status, change.to_status, change.changed_by, change.source)
        for change in AttendanceChange.objects.filter(attendance=corrected)
    ]
    assert history == [
        ("", PRESENT, learner_lo1, AttendanceChange.Source.CHECKIN),
        (PRESENT, LATE, trainer, AttendanceChange.Source.REGISTER),
    ]
    assert AttendanceChange.objects.filter(attendance__user=learner_lo2).get().from_status == ""


def test_marking_is_refused_outside_the_trainers_courses_and_for_strangers(
    client, live, catalogue, learner_lo1
):
    other_trainer = factories.user_with_role(roles.TRAINER, email="inny.trener@example.org")
    other, _lessons = factories.course_with_lessons(catalogue, 1)
    other.trainers.add(other_trainer)
    other.save()
    session = live["session"]
    refused(
        live_sessions.MARK_NOT_ALLOWED,
        lambda: live_sessions.attendance_mark(
            session=session, by=other_trainer, statuses={learner_lo1.pk: PRESENT}
        ),
    )
    client.force_login(other_trainer)
    url = f"/admin/live-sessions/{session.pk}/attendance/"
    assert client.get(url).status_code in (302, 403)  # Wagtail: back to the dashboard
    assert client.post(url, {f"status-{learner_lo1.pk}": PRESENT}).status_code in (302, 403)
    assert client.get(f"/admin/live-sessions/edit/{session.pk}/").status_code in (302, 403, 404)
    assert session.pk not in [obj.pk for obj in live_sessions.sessions_managed_by(other_trainer)]
    stranger = factories.user_with_role(roles.LEARNER, email="gosc@example.org")
    trainer = session.course.trainers.get()
    refused(
        live_sessions.MARK_UNKNOWN_LEARNER,
        lambda: live_sessions.attendance_mark(
            session=session,
            by=trainer,
            statuses={learner_lo1.pk: PRESENT, stranger.pk: PRESENT},
        ),
    )
    refused(
        live_sessions.MARK_BAD_STATUS,
        lambda: live_sessions.attendance_mark(
            session=session, by=trainer, statuses={learner_lo1.pk: "sleeping"}
        ),
    )
    assert not Attendance.objects.exists()
    client.force_login(factories.user_with_role(roles.LEARNER, email="u2@example.org"))
    assert client.get(url).status_code in (302, 403)


def test_register_page_and_coordinator_scope(
    client, live, trainer, county, learner_lo1, learner_lo2, coordinator_lo1
):
    session = live["session"]
    url = f"/admin/live-sessions/{session.pk}/attendance/"
    client.force_login(trainer)
    page = client.get(url).content.decode()
    assert session.checkin_code in page
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" in page
    response = client.post(url, {f"status-{learner_lo1.pk}": PRESENT, "status-x": "late"})
    assert response.status_code == 302
    assert Attendance.objects.get().status == PRESENT

    # A coordinator of I LO sees and marks only their own learners.
    client.force_login(coordinator_lo1)
    page = client.get(url).content.decode()
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" not in page
    response = client.post(url, {f"status-{learner_lo2.pk}": ABSENT})
    assert response.status_code == 400
    assert escape(live_sessions.MARK_UNKNOWN_LEARNER) in response.content.decode()
    assert not Attendance.objects.filter(user=learner_lo2).exists()
    listing = client.get("/admin/live-sessions/").content.decode()
    assert "Zajęcia na żywo" in listing


def test_status_labels_are_editable(live, learner_lo1, trainer):
    settings_obj = AttendanceSettings.load()
    settings_obj.excused_label = "nieobecność usprawiedliwiona"
    settings_obj.save()
    assert AttendanceSettings.load().labels()[EXCUSED] == "nieobecność usprawiedliwiona"
    assert AttendanceSettings.load().labels()[PRESENT] == str(Attendance.Status.PRESENT.label)


# --- Completion through attendance ---------------------------------------------


def test_attendance_completes_the_course_when_the_rule_says_so(live, trainer, learner_lo1, clock):
    course = live["course"]
    course.live_attendance_min_percent = 50
    course.save()
    first = live["session"]
    second = new_session(course, local(2026, 5, 19, 10), trainer=trainer)
    clock.set(local(2026, 5, 1, 9))
    for lesson in live["lessons"]:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    enrolment = Enrolment.objects.get(user=learner_lo1, course=course)
    assert enrolment.completed_at is None  # lessons done, no session attended yet
    assert live_selectors.live_attendance_share(user=learner_lo1, course=course) == (0, 2)

    clock.set(local(2026, 5, 12, 12))
    live_sessions.attendance_mark(session=first, by=trainer, statuses={learner_lo1.pk: EXCUSED})
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None  # excused is not attended
    live_sessions.attendance_mark(session=first, by=trainer, statuses={learner_lo1.pk: LATE})
    enrolment.refresh_from_db()
    assert enrolment.completed_at == local(2026, 5, 12, 12)  # 1 of 2 = 50%: at once
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1

    # A correction never takes completion away, and nothing is issued twice.
    live_sessions.attendance_mark(session=first, by=trainer, statuses={learner_lo1.pk: ABSENT})
    live_sessions.attendance_mark(session=second, by=trainer, statuses={learner_lo1.pk: PRESENT})
    enrolment.refresh_from_db()
    assert enrolment.completed_at == local(2026, 5, 12, 12)
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_checkin_can_be_the_last_condition(live, learner_lo1, clock):
    course = live["course"]
    course.live_attendance_min_percent = 100
    course.save()
    clock.set(local(2026, 5, 1, 9))
    for lesson in live["lessons"]:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    clock.set(local(2026, 5, 12, 10, 3))
    checkin(learner_lo1, live["session"])
    assert Enrolment.objects.get(user=learner_lo1, course=course).completed_at == clock.now


def test_without_a_rule_sessions_do_not_hold_completion_back(live, learner_lo1):
    for lesson in live["lessons"]:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    assert Enrolment.objects.get(user=learner_lo1, course=live["course"]).completed_at


def test_a_rule_with_no_session_expected_is_not_met(live, learner_lo1, county):
    course = live["course"]
    course.live_attendance_min_percent = 50
    course.save()
    live["session"].expected_institutions.set([county["lo2"]])
    assert live_selectors.live_attendance_share(user=learner_lo1, course=course) == (0, 0)
    assert not live_selectors.live_attendance_met(user=learner_lo1, course=course)


# --- Learner pages, .ics, reminders ---------------------------------------------


def test_meeting_link_only_for_expected_learners_shortly_before(
    client, live, county, learner_lo1, learner_lo2, clock, settings
):
    settings.LIVE_SESSION_EARLY_MINUTES = 15
    session = live["session"]
    session.room = "Sala 12; budynek B"
    session.save()
    session.expected_institutions.set([county["lo1"]])
    ready(client, learner_lo1)
    clock.set(local(2026, 5, 12, 9, 40))
    page = client.get(live["course"].url).content.decode()
    assert "Zajęcia na żywo" in page and "2026-05-12 10:00" in page  # Warsaw time
    assert session.meeting_url not in page
    assert f"/courses/live-sessions/{session.pk}/calendar.ics" in page
    mine = client.get("/my-courses/").content.decode()
    assert "Zajęcia na żywo" in mine and session.meeting_url not in mine
    clock.set(local(2026, 5, 12, 9, 46))
    assert session.meeting_url in client.get(live["course"].url).content.decode()
    assert session.meeting_url in client.get("/my-courses/").content.decode()
    clock.set(local(2026, 5, 12, 11, 31))
    page = client.get(live["course"].url).content.decode()
    assert session.meeting_url not in page
    assert "Zajęcia na żywo" in page  # now among the past sessions
    # II LO is not expected: no session, no link, no calendar file.
    ready(client, learner_lo2)
    clock.set(local(2026, 5, 12, 10))
    page = client.get(live["course"].url).content.decode()
    assert session.meeting_url not in page and "calendar.ics" not in page
    assert client.get(f"/courses/live-sessions/{session.pk}/calendar.ics").status_code == 404


def test_calendar_file(client, live, learner_lo1):
    session = live["session"]
    session.title = "Podpis, pieczęć; e-Doręczenia"
    session.room = "Sala 12"
    session.save()
    ready(client, learner_lo1)
    response = client.get(f"/courses/live-sessions/{session.pk}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    unfolded = body.replace("\r\n ", "")
    assert "DTSTART:20260512T080000Z" in unfolded  # 10:00 in Warsaw (summer time)
    assert "DTEND:20260512T093000Z" in unfolded
    assert f"UID:live-session-{session.pk}@" in unfolded
    assert "DTSTAMP:" in unfolded
    assert "SUMMARY:Podpis\\, pieczęć\\; e-Doręczenia – Spotkania online" in unfolded
    assert "LOCATION:Sala 12" in unfolded
    assert session.meeting_url not in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_reminders_go_once_to_expected_learners(
    live, county, learner_lo1, clock, settings, django_capture_on_commit_callbacks
):
    settings.LIVE_SESSION_REMINDER_HOURS = 24
    session = live["session"]
    session.expected_institutions.set([county["lo1"]])
    clock.set(local(2026, 5, 10, 10))  # two days before: not yet
    call_command("send_live_session_reminders", stdout=io.StringIO())
    assert mail.outbox == []
    clock.set(local(2026, 5, 11, 11))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_live_session_reminders", stdout=out)
    assert "Sent 1" in out.getvalue()
    assert [message.to for message in mail.outbox] == [[learner_lo1.email]]
    assert "2026-05-12" in mail.outbox[0].body and "10:00" in mail.outbox[0].body
    call_command("send_live_session_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1


# --- Time zones -----------------------------------------------------------------


def test_durations_are_real_time_across_clock_changes(live):
    autumn = new_session(
        live["course"], local(2026, 10, 25, 1, 30), ends_at=local(2026, 10, 25, 3, 30)
    )
    spring = new_session(
        live["course"], local(2026, 3, 29, 1, 30), ends_at=local(2026, 3, 29, 3, 30)
    )
    assert autumn.duration == timedelta(hours=3)
    assert spring.duration == timedelta(hours=1)
    autumn.refresh_from_db()
    assert autumn.starts_at == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)


def session_form(user, course, **data):
    return LiveSessionForm(
        {
            "course": course.pk,
            "title": "Nocne zajęcia",
            "meeting_url": "https://meet.example.org/x",
            "room": "",
            "capacity": "",
            **data,
        },
        for_user=user,
    )


def test_admin_form_reads_local_times_and_refuses_missing_ones(live, trainer):
    course = live["course"]
    form = session_form(
        trainer, course, day="2026-10-25", start_time="01:30", end_time="03:30", trainer=trainer.pk
    )
    assert form.is_valid(), form.errors
    session = form.save()
    assert session.duration == timedelta(hours=3)
    assert session.starts_at == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)
    gap = session_form(trainer, course, day="2026-03-29", start_time="02:30", end_time="03:30")
    assert not gap.is_valid()
    assert gap.errors["start_time"] == [str(TIME_DOES_NOT_EXIST)]
    backwards = session_form(
        trainer, course, day="2026-05-01", start_time="12:00", end_time="11:00"
    )
    assert not backwards.is_valid()
    assert backwards.errors["end_time"] == [str(END_BEFORE_START)]
    # A trainer plans sessions only on the courses they teach.
    outsider = factories.user_with_role(roles.TRAINER, email="t3@example.org")
    foreign = session_form(outsider, course, day="2026-05-01", start_time="10:00", end_time="11:00")
    assert not foreign.is_valid() and "course" in foreign.errors


def test_trainer_creates_a_session_in_the_admin(client, live, trainer, county):
    client.force_login(trainer)
    assert client.get("/admin/live-sessions/new/").status_code == 200
    response = client.post(
        "/admin/live-sessions/new/",
        {
            "course": live["course"].pk,
            "title": "Konsultacje",
            "day": "2026-06-02",
            "start_time": "09:00",
            "end_time": "10:15",
            "trainer": trainer.pk,
            "meeting_url": "https://meet.example.org/kons",
            "room": "",
            "capacity": "20",
            "expected_institutions": [county["lo1"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    session = LiveSession.objects.get(title="Konsultacje")
    assert session.starts_at == local(2026, 6, 2, 9) and session.duration == timedelta(minutes=75)
    assert list(session.expected_institutions.all()) == [county["lo1"]]


# --- Reports --------------------------------------------------------------------

SESSION_URL = "/admin/reports/live-session-attendance/"
COURSE_URL = "/admin/reports/live-course-attendance/"


@pytest.fixture
def dst_sessions(live, trainer, learner_lo1, learner_lo2):
    """The autumn night (3 h) and the spring night (1 h): Łucja present at
    both, Żaneta late at autumn and absent at spring."""
    course = live["course"]
    autumn = new_session(
        course, local(2026, 10, 25, 1, 30), ends_at=local(2026, 10, 25, 3, 30), title="Jesień"
    )
    spring = new_session(
        course, local(2026, 3, 29, 1, 30), ends_at=local(2026, 3, 29, 3, 30), title="Wiosna"
    )
    live_sessions.attendance_mark(
        session=autumn, by=trainer, statuses={learner_lo1.pk: PRESENT, learner_lo2.pk: LATE}
    )
    live_sessions.attendance_mark(
        session=spring, by=trainer, statuses={learner_lo1.pk: PRESENT, learner_lo2.pk: ABSENT}
    )
    return {"autumn": autumn, "spring": spring}


YEAR = {"period_from": "2026-01-01", "period_to": "2026-12-31"}


def duration_seconds(value) -> int:
    """A [h]:mm cell as openpyxl reads it (a timedelta or a fraction of a day)."""
    return round(value.total_seconds() if isinstance(value, timedelta) else value * 86400)


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_session_list_exports_read_back_with_durations_and_totals(
    client, dst_sessions, coordinator_county
):
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(SESSION_URL + "csv/", YEAR))
    body = rows[1:-1]
    # Spring (29 March), then 12 May (nobody marked), then autumn (25 October).
    assert [(row[1], row[2], row[3], row[4], row[5]) for row in body] == [
        ("2026-03-29", "01:30", "03:30", "1:00", "Wiosna"),
        ("2026-03-29", "01:30", "03:30", "1:00", "Wiosna"),
        ("2026-05-12", "10:00", "11:30", "1:30", "Zajęcia na żywo"),
        ("2026-05-12", "10:00", "11:30", "1:30", "Zajęcia na żywo"),
        ("2026-10-25", "01:30", "03:30", "3:00", "Jesień"),
        ("2026-10-25", "01:30", "03:30", "3:00", "Jesień"),
    ]
    statuses = {(row[5], row[7]): row[10] for row in body}
    assert statuses[("Wiosna", "Łucja Ćwik")] == str(Attendance.Status.PRESENT.label)
    assert statuses[("Jesień", "Żaneta Śliwa")] == str(Attendance.Status.LATE.label)
    assert statuses[("Zajęcia na żywo", "Łucja Ćwik")] != statuses[("Wiosna", "Łucja Ćwik")]
    # Attended: Łucja 1 h + 3 h, Żaneta 3 h (late counts) = 7 h.
    assert rows[-1][4] == "7:00"

    response = client.get(SESSION_URL + "xlsx/", YEAR)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["E2"].number_format == "[h]:mm"
    assert duration_seconds(sheet["E2"].value) == 3600  # spring night: 1 h
    last = sheet.max_row
    assert duration_seconds(sheet.cell(row=last - 1, column=5).value) == 3 * 3600  # autumn
    assert duration_seconds(sheet.cell(row=last, column=5).value) == 7 * 3600  # total
    assert isinstance(sheet["B2"].value, datetime)  # a date cell

    pdf = client.get(SESSION_URL + "pdf/", YEAR)
    assert pdf.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("Łucja Ćwik", "Żaneta Śliwa", "Jesień", "3:00", "7:00", "2026-10-25"):
        assert expected in text, expected


def test_one_session_list_for_a_trainer(client, dst_sessions, trainer):
    client.force_login(trainer)
    params = {**YEAR, "session": dst_sessions["autumn"].pk}
    rows = csv_rows(client.get(SESSION_URL + "csv/", params))
    assert [row[7] for row in rows[1:-1]] == ["Łucja Ćwik", "Żaneta Śliwa"]
    assert rows[-1][4] == "6:00"
    pdf = client.get(SESSION_URL + "pdf/", params)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Jesień" in text
    # Another trainer cannot ask for this session.
    client.force_login(factories.user_with_role(roles.TRAINER, email="t4@example.org"))
    body = client.get(SESSION_URL, params).content.decode()
    assert "Łucja" not in body


def test_course_report_counts_hours_and_share(client, dst_sessions, coordinator_lo1):
    client.force_login(coordinator_lo1)  # I LO only
    rows = csv_rows(client.get(COURSE_URL + "csv/", YEAR))
    assert len(rows) == 3  # header, Łucja, totals
    row = rows[1]
    assert row[1] == "Łucja Ćwik"
    # 3 sessions expected, 2 attended, 0 excused, 1 absent or not recorded;
    # planned 1 + 1:30 + 3 = 5:30, attended 1 + 3 = 4:00, 67 %.
    assert row[5:12] == ["3", "2", "0", "1", "5:30", "4:00", "67"]
    assert rows[-1][5:7] == ["3", "2"]


def test_live_reports_are_in_the_evidence_pack(
    dst_sessions, coordinator_county, django_capture_on_commit_callbacks
):
    form = PeriodFilterForm(YEAR, user=coordinator_county)
    assert form.is_valid()
    with django_capture_on_commit_callbacks(execute=True):
        pack = evidence.evidence_pack_request(form=form)
    pack.refresh_from_db()
    with pack.file.open("rb") as handle:
        names = zipfile.ZipFile(handle).namelist()
    for name in (
        "raporty/lista-obecnosci-zajecia-2026-01-01-2026-12-31.pdf",
        "raporty/lista-obecnosci-zajecia-2026-01-01-2026-12-31.xlsx",
        "raporty/obecnosc-zajecia-kurs-2026-01-01-2026-12-31.csv",
    ):
        assert name in names, names


@pytest.mark.parametrize("count", [1, 50])
def test_reports_run_a_fixed_number_of_queries(
    client, catalogue, county, coordinator_county, count, django_assert_num_queries
):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    session = new_session(course, local(2026, 5, 12, 10))
    for number in range(count):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"l{number}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(user=learner, course=course, method="self")
        Attendance.objects.create(session=session, user=learner, status=PRESENT)
    client.force_login(coordinator_county)
    for url, budget in ((SESSION_URL, 18), (COURSE_URL, 23)):
        client.get(url, YEAR)
        with django_assert_num_queries(budget):
            assert client.get(url, YEAR).status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_learner_pages_with_sessions_run_a_fixed_number_of_queries(
    client, catalogue, county, learner_lo1, count, clock, django_assert_num_queries
):
    course, _lessons = factories.course_with_lessons(catalogue, 1)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    clock.set(local(2026, 5, 12, 12))
    for number in range(count):
        # Half past, half to come; every other one for I LO only.
        session = new_session(course, local(2026, 5, 12, 12) + timedelta(days=number - count // 2))
        if number % 2:
            session.expected_institutions.set([county["lo1"]])
        Attendance.objects.create(session=session, user=learner_lo1, status=PRESENT)
    ready(client, learner_lo1)
    for url, budget in ((course.url, 8), ("/my-courses/", 7)):
        client.get(url)
        with django_assert_num_queries(budget):
            assert client.get(url).status_code == 200
