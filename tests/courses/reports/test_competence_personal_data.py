"""'Download my data' holds the learner's competence assessments and test
attempts, and nobody else's."""

import json

import pytest

from tests import factories
from tests.courses.reports import competence_factories as competences

pytestmark = pytest.mark.django_db


def test_my_data_holds_my_competence_assessments_and_attempts(
    client, catalogue, learner_lo1, learner_lo2
):
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Ochrona danych")
    version = competences.standard(course, number=2)
    competences.assessment(learner_lo1, course, version, before=40, after=80, gained=True)
    other, _lessons = factories.course_with_lessons(catalogue, 1, title="Cudzy kurs")
    competences.assessment(learner_lo2, other, competences.standard(other), before=None)
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")  # the privacy clause, accepted on the first visit
    data = json.loads(client.get("/accounts/profile/my-data.json").content)

    [assessment] = data["competence_assessments"]
    assert assessment["course"] == "Ochrona danych"
    assert assessment["standard_version"] == 2
    assert assessment["gained"] is True
    assert assessment["pre_test_skipped_at"] is None
    assert assessment["assessed_at"] and assessment["started_at"]
    assert assessment["outcomes"][0] == {"code": "W1", "before": 40, "after": 80, "met": True}
    assert (assessment["score_before"], assessment["score_after"]) == (40, 80)
    assert [
        (attempt["course"], attempt["test"], attempt["attempt"], attempt["score"])
        for attempt in data["competence_attempts"]
    ] == [("Ochrona danych", "pre", 1, 40), ("Ochrona danych", "post", 1, 80)]
    assert all(attempt["submitted_at"] for attempt in data["competence_attempts"])
    assert "Cudzy kurs" not in json.dumps(data, ensure_ascii=False)
