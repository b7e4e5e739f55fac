"""A learner playing a SCORM package: launching a part starts an attempt or
resumes the one they left, commits are checked against the data model and
stored only for the learner's own attempt, completion never goes back, the
package's own time is kept but never credited, and the lesson follows the
package's completion and success status."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts import roles
from courses.models import Enrolment, LessonProgress, ScormAttempt
from courses.personal_data import SECTIONS
from courses.scorm import cmi, manifest, packages, samples
from tests import factories
from tests.courses.scorm.helpers import add_package_block, commit, launch, log_in

pytestmark = pytest.mark.django_db


def test_the_lesson_page_shows_the_parts_and_the_runtime(client, learner_lo1, activity):
    log_in(client, learner_lo1)
    body = client.get(activity["lesson"].url).content.decode()
    assert "Bezpieczne hasła" in body and "data-scorm-activity" in body
    assert "courses/js/scorm-player.js" in body and "scorm-again/scorm12.min.js" in body
    assert ">Rozpocznij<" in body


def test_launch_gives_the_sco_and_who_the_learner_is(client, learner_lo1, activity):
    log_in(client, learner_lo1)
    response = launch(client, activity)
    assert response.status_code == 200
    data = response.json()
    package = activity["package"]
    assert data["version"] == manifest.SCORM12 and data["number"] == 1
    assert data["launchUrl"].endswith(f"/{package.directory}/index.html")
    core = data["cmi"]["cmi"]["core"]
    assert core["student_id"] == str(learner_lo1.pk) and core["entry"] == "ab-initio"
    assert data["cmi"]["cmi"]["student_data"]["mastery_score"] == "80"
    page = client.get(data["launchUrl"])
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert "'unsafe-inline'" in page["Content-Security-Policy"]
    assert page["X-Content-Type-Options"] == "nosniff"
    manifest_file = client.get(data["launchUrl"].replace("index.html", "imsmanifest.xml"))
    assert manifest_file["Content-Security-Policy"] == "sandbox"


def test_leaving_in_the_middle_resumes_where_the_learner_stopped(client, learner_lo1, activity):
    log_in(client, learner_lo1)
    attempt = launch(client, activity).json()["attempt"]
    response = commit(
        client, attempt,
        core={"lesson_location": "2", "lesson_status": "incomplete", "exit": "suspend",
              "session_time": "0000:01:30.00"},
        suspend_data='{"strona":2}',
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["result"] is True
    again = launch(client, activity).json()
    assert again["attempt"] == attempt
    core = again["cmi"]["cmi"]["core"]
    assert core["entry"] == "resume" and core["lesson_location"] == "2"
    assert again["cmi"]["cmi"]["suspend_data"] == '{"strona":2}'
    stored = ScormAttempt.objects.get()
    assert stored.reported_seconds == 90  # the package's own time, kept beside ours


def test_passing_completes_the_lesson_and_completion_never_goes_back(client, learner_lo1, activity):
    log_in(client, learner_lo1)
    attempt = launch(client, activity).json()["attempt"]
    passed = commit(
        client, attempt,
        core={"lesson_status": "passed", "score": {"raw": "100", "min": "0", "max": "100"}},
        interactions={"0": {"id": "haslo", "type": "choice", "student_response": "b",
                            "result": "correct"}},
    )  # fmt: skip
    assert passed.json()["lesson_completed"] is True
    assert passed.json()["summary"] == {
        "completion": "completed", "success": "passed", "score": 100, "done": True
    }  # fmt: skip
    commit(client, attempt, core={"lesson_status": "incomplete"})
    stored = ScormAttempt.objects.get()
    assert stored.completion_status == "completed" and stored.success_status == "passed"
    assert stored.best_score == 100
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=activity["lesson"])
    assert progress.is_completed and progress.best_score == 100
    (row,) = SECTIONS["package_attempts"](learner_lo1)  # "download my data"
    assert row["best_score"] == 100 and row["completion_status"] == "completed"
    # Ended without suspending: the next launch is a new attempt.
    assert launch(client, activity).json()["number"] == 2


def test_a_failed_score_below_the_mastery_score_does_not_complete(client, learner_lo1, activity):
    log_in(client, learner_lo1)
    attempt = launch(client, activity).json()["attempt"]
    response = commit(client, attempt, core={"lesson_status": "failed", "score": {"raw": "40"}})
    assert response.json()["summary"]["done"] is False
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=activity["lesson"])
    assert not progress.is_completed


@pytest.mark.parametrize(
    ("core", "extra", "template"),
    [
        ({"lesson_status": "finished"}, {}, cmi.BAD_VOCABULARY),
        ({"score": {"raw": "140", "min": "0", "max": "100"}}, {}, cmi.OUT_OF_RANGE),
        ({"score": {"raw": "abc"}}, {}, cmi.NOT_A_NUMBER),
        ({"session_time": "90 minutes"}, {}, cmi.BAD_TIME),
        ({"lesson_location": "x" * 256}, {}, cmi.TOO_LONG),
        ({}, {"suspend_data": "x" * 4097}, cmi.TOO_LONG),
    ],
)
def test_values_outside_the_data_model_are_refused_and_nothing_stored(
    client, learner_lo1, activity, core, extra, template
):
    log_in(client, learner_lo1)
    attempt = launch(client, activity).json()["attempt"]
    response = commit(client, attempt, core=core, **extra)
    assert response.status_code == 400
    assert response.json()["result"] is False and response.json()["message"]
    assert ScormAttempt.objects.get().commits == 0


def test_suspend_data_of_scorm_2004_may_be_longer():
    data = {"cmi": {"suspend_data": "x" * 64000, "completion_status": "incomplete"}}
    assert len(cmi.commit_read(manifest.SCORM2004_4, data).suspend_data) == 64000
    with pytest.raises(cmi.CommitError):
        cmi.commit_read(manifest.SCORM2004_4, {"cmi": {"suspend_data": "x" * 64001}})
    assert (
        cmi.commit_read(manifest.SCORM2004_4, {"cmi": {"session_time": "PT1M30S"}}).session_seconds
        == 90
    )


def test_forged_commits_are_refused(client, learner_lo1, learner_lo2, activity):
    log_in(client, learner_lo1)
    attempt = launch(client, activity).json()["attempt"]
    log_in(client, learner_lo2)  # not their attempt (and not enrolled)
    assert commit(client, attempt, core={"lesson_status": "passed"}).status_code == 404
    assert commit(client, 2**63, core={"lesson_status": "passed"}).status_code == 404
    log_in(client, learner_lo1)
    broken = client.post(
        f"/scorm/attempts/{attempt}/commit/", "{not json", content_type="application/json"
    )
    assert broken.status_code == 400 and broken.json()["result"] is False
    assert client.get(f"/scorm/attempts/{attempt}/commit/").status_code == 405
    assert ScormAttempt.objects.get().commits == 0


def test_files_only_for_the_enrolled(client, learner_lo1, learner_lo2, activity):
    log_in(client, learner_lo1)
    url = launch(client, activity).json()["launchUrl"]
    log_in(client, learner_lo2)
    assert client.get(url).status_code == 403
    assert launch(client, activity).status_code == 403
    client.logout()
    assert client.get(url).status_code == 403
    log_in(client, learner_lo1)
    assert client.get(url.replace("index.html", "../../etc/passwd")).status_code == 404
    assert client.get(url.replace("index.html", "nothing.html")).status_code == 404


def test_a_package_waiting_for_approval_cannot_be_played(
    client, catalogue, learner_lo1, scorm_storage
):
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 1)
    package = packages.scorm_package_create(
        file=SimpleUploadedFile("p.zip", samples.scorm12_package()), by=trainer
    )
    activity_id = add_package_block(lessons[0], package)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    log_in(client, learner_lo1)
    body = client.get(lessons[0].url).content.decode()
    assert (
        "czeka na zatwierdzenie" in body.lower()
        or "oczekuje" in body.lower()
        or ("data-scorm-activity" not in body)
    )
    response = client.post(f"/courses/lessons/{lessons[0].pk}/scorm/{activity_id}/0/launch/")
    assert response.status_code == 404


def test_a_lesson_with_a_package_stays_within_the_query_budget(
    client, learner_lo1, activity, django_assert_num_queries
):
    """Issue 18's budget: the site generation, session, user, route, the
    enrolment with progress rows, the opening's upsert and learning session,
    and the learner's attempts in the lesson (the package comes with the
    lesson's parsed body)."""
    log_in(client, learner_lo1)
    url = activity["lesson"].url
    client.get(url)
    attempt = launch(client, activity).json()["attempt"]
    commit(client, attempt, core={"lesson_status": "incomplete", "exit": "suspend"})
    with django_assert_num_queries(8):
        body = client.get(url).content.decode()
    assert ">Wznów<" in body and "przerwane w trakcie" in body


def test_launch_and_commit_need_the_csrf_token(learner_lo1, activity):
    log_in(Client(), learner_lo1)  # the RODO clause, acknowledged once for the user
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner_lo1)
    assert launch(client, activity).status_code == 403
    assert not ScormAttempt.objects.exists()
