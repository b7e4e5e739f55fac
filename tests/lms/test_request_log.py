"""The structured log as the log collector sees it: exactly one JSON line per
request with the user, status, duration and request id (echoed to the client),
written only once a streamed body has gone out, without query strings, emails,
secrets in paths or passwords; errors as JSON with their traceback and the id
of the request that caused them."""

import io
import json
import logging
import secrets
import time
from datetime import datetime

import pytest
from django.test import override_settings
from django.urls import path

from lms import urls as lms_urls

pytestmark = pytest.mark.django_db

REGISTER_CSV = "/admin/certificates/export/csv/"


@pytest.fixture
def log_output():
    """What the configured console handler writes to stdout during the test."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def request_lines(stream):
    return [line for line in lines(stream) if line["event"] == "request"]


def failing_view(request):
    raise RuntimeError("boom in the view")


urlpatterns = [path("boom/", failing_view), *lms_urls.urlpatterns]


def test_logged_in_request_is_one_json_line_with_user_status_and_duration(
    client, site_shell, learner_lo1, log_output
):
    client.force_login(learner_lo1)
    client.post("/accounts/privacy/")  # the RODO clause acknowledged
    log_output.seek(0)
    log_output.truncate()
    response = client.get("/my-courses/", HTTP_X_REQUEST_ID="lb-7f3a9c")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-7f3a9c"
    [line] = request_lines(log_output)
    assert line["level"] == "INFO"
    assert line["logger"] == "lms.request"
    assert line["method"] == "GET"
    assert line["path"] == "/my-courses/"
    assert line["route"] == "courses:my_courses"
    assert line["status"] == 200
    assert line["user_id"] == learner_lo1.pk
    assert line["request_id"] == "lb-7f3a9c"
    assert line["duration_ms"] > 0
    assert line["bytes"] == len(response.content)
    assert line["instance"]
    assert datetime.fromisoformat(line["timestamp"]).tzinfo is not None


def test_anonymous_request_has_null_user_and_a_generated_request_id(client, site_shell, log_output):
    first = client.get("/", HTTP_X_REQUEST_ID="bad id\nforged line")
    second = client.get("/o-projekcie/")
    assert first.status_code == second.status_code == 200
    logged = request_lines(log_output)
    assert [line["path"] for line in logged] == ["/", "/o-projekcie/"]
    assert [line["user_id"] for line in logged] == [None, None]
    ids = [first["X-Request-ID"], second["X-Request-ID"]]
    assert [line["request_id"] for line in logged] == ids
    assert ids[0] != ids[1]
    assert all(len(request_id) == 32 for request_id in ids)
    assert "forged" not in log_output.getvalue()


def test_streamed_export_is_logged_after_its_body_is_sent(client, coordinator_lo1, log_output):
    client.force_login(coordinator_lo1)
    response = client.get(REGISTER_CSV)
    assert response.streaming
    assert request_lines(log_output) == []
    time.sleep(0.05)  # the client reading slowly
    body = b"".join(response.streaming_content)
    [line] = request_lines(log_output)
    assert line["status"] == 200
    assert line["user_id"] == coordinator_lo1.pk
    assert line["bytes"] == len(body) > 0
    assert line["duration_ms"] >= 50
    assert line["request_id"] == response["X-Request-ID"]


def test_query_strings_emails_passwords_and_secrets_are_never_logged(
    client, site_shell, coordinator_lo1, learner_lo1, log_output
):
    client.force_login(coordinator_lo1)
    export = client.get(REGISTER_CSV, {"q": "jan.kowalski@example.org", "status": "revoked"})
    b"".join(export.streaming_content)
    client.get("/szukaj/anna.nowak@example.org/")
    token = secrets.token_urlsafe(32)  # as in an invitation email
    client.get(f"/accounts/invitation/{token}/")
    session_cookie = client.cookies["sessionid"].value
    client.logout()
    code = secrets.token_urlsafe(24)  # as in a certificate's QR code
    client.get(f"/certificates/verify/{code}/")
    client.post(
        "/accounts/login/",
        {"login": learner_lo1.email, "password": "a-wrong-password-123"},
    )
    output = log_output.getvalue()
    paths = [line["path"] for line in request_lines(log_output)]
    assert paths == [
        REGISTER_CSV,
        "/szukaj/[email]/",
        "/accounts/invitation/[secret]/",
        "/certificates/verify/[secret]/",
        "/accounts/login/",
    ]
    for secret in (
        "jan.kowalski",
        "revoked",
        "anna.nowak",
        "@",
        token,
        code,
        session_cookie,
        learner_lo1.email,
        coordinator_lo1.email,
        "a-wrong-password-123",
    ):
        assert secret not in output


@override_settings(ROOT_URLCONF=__name__)
def test_error_in_a_view_is_json_with_traceback_and_request_id(client, log_output):
    client.raise_request_exception = False
    response = client.get("/boom/?token=abc", HTTP_X_REQUEST_ID="req-500")
    assert response.status_code == 500
    [error] = [line for line in lines(log_output) if line["level"] == "ERROR"]
    assert error["logger"] == "django.request"
    assert error["request_id"] == "req-500"
    assert "Traceback (most recent call last)" in error["exception"]
    assert "RuntimeError: boom in the view" in error["exception"]
    [line] = request_lines(log_output)
    assert (line["status"], line["path"], line["request_id"]) == (500, "/boom/", "req-500")
    assert response["X-Request-ID"] == "req-500"
