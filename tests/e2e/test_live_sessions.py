"""Live sessions in Chromium: a learner checks in with the code on the
course page, the trainer marks another learner on the register (where the
code is shown), and the session's attendance list PDF shows both; axe-core
checks the course page and the project's part of the register page."""

import io
import os
import re
from datetime import timedelta

import pypdf
import pytest
from django.utils import timezone

from accounts import roles
from courses.models import Attendance, Enrolment, LiveSession
from tests import factories
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)

# Set to a folder to keep screenshots of the pages (for a human look).
SCREENSHOTS = os.environ.get("LIVE_SESSION_SCREENSHOTS")


def shot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=True)


def test_checkin_register_and_attendance_list(page, site_shell, catalogue, county, run_axe):
    trainer = factories.user_with_role(
        roles.TRAINER, email="trenerka@example.org", first_name="Teresa", last_name="Trener"
    )
    first = factories.user_with_role(
        roles.LEARNER, email="ola@example.org", institution=county["lo1"],
        first_name="Aleksandra", last_name="Żak",
    )  # fmt: skip
    second = factories.user_with_role(
        roles.LEARNER, email="jan@example.org", institution=county["lo2"],
        first_name="Jan", last_name="Łoś",
    )  # fmt: skip
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Wideokonferencje")
    course.trainers.add(trainer)
    course.save()
    for learner in (first, second):
        Enrolment.objects.create(user=learner, course=course, method="self")
    now = timezone.now()
    session = LiveSession.objects.create(
        course=course, title="Spotkanie na żywo", trainer=trainer,
        starts_at=now - timedelta(minutes=5), ends_at=now + timedelta(minutes=55),
        meeting_url="https://meet.example.org/wideo", room="Sala 2",
    )  # fmt: skip
    future = LiveSession.objects.create(
        course=course, title="Kolejne spotkanie", trainer=trainer,
        starts_at=now + timedelta(days=7), ends_at=now + timedelta(days=7, hours=2),
        meeting_url="https://meet.example.org/kolejne",
    )  # fmt: skip

    # The learner sees the session with the link (it is under way) and checks in.
    login(page, first.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(course.url)
    assert page.locator(f'a[href="{session.meeting_url}"]').is_visible()
    assert page.locator(f'a[href="{future.meeting_url}"]').count() == 0  # not yet
    assert page.locator(f'a[href$="/live-sessions/{future.pk}/calendar.ics"]').count() == 1
    assert run_axe(page) == []
    shot(page, "course-page.png")
    page.locator("#live-checkin-code").fill(session.checkin_code.lower())
    page.locator(".live-checkin button[type=submit]").click()
    page.wait_for_load_state()
    attendance = Attendance.objects.get(session=session)
    assert (attendance.user, attendance.status) == (first, Attendance.Status.PRESENT)
    assert run_axe(page) == []

    # The trainer shows the code and marks the other learner.
    page.context.clear_cookies()
    login(page, trainer.email)
    page.goto(f"/admin/live-sessions/{session.pk}/attendance/")
    assert session.checkin_code in page.locator(".live-register__code").inner_text()
    first_row = page.locator(f'input[name="status-{first.pk}"][value="present"]')
    assert first_row.is_checked()
    page.locator(f'input[name="status-{second.pk}"][value="late"]').check()
    assert run_axe(page, within="main .live-register") == []
    shot(page, "attendance-register.png")
    page.locator("form[action$='/attendance/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert Attendance.objects.get(session=session, user=second).status == Attendance.Status.LATE
    assert page.locator(f'input[name="status-{second.pk}"][value="late"]').is_checked()

    # The attendance list of this session, as the PDF the trainer signs.
    day = timezone.localdate(session.starts_at).isoformat()
    response = page.request.get(
        f"/admin/reports/live-session-attendance/pdf/"
        f"?session={session.pk}&period_from={day}&period_to={day}"
    )
    assert response.status == 200
    reader = pypdf.PdfReader(io.BytesIO(response.body()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for expected in ("Aleksandra Żak", "Jan Łoś", "Spotkanie na żywo", "1:00"):
        assert expected in text, expected
