"""Benchmark of the progress heartbeat and the SCORM commit endpoints against a
bare page, in one run.

Builds a throwaway database (SQLite, or the PostgreSQL database named by
DATABASE_URL, e.g. under scripts/with-postgres) with one course and a few enrolled
learners, serves it with gunicorn (2 workers) on loopback, logs each learner
in, opens a lesson (a page visit) and launches the SCORM 1.2 sample in a
second lesson (an attempt), then drives load from several client processes
for a fixed time: first the bare baseline (`/healthz`), then the heartbeat
endpoint (every request a new beat number for its visit, so each one is a
real credit write), then the CMI commit endpoint (every commit a new
location, suspend data, score and session time, checked against the data
model and written to the attempt, with the lesson's progress). Prints
medians, p95, req/s, errors and the ratio to the baseline as a Markdown
table.

Usage: python bench/heartbeat.py [--seconds 10] [--clients 4]
"""

import argparse
import http.client
import json
import multiprocessing
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env, clients: int) -> None:
    """Migrate the throwaway database and create the course and learners."""
    script = f"""
import django; django.setup()
from accounts import roles
from accounts.models import User
from accounts.services import email_mark_verified
from django.contrib.auth.models import Group
from lms import demo
from courses.models import CourseCatalogPage, CoursePage, LessonPage, Enrolment
demo.build_site_shell()
home = demo.HomePage.objects.get()
catalogue = CourseCatalogPage(title="Szkolenia", slug="szkolenia")
home.add_child(instance=catalogue)
course = CoursePage(title="Kurs", slug="kurs", summary="s", hours=1,
                    outcomes_knowledge="k", outcomes_skills="s")
catalogue.add_child(instance=course)
lesson = LessonPage(title="Lekcja", slug="lekcja", body=[("paragraph", "<p>Tekst</p>")])
course.add_child(instance=lesson)
from django.core.files.uploadedfile import SimpleUploadedFile
from courses.catalogue.blocks import LessonStreamBlock
from courses.scorm import packages, samples
admin = User.objects.create_superuser(email="bench-admin@example.org", password="{PASSWORD}")
package = packages.scorm_package_create(
    file=SimpleUploadedFile("hasla.zip", samples.scorm12_package()), by=admin)
block = LessonStreamBlock().child_blocks["scorm"].to_python(
    {{"package": package.pk, "required": True, "pass_mark": None}})
packaged = LessonPage(title="Pakiet", slug="pakiet", body=[("scorm", block)],
                      complete_by_packages=True, complete_by_button=False)
course.add_child(instance=packaged)
learners = Group.objects.get(name=roles.LEARNER)
for number in range({clients}):
    user = User.objects.create_user(email=f"bench{{number}}@example.org", password="{PASSWORD}",
                                    first_name="B", last_name=str(number))
    user.groups.add(learners)
    email_mark_verified(user=user)
    Enrolment.objects.create(user=user, course=course, method="self")
    from accounts.models import PrivacyAcknowledgement
    PrivacyAcknowledgement.objects.create(user=user, version="1.0", valid_from="2026-09-01")
"""
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True)


