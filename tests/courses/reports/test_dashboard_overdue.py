"""The learning dashboard on the admin home page, the overdue learners
screen with its reminder emails, and the daily deadline reminder command."""

import uuid
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from accounts.models import User
from courses.certificates import services as certificates
from courses.models import Enrolment, LearningSession, LessonProgress
from courses.reports import dashboard
from courses.reports.overdue_admin import NOTHING_SELECTED
from courses.wagtail_hooks import learning_dashboard_panel
from tests import factories
from tests.conftest import coordinator_of

pytestmark = pytest.mark.django_db


def learner(institution, email, **fields):
    return factories.user_with_role(roles.LEARNER, email=email, institution=institution, **fields)


def session(user, course, lesson, *, started, seconds):
    return LearningSession.objects.create(
        user=user,
        course=course,
        lesson=lesson,
        visit=str(uuid.uuid4()),
        started_at=started,
        last_seen_at=started + timedelta(seconds=seconds),
        active_seconds=seconds,
    )


def enrol(user, course, *, deadline=None, completed=False):
    return Enrolment.objects.create(
        user=user,
        course=course,
        method="assigned",
        deadline=deadline,
        completed_at=timezone.now() if completed else None,
    )


@pytest.fixture
def course(catalogue):
    return factories.course_with_lessons(catalogue, 2, title="Cyberhigiena w urzędzie")


def earlier_this_week() -> datetime:
    """A past moment of the current local week (Monday first), whatever the
    day the test runs on: "two days ago" fell in the previous week on
    Mondays and Tuesdays."""
    now = timezone.localtime()
    week_start = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return week_start + (now - week_start) / 2


@pytest.fixture
def data(course, county, learner_lo1, learner_lo2, site_shell):
    """In LO1 (the coordinator's scope): one overdue learner who learnt this
    week, one who completed with a certificate. In LO2 and another county:
    similar learners the LO1 coordinator must never count."""
    course, lessons = course
    today = timezone.localdate()
    overdue = enrol(learner_lo1, course, deadline=today - timedelta(days=5))
    LessonProgress.objects.create(
        user=learner_lo1, lesson=lessons[0], course=course, status="completed"
    )
    finisher = learner(county["lo1"], "absolwent@example.org", first_name="Adam", last_name="Ryś")
    done = enrol(finisher, course, completed=True)
    certificates.certificate_issue(enrolment=done)
    session(learner_lo1, course, lessons[0], started=earlier_this_week(), seconds=5400)
    session(finisher, course, lessons[0], started=timezone.now() - timedelta(days=30), seconds=600)
    outsider = enrol(learner_lo2, course, deadline=today - timedelta(days=1))
    session(
        learner_lo2, course, lessons[0], started=timezone.now() - timedelta(hours=1), seconds=900
    )
    far = learner(county["other"], "daleko@example.org", first_name="Ewa", last_name="Zięba")
    far_done = enrol(far, course, completed=True)
    certificates.certificate_issue(enrolment=far_done)
    return {"course": course, "lessons": lessons, "overdue": overdue, "outsider": outsider}


def test_dashboard_counts_only_the_coordinators_scope(data, coordinator_lo1):
    result = dashboard.dashboard_data(coordinator_lo1)
    assert result.figures == dashboard.Figures(
        enrolled=2, active=1, completed=1, overdue=1, certificates=1
    )
    assert [(row.label, row.enrolled, row.completed) for row in result.by_institution] == [
        ("I Liceum Ogólnokształcące", 2, 1)
    ]
    assert [(row.label, row.percent) for row in result.by_course] == [
        ("Cyberhigiena w urzędzie", 50)
    ]
    assert len(result.weeks) == dashboard.WEEKS
    assert result.weeks[-1].seconds == 5400 and result.weeks[-1].hours == 1.5
    assert sum(week.seconds for week in result.weeks) == 5400 + 600  # LO2's 900 s left out


def test_county_coordinator_and_trainer_see_their_own_figures(data, coordinator_county):
    county_figures = dashboard.dashboard_data(coordinator_county).figures
    assert (county_figures.enrolled, county_figures.overdue, county_figures.active) == (3, 2, 2)
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    assert dashboard.dashboard_data(trainer).figures.enrolled == 0
    data["course"].trainers.add(trainer)
    data["course"].save()  # a ParentalManyToManyField is written with the page
    assert dashboard.dashboard_data(trainer).figures.enrolled == 4


