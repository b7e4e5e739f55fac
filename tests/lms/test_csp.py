"""The site-wide Content-Security-Policy (lms.csp): every page kind sends the
strict policy, the admin alone may run inline scripts and styles, a nonce is
new for every request and never replayed from the page cache, H5P lessons
allow only the player frame's script, and media on S3 may be shown."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path

from accounts import roles
from courses.h5p.frame import FRAME_SCRIPT
from courses.models import Certificate, Enrolment
from courses.progress import services as progress_services
from lms import urls as project_urls
from lms.csp import script_hash
from lms.page_cache import HIT_HEADER, allow_anonymous_caching
from tests import factories
from tests.conftest import require_or_skip
from tests.courses.h5p.test_h5p import ready_client
from tests.fixtures.h5p import add_h5p_block, installed_package

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
FRAME_BUNDLE = ROOT / "node_modules" / "h5p-standalone" / "dist" / "frame.bundle.js"
NONCE_PAGE = '<!DOCTYPE html><script nonce="{{ request.csp_nonce }}">document.title = "x";</script>'
STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "media-src": "'self'",
    "frame-ancestors": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}


def nonce_page(request):
    """A public page with an inline script, offered to the page cache."""
    html = engines["django"].from_string(NONCE_PAGE).render(request=request)
    return allow_anonymous_caching(HttpResponse(html))


# The project's URLs plus the page above, for the tests that need it.
urlpatterns = [path("nonce-page/", nonce_page), *project_urls.urlpatterns]
with_nonce_page = pytest.mark.urls(__name__)


def policy(response) -> dict[str, str]:
    header = response.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    return dict(directive.strip().partition(" ")[::2] for directive in header.split(";"))


def page_kinds(site_shell, catalogue, county, learner_lo1):
    """(name, client, address) of each kind of page a visitor reaches."""
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Cyberhigiena")
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    for lesson in lessons:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    certificate = Certificate.objects.get(user=learner_lo1)
    anonymous, learner = Client(), ready_client(learner_lo1)
    return [
        ("home", anonymous, "/"),
        ("content page", anonymous, site_shell["content"].url),
        ("catalogue", anonymous, catalogue.url),
        ("course", anonymous, course.url),
        ("login", anonymous, "/accounts/login/"),
        ("not found", anonymous, "/no-such-page/"),
        ("certificate verification", anonymous, f"/certificates/verify/{certificate.code}/"),
        ("lesson", learner, lessons[0].url),
        ("course as a learner", learner, course.url),
        ("my courses", learner, "/my-courses/"),
        ("profile", learner, "/accounts/profile/"),
        ("admin without access", learner, "/admin/"),
    ]


def test_every_page_kind_sends_the_strict_policy(site_shell, catalogue, county, learner_lo1):
    for name, client, address in page_kinds(site_shell, catalogue, county, learner_lo1):
        response = client.get(address)
        assert response.status_code in (200, 403, 404), (name, response.status_code)
        assert policy(response) == STRICT, name


def test_the_admin_alone_may_run_wagtails_inline_scripts_and_styles(client, site_shell):
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")
    client.force_login(admin)
    response = client.get("/admin/")
    admin_policy = policy(response)
    assert admin_policy["script-src"] == "'self' 'unsafe-inline'"
    assert admin_policy["style-src"] == "'self' 'unsafe-inline'"
    assert "nonce-" not in response["Content-Security-Policy"]  # it would cancel them
    assert admin_policy["object-src"] == "'none'"
    assert admin_policy["frame-ancestors"] == "'self'"
    # Logged in to the admin, the public site stays strict.
    assert policy(client.get("/")) == STRICT


@with_nonce_page
def test_a_nonce_is_new_for_every_request_and_matches_the_header(client):
    nonces = set()
    for _round in range(3):
        response = client.get("/nonce-page/")
        nonce = re.search(r'nonce="([^"]+)"', response.content.decode())[1]
        assert policy(response)["script-src"] == f"'self' 'nonce-{nonce}'"
        assert policy(response)["style-src"] == f"'self' 'nonce-{nonce}'"
        nonces.add(nonce)
    assert len(nonces) == 3


@with_nonce_page
def test_a_page_with_a_nonce_is_never_stored_in_the_page_cache(client, catalogue):
    first, second = client.get("/nonce-page/"), client.get("/nonce-page/")
    assert second.get(HIT_HEADER) != "hit"
    assert first.content != second.content
    # A cacheable page without a nonce is stored with its policy.
    course, _lessons = factories.course_with_lessons(catalogue, title="Pakiet biurowy")
    client.get(course.url)
    cached = client.get(course.url)
    assert cached.get(HIT_HEADER) == "hit"
    assert policy(cached) == STRICT


def test_an_h5p_lesson_allows_only_the_player_frames_script(catalogue, learner_lo1, h5p_storage):
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 2)
    add_h5p_block(lessons[1], installed_package(admin))
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    client = ready_client(learner_lo1)
    with_h5p = policy(client.get(lessons[1].url))
    assert with_h5p["script-src"] == f"'self' {script_hash(FRAME_SCRIPT)}"
    assert with_h5p["style-src"] == "'self'"
    assert policy(client.get(lessons[0].url)) == STRICT


def test_the_allowed_frame_script_is_the_one_h5p_standalone_writes():
    require_or_skip(FRAME_BUNDLE.exists(), "h5p-standalone is not installed (npm ci)")
    bundle = FRAME_BUNDLE.read_text()
    assert f"<script>{FRAME_SCRIPT}<\\/script>" in bundle


def media_policy(extra_env) -> str:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update({"DJANGO_SETTINGS_MODULE": "lms.settings.dev", **extra_env})
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(' '.join(d['img-src']), '|', ' '.join(d['media-src']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def test_media_on_s3_may_be_shown_and_played():
    bucket = {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "media"}
    bucket["AWS_PRIVATE_BUCKET_NAME"] = "private"
    assert media_policy({}) == "'self' data: | 'self'"
    assert media_policy({**bucket, "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000/"}) == (
        "'self' data: http://127.0.0.1:9000 | 'self' http://127.0.0.1:9000"
    )
    assert media_policy({**bucket, "AWS_S3_CUSTOM_DOMAIN": "media.example.org"}) == (
        "'self' data: https://media.example.org | 'self' https://media.example.org"
    )
