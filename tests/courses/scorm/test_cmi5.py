"""cmi5 courses: the launch carries cmi5's parameters, the fetch address
gives the auth token once, the token works only for its own learner and
session, LMS.LaunchData carries the session id, mastery score and moveOn,
and statements are accepted only in cmi5's order and for the AU's own
registration; moveOn decides when the AU, and so the lesson, is done."""

import base64
import json
import urllib.parse
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from courses.models import Cmi5Session, Enrolment, LessonProgress, ScormAttempt
from courses.scorm import cmi5, packages, samples
from tests import factories
from tests.courses.scorm.helpers import add_package_block, log_in

pytestmark = pytest.mark.django_db

AU = "https://akademia.example/cmi5/cyberhigiena/au1"


@pytest.fixture
def course_au(catalogue, learner_lo1, admin, scorm_storage):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    package = packages.scorm_package_create(
        file=SimpleUploadedFile("c.zip", samples.cmi5_package()), by=admin
    )
    activity_id = add_package_block(lessons[0], package)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    return {"lesson": lessons[0], "activity_id": activity_id, "package": package}


def launched(client, course_au) -> dict:
    """The launch's parameters, the token from the fetch address, and the learner's client."""
    url = f"/courses/lessons/{course_au['lesson'].pk}/scorm/{course_au['activity_id']}/0/launch/"
    data = client.post(url).json()
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(data["launchUrl"]).query))
    fetch = urllib.parse.urlsplit(query["fetch"]).path
    token = client.post(fetch).json()["auth-token"]
    return {**query, "fetch_path": fetch, "token": token, "launch": data}


def statement(params, verb, **result):
    data = {
        "id": str(uuid.uuid4()),
        "actor": json.loads(params["actor"]),
        "verb": {"id": cmi5.VERBS + verb},
        "object": {"id": params["activityId"], "objectType": "Activity"},
        "context": {
            "registration": params["registration"],
            "extensions": {cmi5.SESSION_EXTENSION: params["session"]},
        },
    }
    if result:
        data["result"] = result
    return data


def send(client, params, *statements, token=None):
    return client.post(
        "/scorm/cmi5/xapi/statements",
        json.dumps(list(statements)),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {token or params['token']}",
    )


@pytest.fixture
def au(client, learner_lo1, course_au):
    log_in(client, learner_lo1)
    params = launched(client, course_au)
    state = client.get(
        "/scorm/cmi5/xapi/activities/state",
        {"stateId": "LMS.LaunchData", "activityId": params["activityId"],
         "registration": params["registration"], "agent": params["actor"]},
        HTTP_AUTHORIZATION=f"Basic {params['token']}",
    )  # fmt: skip
    assert state.status_code == 200
    params["launch_data"] = state.json()
    params["session"] = state.json()["contextTemplate"]["extensions"][cmi5.SESSION_EXTENSION]
    return params


def test_the_launch_carries_cmi5_parameters_and_launch_data(au, learner_lo1):
    assert au["endpoint"].endswith("/scorm/cmi5/xapi/") and au["activityId"] == AU
    assert json.loads(au["actor"])["account"]["name"] == str(learner_lo1.pk)
    data = au["launch_data"]
    assert data["moveOn"] == "CompletedAndPassed" and data["masteryScore"] == 0.8
    assert data["launchMode"] == "Normal" and data["returnURL"].endswith("/scorm/cmi5/return/")


def test_the_fetch_address_gives_its_token_once(client, au):
    second = client.post(au["fetch_path"])
    assert second.status_code == 403 and second.json()["error-code"] == "1"
    assert "już użyty" in second.json()["error-text"]


def test_a_token_works_only_for_its_learner(client, au, learner_lo2):
    forged = base64.b64encode(f"{au['session']}:guessed".encode()).decode()
    assert send(client, au, statement(au, "initialized"), token=forged).status_code == 401
    other = Client()
    log_in(other, learner_lo2)
    assert send(other, au, statement(au, "initialized")).status_code == 401
    assert Cmi5Session.objects.get().statements == []


def test_statements_in_order_complete_the_lesson_by_move_on(client, au, learner_lo1, course_au):
    assert send(client, au, statement(au, "completed")).status_code == 400  # not initialized
    assert send(client, au, statement(au, "initialized")).status_code == 200
    below = statement(au, "passed", score={"scaled": 0.5})
    assert send(client, au, below).status_code == 400  # passed below the mastery score
    response = send(
        client, au, statement(au, "completed"), statement(au, "passed", score={"scaled": 1.0})
    )
    assert response.status_code == 200 and len(response.json()) == 2
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "completed" and attempt.success_status == "passed"
    assert attempt.best_score == 100 and attempt.done_at is not None
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=course_au["lesson"])
    assert progress.is_completed
    again = send(client, au, statement(au, "passed", score={"scaled": 1.0}))
    assert again.status_code == 400  # one result per session
    assert send(client, au, statement(au, "terminated")).status_code == 200
    # After "terminated" the token is dead.
    assert send(client, au, statement(au, "initialized")).status_code == 401


def test_statements_of_another_registration_or_verb_are_refused(client, au):
    send(client, au, statement(au, "initialized"))
    foreign = statement(au, "completed")
    foreign["context"]["registration"] = str(uuid.uuid4())
    assert send(client, au, foreign).status_code == 400
    odd = statement(au, "experienced")
    assert send(client, au, odd).status_code == 400
    elsewhere = statement(au, "completed")
    elsewhere["object"]["id"] = "https://elsewhere.example/au"
    assert send(client, au, elsewhere).status_code == 400
    assert ScormAttempt.objects.get().completion_status != "completed"
