"""The list of a person's evidence packs asks the same number of queries for
1 pack as for 50, and shows them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from courses.models import EvidencePack
from tests import factories
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db


def test_evidence_pack_list_costs_the_same_for_1_and_50_packs(
    client, catalogue, county, coordinator_county
):
    course, _lessons = factories.course_with_lessons(catalogue, title="Podpis elektroniczny")
    now = timezone.now()

    def add_row(number):
        EvidencePack.objects.create(
            requested_by=coordinator_county,
            requested_at=now + timedelta(minutes=number),
            course=course,
            institution=county["lo1"],
            period_from=date(2026, 1, 1) + timedelta(days=number),
            period_to=date(2026, 12, 31),
        )
        return f"{date(2026, 1, 1) + timedelta(days=number):%Y-%m-%d} – 2026-12-31"

    client.force_login(coordinator_county)
    _one, fifty = assert_same_queries_for_1_and_50_rows(client, "/admin/evidence-packs/", add_row)
    assert "Podpis elektroniczny" in fifty and "I Liceum Ogólnokształcące" in fifty
