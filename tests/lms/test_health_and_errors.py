"""Health endpoint for load balancers and the 500 page, both with the
database answering and with it gone."""

import threading

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings
from django.urls import path

from lms import urls as lms_urls


def without_database(func):
    """Run `func` in a thread whose database connection cannot be opened;
    the test's own connection and transaction are left untouched."""
    result = {}

    def run():
        connection = connections[DEFAULT_DB_ALIAS]
        broken = dict(connection.settings_dict)
        if connection.vendor == "sqlite":
            broken["NAME"] = "/nonexistent-dir/missing.sqlite3"
        else:
            broken.update(HOST="127.0.0.1", PORT="1")
        connection.settings_dict = broken
        try:
            result["value"] = func()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    return result["value"]


def failing_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", failing_view), *lms_urls.urlpatterns]


@pytest.mark.django_db
def test_healthz_answers_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_database_is_down(client):
    response = without_database(lambda: client.get("/healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_500_page_renders_in_polish_without_the_database(client):
    client.raise_request_exception = False
    response = without_database(lambda: client.get("/boom/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="pl">' in body
    assert "Przepraszamy, wystąpił błąd po naszej stronie" in body
    assert 'class="skip-link"' in body


@pytest.mark.django_db
def test_healthz_answers_probes_by_ip_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["akademia.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


@pytest.mark.django_db
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