def login_cookie(port: int, email: str, *, path="/accounts/login/", field="login") -> str:
    """Log in through the real login form; return the Cookie header of the
    session (also used by bench/pages.py; `path` and the username `field`
    name another site's form, such as Wagtail's for the wagtail-lms site)."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    cookies = {
        "csrftoken": re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    }
    form = f"csrfmiddlewaretoken={csrf}&{field}={quote(email)}&password={PASSWORD}"
    connection.request(
        "POST",
        path,
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken']}",
            "Referer": f"http://127.0.0.1:{port}{path}",
        },
    )
    response = connection.getresponse()
    response.read()
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _sep, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    assert "sessionid" in cookies, f"login failed for {email}"
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def login(port: int, number: int, ids: dict) -> dict:
    """A bench learner logged in, on the lesson, with a SCORM attempt
    launched: their cookie header, CSRF token, visit and attempt."""
    cookie = login_cookie(port, f"bench{number}@example.org")
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/szkolenia/kurs/lekcja/", headers={"Cookie": cookie})
    response = connection.getresponse()
    page = response.read().decode()
    visit = re.search(r'data-visit="([^"]+)"', page).group(1)
    csrf = re.search(r'data-csrf="([^"]+)"', page).group(1)
    connection.request(
        "POST",
        f"/courses/lessons/{ids['package_lesson']}/scorm/{ids['activity']}/0/launch/",
        headers={"Cookie": cookie, "X-CSRFToken": csrf},
    )
    response = connection.getresponse()
    attempt = json.loads(response.read())["attempt"]
    return {"cookie": cookie, "csrf": csrf, "visit": visit, "lesson": ids["lesson"],
            "attempt": attempt}  # fmt: skip


def cmi_commit(number: int) -> str:
    """A SCORM 1.2 commit as scorm-again sends it, new in every request."""
    return json.dumps(
        {
            "cmi": {
                "core": {
                    "lesson_location": str(number), "lesson_status": "incomplete",
                    "exit": "suspend", "session_time": f"00:00:{number % 60:02d}",
                    "score": {"raw": str(number % 100), "min": "0", "max": "100"},
                },
                "suspend_data": f"strona={number};" * 20,
            }
        }
    )  # fmt: skip


def drive(args) -> tuple[list[float], int]:
    """One client process: requests for `seconds`, returns latencies and errors."""
    port, seconds, kind, learner = args
    connection = http.client.HTTPConnection("127.0.0.1", port)
    latencies, errors, beat = [], 0, 0
    deadline = time.perf_counter() + seconds
    headers = {"Cookie": learner["cookie"], "X-CSRFToken": learner["csrf"]}
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        beat += 1
        if kind == "baseline":
            connection.request("GET", "/healthz")
        elif kind == "commit":
            connection.request(
                "POST",
                f"/scorm/attempts/{learner['attempt']}/commit/",
                body=cmi_commit(beat),
                headers={**headers, "Content-Type": "application/json"},
            )
        else:
            connection.request(
                "POST",
                f"/courses/lessons/{learner['lesson']}/heartbeat/",
                body=f"visit={learner['visit']}&beat={beat}",
                headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            )
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 200:
            errors += 1
    return latencies, errors


def summarise(name, results, seconds, baseline=None) -> dict:
    latencies = sorted(value for latency_list, _errors in results for value in latency_list)
    errors = sum(errors for _latencies, errors in results)
    row = {
        "name": name,
        "requests": len(latencies),
        "rps": len(latencies) / seconds,
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "errors": errors,
    }
    row["ratio"] = row["rps"] / baseline["rps"] if baseline else 1.0
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--json", type=Path, help="also write the rows in the shared format")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"),
            "MEDIA_ROOT": f"{folder}/media",
            "HEARTBEAT_MIN_GAP_SECONDS": "0",
            "HEARTBEAT_IDLE_GAP_SECONDS": "3600",
            "RATE_LIMIT_LOGIN_FAILED": "1000/m/ip,1000/m/key",
        }
        prepare(env, options.clients)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT, env=env, check=True,
        )  # fmt: skip
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "lms.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            for _attempt in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            ids = json.loads(subprocess.run(
                [sys.executable, "-c", "import django, json; django.setup(); "
                 "from courses.models import LessonPage; "
                 "plain, packaged = LessonPage.objects.get(slug='lekcja'), "
                 "LessonPage.objects.get(slug='pakiet'); "
                 "print(json.dumps({'lesson': plain.pk, 'package_lesson': packaged.pk, "
                 "'activity': packaged.body[0].id}))"],
                cwd=ROOT, env=env, check=True, capture_output=True, text=True,
            ).stdout)  # fmt: skip
            credentials = [login(port, n, ids) for n in range(options.clients)]
            with multiprocessing.Pool(options.clients) as pool:
                baseline = summarise(
                    "bare page (/healthz)",
                    pool.map(drive, [(port, options.seconds, "baseline", c) for c in credentials]),
                    options.seconds,
                )
                heartbeat = summarise(
                    "heartbeat (POST, credit written)",
                    pool.map(drive, [(port, options.seconds, "heartbeat", c) for c in credentials]),
                    options.seconds,
                    baseline,
                )
                commit = summarise(
                    "SCORM CMI commit (POST, attempt written)",
                    pool.map(drive, [(port, options.seconds, "commit", c) for c in credentials]),
                    options.seconds,
                    baseline,
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)

    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(
        f"gunicorn 2 workers, {database}, {options.clients} client processes, "
        f"{options.seconds:g} s each run\n"
    )
    print("| endpoint | requests | req/s | median ms | p95 ms | errors | ratio to baseline |")
    print("|---|---|---|---|---|---|---|")
    rows = (baseline, heartbeat, commit)
    for row in rows:
        print(
            f"| {row['name']} | {row['requests']} | {row['rps']:.0f} | {row['median_ms']:.1f} "
            f"| {row['p95_ms']:.1f} | {row['errors']} | {row['ratio']:.2f} |"
        )
    if options.json:
        options.json.write_text(json.dumps([
            {
                "benchmark": "heartbeat and SCORM commit (gunicorn 2 workers)",
                "measurement": row["name"],
                "database": database.lower(), "runs": row["requests"],
                "median_ms": row["median_ms"], "p95_ms": row["p95_ms"], "p99_ms": None,
                "req_s": row["rps"], "peak_mib": None, "errors": row["errors"], "queries": None,
                "baseline": row is baseline, "ratio": row["ratio"],
                "target": "" if row is baseline else ">= 300 req/s, 0 errors",
                "met": None if row is baseline else row["rps"] >= 300 and not row["errors"],
            }
            for row in rows
        ]))  # fmt: skip
    return 0 if heartbeat["errors"] == 0 and commit["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
