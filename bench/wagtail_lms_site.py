"""A stock wagtail-lms 0.11.1 site with one lesson, for bench/pages.py to serve
beside ours (issue 18): our lesson page's req/s only means something next to
the closest open-source Wagtail LMS on the same framework and the same server.

The site is built the way its README says, with nothing tuned: a virtual
environment with wagtail-lms 0.11.1 and the Django, Wagtail and gunicorn that
requirements/base.lock pins (so both sites run the same framework; reused from
test-artifacts/ while those pins match), a `wagtail start` project in a
throwaway folder with `wagtail_lms` in its apps and its urls under `lms/`, a
migrated SQLite database, one course page, one H5P lesson page (the same rich
text as our benchmark lesson and one H5P activity block), an H5P activity
from a package built with our own content type (courses/h5p/content_type,
as the tests do: nothing third-party is committed), and a learner enrolled in
the course. Two settings are ours: DEBUG off with the loopback hosts allowed,
and LOGIN_URL set to Wagtail's login form, since a `wagtail start` project
has no other one for the lesson page's login redirect to reach.

    python bench/wagtail_lms_site.py   # builds it once and prints the lesson's queries
"""

import http.client
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import PASSWORD, login_cookie

ROOT = Path(__file__).resolve().parents[1]
VERSION = "0.11.1"
VENV = ROOT / "test-artifacts" / "wagtail-lms-venv"
PROJECT = "lmsbench"
LEARNER = "learner"
LESSON_TEXT = "<p>" + "Treść lekcji. " * 80 + "</p>"  # as bench/pages.py's lesson

SETTINGS = """
from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "benchmark-only"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail_lms"]  # noqa: F405
LOGIN_URL = "wagtailadmin_login"
"""

PREPARE = f"""
import sys
import django; django.setup()
from pathlib import Path
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from wagtail.models import Site
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PActivity, H5PLessonPage
home = Site.objects.get(is_default_site=True).root_page
course = home.add_child(instance=CoursePage(title="Kurs", slug="kurs",
                                            description="<p>Opis kursu.</p>"))
activity = H5PActivity(title="Punkt kontrolny",
                       package_file=ContentFile(Path(sys.argv[1]).read_bytes(), name="punkt.h5p"))
activity.save()
assert activity.extracted_path and activity.main_library, "the H5P package was not extracted"
lesson = course.add_child(instance=H5PLessonPage(
    title="Lekcja", slug="lekcja", intro="<p>Wprowadzenie.</p>",
    body=[("paragraph", {LESSON_TEXT!r}), ("h5p_activity", {{"activity": activity}})]))
lesson.save_revision().publish()
learner = User.objects.create_user(username="{LEARNER}", email="learner@example.org",
                                   password="{PASSWORD}")
CourseEnrollment.objects.create(user=learner, course=course)
print(lesson.url)
"""

# The second of two requests (the first warms per-process values), as for ours.
COUNT_QUERIES = """
import json, sys
import django; django.setup()
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
client.force_login(User.objects.get(username=sys.argv[2]))
client.get(sys.argv[1])
with CaptureQueriesContext(connection) as queries:
    response = client.get(sys.argv[1])
page = response.content.decode()
print(json.dumps({"status": response.status_code, "queries": len(queries),
                  "rich_text": sys.argv[3] in page,
                  "h5p_mount": 'data-content-url="/lms/h5p-content/' in page}))
"""


@dataclass
class WagtailLmsSite:
    """How to serve the built site: gunicorn runs `python -m gunicorn
    {wsgi}` in `project` with `env`; the learner's lesson is `lesson_url`."""

    project: Path
    python: Path
    env: dict
    wsgi: str
    lesson_url: str
    queries: int

    def learner_cookie(self, port: int) -> str:
        """Log the learner in through the form the lesson's redirect names."""
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", self.lesson_url)
        response = connection.getresponse()
        response.read()
        assert response.status == 302, f"anonymous lesson page answered {response.status}"
        login_path = urlsplit(response.getheader("Location")).path
        return login_cookie(port, LEARNER, path=login_path, field="username")


def pinned_requirements() -> list[str]:
    """wagtail-lms and the Django, Wagtail and gunicorn our lock pins."""
    lock = (ROOT / "requirements" / "base.lock").read_text()
    pins = [
        re.search(rf"^{name}==([^\s\\]+)", lock, re.MULTILINE | re.IGNORECASE).group(0).lower()
        for name in ("django", "wagtail", "gunicorn")
    ]
    return [f"wagtail-lms=={VERSION}", *pins]


def venv_python() -> Path:
    """The cached virtual environment's python, rebuilt when the pins change."""
    requirements = pinned_requirements()
    stamp, python = VENV / "pins.txt", VENV / "bin" / "python"
    key = "\n".join([sys.version.split()[0], *requirements])
    if python.exists() and stamp.exists() and stamp.read_text() == key:
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", *requirements], check=True)
    stamp.write_text(key)  # written last: a failed install is not reused
    return python


def build(folder: Path) -> WagtailLmsSite:
    """Build the site in `folder` (a throwaway directory) and check the lesson
    answers the learner with its rich text and the H5P mount."""
    python = venv_python()
    project = folder / "wagtail-lms"
    project.mkdir()
    subprocess.run(
        [python.parent / "wagtail", "start", PROJECT, project], check=True, stdout=subprocess.PIPE
    )
    (project / PROJECT / "settings" / "bench.py").write_text(SETTINGS)
    urls = project / PROJECT / "urls.py"
    wagtail_route = '    path("", include(wagtail_urls)),\n'
    assert wagtail_route in urls.read_text(), "unexpected urls.py from wagtail start"
    urls.write_text(
        urls.read_text().replace(
            wagtail_route, '    path("lms/", include("wagtail_lms.urls")),\n' + wagtail_route
        )
    )
    package = folder / "punkt.h5p"
    subprocess.run(
        [sys.executable, "-m", "courses.h5p.content_type", package],
        cwd=ROOT, check=True, stdout=subprocess.PIPE,
    )  # fmt: skip
    env = {"DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.bench", "PATH": "/usr/bin:/bin"}
    run = {"cwd": project, "env": env, "check": True, "stdout": subprocess.PIPE, "text": True}
    subprocess.run([python, "manage.py", "migrate", "-v0"], **run)
    subprocess.run([python, "manage.py", "collectstatic", "--noinput", "-v0"], **run)
    lesson_url = subprocess.run([python, "-c", PREPARE, package], **run).stdout.split()[-1]
    check = json.loads(
        subprocess.run(
            [python, "-c", COUNT_QUERIES, lesson_url, LEARNER, "Treść lekcji. Treść"], **run
        ).stdout.splitlines()[-1]
    )
    assert check["status"] == 200 and check["rich_text"] and check["h5p_mount"], check
    return WagtailLmsSite(project, python, env, f"{PROJECT}.wsgi", lesson_url, check["queries"])


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        site = build(Path(folder))
        print(f"{site.lesson_url}: 200, rich text and H5P mount, {site.queries} queries")