def test_admin_home_shows_the_panel_with_charts_and_tables(client, data, coordinator_lo1):
    client.force_login(coordinator_lo1)
    page = client.get("/admin/").content.decode()
    assert 'id="courses-dashboard-section"' in page
    assert page.count("<svg viewBox") >= 3
    assert page.count("data-chart=") == 3
    assert page.count('aria-hidden="true" data-chart=') == 2  # completion, as HTML rows
    assert page.count('aria-hidden="true" focusable="false" data-chart=') == 1  # weekly SVG
    assert page.count("<caption>") >= 3
    assert "I Liceum Ogólnokształcące" in page
    assert "II Liceum Ogólnokształcące" not in page
    assert "/admin/reports/overdue/" in page


def test_only_people_with_a_report_scope_get_the_panel(rf, data, learner_lo1, coordinator_lo1):
    for user, expected in ((learner_lo1, 0), (coordinator_lo1, 1)):
        request = rf.get("/admin/")
        request.user = user
        panels = []
        learning_dashboard_panel(request, panels)
        assert len(panels) == expected


def test_weekly_chart_is_pure_geometry():
    start = timezone.localdate()
    weeks = [dashboard.Week(start=start, seconds=s) for s in (0, 1800, 3600)]
    columns = dashboard.activity_chart(weeks)["columns"]
    full = dashboard.PLOT_BOTTOM - dashboard.PLOT_TOP
    assert [column.height for column in columns] == [0, full / 2, full]
    assert columns[2].y == dashboard.PLOT_TOP
    assert all(c.x >= 0 and c.x + dashboard.COLUMN_WIDTH <= dashboard.CHART_WIDTH for c in columns)
    assert (
        dashboard.activity_chart([dashboard.Week(start=start, seconds=0)])["columns"][0].height == 0
    )


def many_learners(course, lessons, institution, count, start=0):
    today = timezone.localdate()
    for n in range(start, start + count):
        person = learner(institution, f"osoba{n}@example.org", last_name=f"Nazwisko{n}")
        enrolment = enrol(person, course, deadline=today - timedelta(days=n % 3 + 1))
        if n % 4 == 1:
            enrolment.completed_at = timezone.now()
            enrolment.save()
        session(
            person, course, lessons[0], started=timezone.now() - timedelta(days=n % 50), seconds=60
        )
        LessonProgress.objects.create(
            user=person, lesson=lessons[0], course=course, status="completed"
        )


def test_panel_and_overdue_list_cost_the_same_queries_for_1_and_50_learners(
    client, catalogue, county, coordinator_lo1, django_assert_num_queries
):
    course, lessons = factories.course_with_lessons(catalogue, 2)
    other_course, other_lessons = factories.course_with_lessons(catalogue, 1)
    many_learners(course, lessons, county["lo1"], 1)
    client.force_login(coordinator_lo1)

    def measure():
        with CaptureQueriesContext(connection) as home:
            assert client.get("/admin/").status_code == 200
        with CaptureQueriesContext(connection) as listing:
            assert client.get("/admin/reports/overdue/").status_code == 200
        return len(home), len(listing)

    measure()  # the first request fills process-wide caches (Wagtail's site root paths)
    small = measure()
    fresh = User.objects.get(pk=coordinator_lo1.pk)  # no cached roles or scope
    # Eight reads + the coordinator's permissions (their own and their groups') and scope.
    with django_assert_num_queries(8 + 4):
        dashboard.dashboard_data(fresh)

    many_learners(course, lessons, county["lo1"], 25, start=1)
    many_learners(other_course, other_lessons, county["lo2"], 24, start=26)
    assert Enrolment.objects.count() == 50
    assert measure() == small
    fresh = User.objects.get(pk=coordinator_lo1.pk)
    with django_assert_num_queries(8 + 4):
        dashboard.dashboard_data(fresh)


