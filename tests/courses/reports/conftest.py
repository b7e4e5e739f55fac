"""Fixtures of the report tests: participants assessed against competence
standards (the four-stage document, the indicators, the dashboard)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts import roles
from tests import factories
from tests.courses.reports import competence_factories as competences


@pytest.fixture
def assessed(catalogue, county, learner_lo1, learner_lo2):
    """Course A has two standard versions: Łucja (I LO, woman) gained on v1,
    Żaneta (II LO, gender not given) skipped the pre-test and did not gain
    on v2. Łucja also took course B (taught by a trainer) and did not gain
    there. A learner of another county was assessed on A; a learner of I LO
    was assessed long before the period."""
    course_a, _lessons = factories.course_with_lessons(catalogue, 1, title="Ochrona danych")
    course_b, _lessons = factories.course_with_lessons(catalogue, 1, title="Cyberhigiena")
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course_b.trainers.add(trainer)
    course_b.save()  # a parental relation is stored with the page
    now = timezone.now()
    v1 = competences.standard(course_a, number=1, frozen_at=now - timedelta(days=20))
    v2 = competences.standard(course_a, number=2, frozen_at=now - timedelta(days=5), min_gain=15)
    b1 = competences.standard(course_b, number=1)
    learner_lo1.gender = "K"
    learner_lo1.save(update_fields=["gender"])
    competences.assessment(learner_lo1, course_a, v1, before=40, after=80, gained=True)
    competences.assessment(learner_lo2, course_a, v2, before=None, after=55, gained=False)
    competences.assessment(learner_lo1, course_b, b1, before=70, after=75, gained=False)
    stranger = factories.user_with_role(
        roles.LEARNER, email="obcy@example.org", institution=county["other"],
        first_name="Obcy", last_name="Lubański",
    )  # fmt: skip
    competences.assessment(stranger, course_a, v1)
    early = factories.user_with_role(
        roles.LEARNER, email="dawno@example.org", institution=county["lo1"],
        first_name="Dawny", last_name="Uczestnik",
    )  # fmt: skip
    competences.assessment(early, course_a, v1, assessed_at=now - timedelta(days=60))
    return {"a": course_a, "b": course_b, "trainer": trainer, "v1": v1, "v2": v2}
