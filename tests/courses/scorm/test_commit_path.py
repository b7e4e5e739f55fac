"""The SCORM commit's hot path: a commit that moves nothing but the attempt
costs one read and one conditional write; a higher score raises the
lesson's best score and nothing else; a commit read before another one of
the same attempt was stored never overwrites it; the lesson's state and
the enrolment are still checked on every commit."""

import pytest
from django.utils import timezone

from courses.models import Enrolment, LessonProgress, ScormAttempt
from courses.scorm import commit_sql
from tests.courses.scorm.helpers import commit, launch, log_in

pytestmark = pytest.mark.django_db

WORKING = {"lesson_status": "incomplete", "exit": "suspend"}


def started(client, learner, activity):
    """The learner in the lesson with an attempt that committed once."""
    log_in(client, learner)
    client.get(activity["lesson"].url)
    attempt = launch(client, activity).json()["attempt"]
    commit(client, attempt, core={**WORKING, "score": {"raw": "50", "min": "0", "max": "100"}})
    return attempt


def test_a_commit_that_moves_nothing_costs_one_read_and_one_write(
    client, learner_lo1, activity, django_assert_num_queries
):
    attempt = started(client, learner_lo1, activity)
    # The session, the user, the commit's one read and its one UPDATE.
    with django_assert_num_queries(4):
        response = commit(
            client, attempt, core={**WORKING, "lesson_location": "7", "session_time": "00:02:00"},
            suspend_data="strona=7",
        )  # fmt: skip
    assert response.status_code == 200 and response.json()["lesson_completed"] is False
    stored = ScormAttempt.objects.get(pk=attempt)
    assert (stored.location, stored.suspend_data, stored.commits) == ("7", "strona=7", 2)
    assert stored.reported_seconds == 120 and stored.best_score == 50


def test_a_higher_score_raises_the_best_score_and_a_lower_one_never_lowers_it(
    client, learner_lo1, activity
):
    attempt = started(client, learner_lo1, activity)
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=activity["lesson"])
    assert progress.best_score == 50 and progress.status == LessonProgress.Status.IN_PROGRESS
    commit(client, attempt, core={**WORKING, "score": {"raw": "80", "min": "0", "max": "100"}})
    commit(client, attempt, core={**WORKING, "score": {"raw": "30", "min": "0", "max": "100"}})
    progress.refresh_from_db()
    assert progress.best_score == 80 and progress.status == LessonProgress.Status.IN_PROGRESS
    stored = ScormAttempt.objects.get(pk=attempt)
    assert stored.best_score == 80 and stored.score_raw == 30


def test_a_commit_read_before_another_was_stored_never_overwrites_it(client, learner_lo1, activity):
    attempt = started(client, learner_lo1, activity)
    stale = commit_sql.commit_context(user_id=learner_lo1.pk, attempt_id=attempt).attempt
    commit(client, attempt, core={**WORKING, "lesson_location": "9"})  # stored meanwhile
    stale.location, stale.commits = "3", stale.commits + 1
    written = commit_sql.attempt_write(
        attempt=stale, fields=["location", "commits"], read_commits=stale.commits - 1
    )
    assert written is False
    stored = ScormAttempt.objects.get(pk=attempt)
    assert (stored.location, stored.commits) == ("9", 2)


def test_another_learners_attempt_gives_no_context(client, learner_lo1, learner_lo2, activity):
    attempt = started(client, learner_lo1, activity)
    assert commit_sql.commit_context(user_id=learner_lo2.pk, attempt_id=attempt) is None


def test_commits_after_unpublishing_or_withdrawing_are_refused_and_nothing_stored(
    client, learner_lo1, activity
):
    attempt = started(client, learner_lo1, activity)
    activity["lesson"].unpublish()
    response = commit(client, attempt, core={**WORKING, "lesson_location": "5"})
    assert response.status_code == 404 and response.json()["message"]
    activity["lesson"].save_revision().publish()
    Enrolment.objects.filter(user=learner_lo1).update(withdrawn_at=timezone.now())
    response = commit(client, attempt, core={**WORKING, "lesson_location": "5"})
    assert response.status_code == 403 and "zapisan" in response.json()["message"]
    stored = ScormAttempt.objects.get(pk=attempt)
    assert stored.commits == 1 and stored.location == ""