def test_overdue_list_is_scoped(client, data, coordinator_lo1, coordinator_county):
    client.force_login(coordinator_lo1)
    page = client.get("/admin/reports/overdue/").content.decode()
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" not in page
    assert "Ewa Zięba" not in page and "Adam Ryś" not in page  # completed, not overdue
    assert "1/2" in page  # lessons completed
    assert f'value="{data["overdue"].pk}"' in page
    client.force_login(coordinator_county)
    page = client.get("/admin/reports/overdue/").content.decode()
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" in page


def test_overdue_list_for_trainers_and_another_institutions_coordinator(
    client, data, catalogue, county
):
    lo2_coordinator = coordinator_of(county["lo2"], "koordynator.lo2@example.org")
    client.force_login(lo2_coordinator)
    page = client.get("/admin/reports/overdue/").content.decode()
    assert "Żaneta Śliwa" in page and "Łucja Ćwik" not in page

    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    client.force_login(trainer)
    assert "Łucja Ćwik" not in client.get("/admin/reports/overdue/").content.decode()
    data["course"].trainers.add(trainer)
    data["course"].save()
    page = client.get("/admin/reports/overdue/").content.decode()
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" in page  # every learner of their course


def test_overdue_screen_refuses_learners_and_anonymous(client, data, learner_lo1):
    assert client.get("/admin/reports/overdue/").status_code == 302  # to the login page
    learner_lo1.is_staff = True
    learner_lo1.save()
    client.force_login(learner_lo1)
    assert client.get("/admin/reports/overdue/").status_code in (302, 403)
    response = client.post("/admin/reports/overdue/", {"enrolment": [data["overdue"].pk]})
    assert response.status_code in (302, 403)
    assert not mail.outbox


def test_reminders_go_only_to_selected_learners_in_scope(
    client, data, coordinator_lo1, settings, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_lo1)
    mail.outbox.clear()
    own, foreign = data["overdue"], data["outsider"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/reports/overdue/", {"enrolment": [own.pk, foreign.pk, "x"]}, follow=True
        )
    assert [message.to for message in mail.outbox] == [["uczen.lo1@example.org"]]
    reminder = mail.outbox[0]
    assert "Cyberhigiena w urzędzie" in reminder.subject
    assert own.deadline.strftime("%Y-%m-%d") in reminder.body
    assert f"{settings.SITE_URL}{data['course'].url}" in reminder.body
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.reminded_at is not None and foreign.reminded_at is None
    texts = [str(message) for message in response.context["messages"]]
    assert any("1" in text for text in texts)
    assert len(texts) == 2  # one sent, two ignored (out of scope and not an id)
    page = response.content.decode()
    assert timezone.localtime(own.reminded_at).strftime("%Y-%m-%d %H:%M") in page


def test_posting_nothing_says_so(client, data, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.post("/admin/reports/overdue/", {}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [str(NOTHING_SELECTED)]
    assert not mail.outbox


def test_the_command_reminds_n_days_ahead_once_a_day(
    course, county, learner_lo1, learner_lo2, settings, site_shell,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    course, _lessons = course
    settings.DEADLINE_REMINDER_DAYS = 3
    today = timezone.localdate()
    due = enrol(learner_lo1, course, deadline=today + timedelta(days=3))
    enrol(learner_lo2, course, deadline=today + timedelta(days=4))
    finished = learner(county["lo1"], "gotowe@example.org")
    enrol(finished, course, deadline=today + timedelta(days=3), completed=True)
    yesterday = learner(county["lo1"], "wczoraj@example.org")
    reminded_yesterday = enrol(yesterday, course, deadline=today + timedelta(days=3))
    Enrolment.objects.filter(pk=reminded_yesterday.pk).update(
        reminded_at=timezone.make_aware(datetime.combine(today, datetime.min.time()))
        - timedelta(hours=1)
    )
    mail.outbox.clear()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", stdout=out)
    assert "Sent 2 deadline reminders." in out.getvalue()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "uczen.lo1@example.org",
        "wczoraj@example.org",
    ]
    due.refresh_from_db()
    assert timezone.localdate(due.reminded_at) == today

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", stdout=out)  # the same day again: nothing
    assert "Sent 0 deadline reminders." in out.getvalue()
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--days", "4", stdout=StringIO())
    assert mail.outbox[-1].to == ["nauczyciel.lo2@example.org"]
    assert len(mail.outbox) == 3
