"""The live session list a trainer keeps (latest first) asks the same number
of queries for 1 session as for 50, and shows them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import LiveSession
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db


def test_live_session_list_costs_the_same_for_1_and_50_sessions(client, trainer_course):
    course, trainer = trainer_course["course"], trainer_course["trainer"]
    start = timezone.now() + timedelta(days=1)

    def add_row(number):
        LiveSession.objects.create(
            course=course,
            title=f"Spotkanie {number:03d}",
            starts_at=start + timedelta(days=number),
            ends_at=start + timedelta(days=number, minutes=90),
            trainer=trainer,
            meeting_url="https://meet.example.org/abc-def",
        )
        return f"Spotkanie {number:03d}"

    client.force_login(trainer)
    _one, fifty = assert_same_queries_for_1_and_50_rows(client, "/admin/live-sessions/", add_row)
    assert course.title in fifty and "1:30" in fifty
