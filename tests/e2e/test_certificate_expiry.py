"""Expiry in Chromium: a certificate of a course valid for 12 months is
reported valid (with its last day) on the verification page, expired once
the certificates' clock passes that day; the learner then starts the course
again from "My courses" and the course opens with its lessons to do again.
axe-core checks both pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from courses.certificates import expiry
from courses.models import Certificate, Enrolment
from tests import factories
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_verification_says_expired_and_the_learner_starts_again(
    page, live_server, monkeypatch, site_shell, catalogue, county, run_axe
):
    learner = factories.user_with_role(
        roles.LEARNER, email="jan@example.org", institution=county["lo1"],
        first_name="Jan", last_name="Źdźbło",
    )  # fmt: skip
    course, lessons = factories.course_with_lessons(
        catalogue, 1, title="Cyberhigiena co roku", validity_months=12
    )
    Enrolment.objects.create(user=learner, course=course, method="self")
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.wait_for_load_state()
    certificate = Certificate.objects.get(user=learner)
    last_day = f"{certificate.expires_on:%Y-%m-%d}"

    page.goto(f"/certificates/verify/{certificate.code}/")
    assert page.get_by_text("Zaświadczenie jest ważne.").is_visible()
    assert page.get_by_text(f"Ważne do {last_day}.").is_visible()
    page.goto("/my-courses/")
    assert page.get_by_role("button", name=re.compile("Rozpocznij ponownie")).count() == 0

    # The clock passes the expiry: the live server reads the same clock.
    moved = certificate.expires_on + timedelta(days=1)
    monkeypatch.setattr(expiry, "today", lambda: moved)
    page.goto(f"/certificates/verify/{certificate.code}/")
    assert page.get_by_text(f"Zaświadczenie wygasło: było ważne do {last_day}.").is_visible()
    assert page.get_by_text("Zaświadczenie jest ważne.").count() == 0
    assert run_axe(page) == []

    page.goto("/my-courses/")
    assert page.get_by_text(f"Twoje zaświadczenie było ważne do {last_day}.").is_visible()
    assert run_axe(page) == []
    page.get_by_role("button", name=re.compile("Rozpocznij ponownie")).click()
    page.wait_for_url(re.compile(re.escape(course.url) + "$"))
    assert page.get_by_text("Szkolenie jest ponownie otwarte.").is_visible()
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.attempt == 2 and enrolment.completed_at is None
    assert enrolment.attempt_started_at <= timezone.now()

    # Completing the new attempt replaces the expired certificate.
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.wait_for_load_state()
    page.goto(f"/certificates/verify/{certificate.code}/")
    new = Certificate.objects.get(replaces=certificate)
    assert page.get_by_text(re.compile(f"zastąpione .*{re.escape(new.number)}")).count() >= 1
