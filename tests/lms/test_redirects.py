"""Redirect targets taken from a request never leave the site: a crafted
link lands the logged-in official on our own page."""

import pytest

from courses.models import Enrolment
from tests import factories

pytestmark = pytest.mark.django_db

EVIL_TARGETS = [
    "https://evil.example.org/phish",
    "//evil.example.org/phish",
    "https:evil.example.org/phish",
    "\\\\evil.example.org/phish",
    "/\\evil.example.org/phish",
    "javascript:alert(1)",
    "http://evil.example.org@localhost.evil.example.org/",
]


@pytest.fixture
def acknowledged_learner(client, site_shell, learner_lo1):
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")
    return learner_lo1


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_lesson_done_does_not_follow_a_foreign_next(
    client, catalogue, acknowledged_learner, target
):
    course, lessons = factories.course_with_lessons(catalogue, 2)
    Enrolment.objects.create(user=acknowledged_learner, course=course, method="self")
    client.get(lessons[0].url)
    response = client.post(f"/courses/lessons/{lessons[0].pk}/done/", {"next_url": target})
    assert response.status_code == 302
    assert response["Location"] == lessons[0].url


def test_lesson_done_follows_the_next_lesson(client, catalogue, acknowledged_learner):
    course, lessons = factories.course_with_lessons(catalogue, 2)
    Enrolment.objects.create(user=acknowledged_learner, course=course, method="self")
    client.get(lessons[0].url)
    response = client.post(f"/courses/lessons/{lessons[0].pk}/done/", {"next_url": lessons[1].url})
    assert response["Location"] == lessons[1].url


@pytest.mark.parametrize("target", EVIL_TARGETS)
def test_privacy_acknowledgement_does_not_follow_a_foreign_next(
    client, site_shell, learner_lo1, target
):
    client.force_login(learner_lo1)
    page = client.get("/accounts/privacy/", {"next": target}).content.decode()
    assert '<input type="hidden" name="next" value="/my-courses/">' in page
    response = client.post("/accounts/privacy/", {"next": target})
    assert (response.status_code, response["Location"]) == (302, "/my-courses/")
