"""Benchmark of the learner's lesson page and the anonymous course catalogue,
each against a minimal page of the same site served in the same run.

Builds a throwaway database (SQLite, or the PostgreSQL database named by
DATABASE_URL, e.g. under scripts/with-postgres) with a catalogue of courses,
a course whose first lesson holds text, a quiz and an H5P activity, a minimal
content page, and an enrolled learner; serves it with gunicorn (2 workers) on
loopback, logs the learner in through the real login form, counts the SQL
queries of one request to each page (Django's test client on the same
database), and drives load with wrk (Debian package `wrk`: Python clients
cannot send 2,000 requests a second on two cores) for a fixed time per page:

- logged in: the minimal page (baseline), then the lesson page (each request
  opens the lesson: a progress write and a new learning session);
- anonymous: the minimal page (baseline), the catalogue from the page cache,
  and the catalogue rendered (a cookie keeps it out of the page cache);
- against wagtail-lms 0.11.1 (issue 18): its lesson page (rich text, one H5P
  activity; bench/wagtail_lms_site.py builds the site) served by the same
  gunicorn command, its learner logged in through its login form, then
  ROUNDS rounds alternating its lesson page (the baseline) and ours, each
  for the same time: one page's figures drift with the machine's load
  (other processes share the two cores), so the medians of the rounds are
  compared, not two runs minutes apart. `--no-wagtail-lms` skips it.

Prints a Markdown table (req/s, median, p95, p99, errors, queries, server CPU
per request, ratio to the baseline); `--json PATH` writes the shared rows.

Usage: python bench/pages.py [--seconds 10] [--connections 4] [--json PATH] [--no-wagtail-lms]
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import PASSWORD, free_port, login_cookie
from wagtail_lms_site import VERSION, build

ROOT = Path(__file__).resolve().parents[1]
LESSON_TARGET = ">= 90% of the baseline's req/s, p95 <= 60 ms, <= 8 SQL queries, 0 errors"
CATALOGUE_TARGET = "cached: >= 2,000 req/s, p99 <= 5 ms"
VERSUS_TARGET = f">= 1.5x the wagtail-lms {VERSION} lesson page's req/s in the same run"
ROUNDS = 3

PREPARE = f"""
import django; django.setup()
from django.contrib.auth.models import Group
from accounts import roles
from accounts.models import PrivacyAcknowledgement, User
from accounts.services import email_mark_verified
from courses.catalogue.blocks import QuizBlock
from courses.models import CourseCatalogPage, CoursePage, Enrolment, LessonPage
from lms import demo
from lms.models import ContentPage
from tests.factories import QUIZ
from tests.fixtures.h5p import add_h5p_block, installed_package
demo.build_site_shell()
home = demo.HomePage.objects.get()
home.add_child(instance=ContentPage(title="Minimalna", slug="minimalna", lead="Krótki tekst."))
catalogue = CourseCatalogPage(title="Szkolenia", slug="szkolenia", intro="Katalog szkoleń.")
home.add_child(instance=catalogue)
for number in range(12):
    course = CoursePage(title=f"Kurs {{number}}", slug=f"kurs-{{number}}", hours=4,
                        summary="Opis kursu " * 20, outcomes_knowledge="w1\\nw2",
                        outcomes_skills="u1\\nu2")
    catalogue.add_child(instance=course)
    for lesson_number in range(10):
        course.add_child(instance=LessonPage(
            title=f"Lekcja {{lesson_number}}", slug=f"lekcja-{{lesson_number}}",
            intro="Wprowadzenie.", body=[("paragraph", "<p>" + "Treść lekcji. " * 80 + "</p>")]))
course = CoursePage.objects.get(slug="kurs-0")
lesson = LessonPage.objects.child_of(course).get(slug="lekcja-0")
lesson.body.append(("quiz", QuizBlock().to_python(QUIZ)))
lesson.save_revision().publish()
admin = User.objects.create_superuser(email="bench-admin@example.org", password="{PASSWORD}")
add_h5p_block(LessonPage.objects.get(pk=lesson.pk), installed_package(admin))
user = User.objects.create_user(email="bench0@example.org", password="{PASSWORD}",
                                first_name="B", last_name="0")
user.groups.add(Group.objects.get(name=roles.LEARNER))
email_mark_verified(user=user)
Enrolment.objects.create(user=user, course=course, method="self")
PrivacyAcknowledgement.objects.create(user=user, version="1.0", valid_from="2026-09-01")
"""

# One query count per URL: the second of two requests (the first warms the
# per-process values), with Django's test client on the benchmark's database.
COUNT_QUERIES = """
import json, sys
import django; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from accounts.models import User
counts = {}
for who, url in json.loads(sys.argv[1]):
    client = Client(SERVER_NAME="localhost")
    if who == "learner":
        client.force_login(User.objects.get(email="bench0@example.org"))
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    assert status == 200, (url, status)
    counts[f"{who} {url}"] = len(queries)
print(json.dumps(counts))
"""

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %.3f %.3f %.3f %.3f\\n", summary.requests, errors,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def worker_cpu_seconds(master_pid: int) -> float:
    """User + system CPU time of the gunicorn workers (children of the master)."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # ppid
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def run_wrk(port, url, cookie, seconds, connections, script) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", script]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{url}"], capture_output=True, text=True, check=True
    ).stdout
    requests, errors, duration, median, p95, p99 = (
        re.search(r"RESULT (.*)", output).group(1).split()
    )
    return {
        "requests": int(requests),
        "errors": int(errors),
        "req_s": int(requests) / float(duration),
        "median_ms": float(median),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
    }


def start_gunicorn(stack: ExitStack, python, wsgi: str, port: int, cwd, env) -> int:
    """Serve `wsgi` the same way for both sites (2 workers on loopback) until
    `stack` closes; return the master's pid once the port answers."""
    server = subprocess.Popen(
        [python, "-m", "gunicorn", wsgi, "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--log-level", "warning"],
        cwd=cwd, env=env, start_new_session=True,
    )  # fmt: skip

    def stop():
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    stack.callback(stop)
    for _attempt in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server.pid


def measure(master_pid, port, url, cookie, seconds, connections, script) -> dict:
    """One wrk run, with the server's CPU time per request."""
    cpu_before = worker_cpu_seconds(master_pid)
    result = run_wrk(port, url, cookie, seconds, connections, script)
    cpu = worker_cpu_seconds(master_pid) - cpu_before
    result["cpu_ms"] = cpu * 1000 / max(result["requests"], 1)
    return result


def median_of(rounds: list[dict]) -> dict:
    """The rounds of one page: requests and errors summed, the rest medians."""
    return {
        "requests": sum(result["requests"] for result in rounds),
        "errors": sum(result["errors"] for result in rounds),
        **{
            key: statistics.median(result[key] for result in rounds)
            for key in ("req_s", "median_ms", "p95_ms", "p99_ms", "cpu_ms")
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--json", type=Path, help="write the shared benchmark rows here")
    parser.add_argument(
        "--no-wagtail-lms", action="store_true", help="skip the wagtail-lms lesson page"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")

    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"),
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_ROOT": f"{folder}/private",
            "RATE_LIMIT_LOGIN_FAILED": "1000/m/ip,1000/m/key",
        }
        run = {"cwd": ROOT, "env": env, "check": True}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], **run)
        subprocess.run([sys.executable, "manage.py", "createcachetable"], **run)
        subprocess.run([sys.executable, "-c", PREPARE], **run)
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], **run)
        script = Path(folder) / "report.lua"
        script.write_text(WRK_REPORT)

        minimal, catalogue, lesson = "/minimalna/", "/szkolenia/", "/szkolenia/kurs-0/lekcja-0/"
        plan = [
            ("logged-in minimal page (baseline)", "learner", minimal, True),
            ("logged-in lesson page (progress, quiz, H5P)", "learner", lesson, False),
            ("anonymous minimal page (baseline)", "anonymous", minimal, True),
            ("anonymous catalogue, page cache", "anonymous", catalogue, False),
            ("anonymous catalogue, rendered", "bypass", catalogue, False),
        ]
        counts = json.loads(
            subprocess.run(
                [sys.executable, "-c", COUNT_QUERIES,
                 json.dumps([("learner" if who == "learner" else "anonymous", url)
                             for _name, who, url, _base in plan if who != "bypass"])],
                capture_output=True, text=True, **run,
            ).stdout.strip().splitlines()[-1]
        )  # fmt: skip
        their_site = None if options.no_wagtail_lms else build(Path(folder))
        rows = []
        with ExitStack() as stack:
            pid = start_gunicorn(stack, sys.executable, "lms.wsgi", port, ROOT, env)
            cookie = login_cookie(port, "bench0@example.org")
            cookies = {"learner": cookie, "anonymous": "", "bypass": "bench-render=1"}
            for name, who, url, is_baseline in plan:
                # Warm both workers (templates, per-process values, the page cache).
                run_wrk(port, url, cookies[who], 1, options.connections, script)
                result = measure(
                    pid, port, url, cookies[who], options.seconds, options.connections, script
                )
                queries = counts.get(f"{'learner' if who == 'learner' else 'anonymous'} {url}")
                rows.append(
                    {"name": name, "who": who, "baseline": is_baseline,
                     "queries": None if who == "bypass" else queries, **result}
                )  # fmt: skip
            if their_site:
                their_port = free_port()
                their_pid = start_gunicorn(
                    stack, their_site.python, their_site.wsgi, their_port,
                    their_site.project, their_site.env,
                )  # fmt: skip
                their_cookie = their_site.learner_cookie(their_port)
                pages = {
                    "theirs": (their_pid, their_port, their_site.lesson_url, their_cookie),
                    "ours": (pid, port, lesson, cookie),
                }
                rounds = {key: [] for key in pages}
                for _pid, page_port, url, page_cookie in pages.values():
                    run_wrk(page_port, url, page_cookie, 1, options.connections, script)
                for _round in range(ROUNDS):
                    for key, page in pages.items():
                        rounds[key].append(
                            measure(*page, options.seconds, options.connections, script)
                        )
                rows.append(
                    {"name": f"wagtail-lms {VERSION} lesson page (rich text, one H5P)",
                     "who": "learner", "baseline": True, "queries": their_site.queries,
                     "database": "sqlite", **median_of(rounds["theirs"])}
                )  # fmt: skip
                rows.append(
                    {"name": f"logged-in lesson page, median of {ROUNDS} rounds alternating "
                             "with wagtail-lms", "who": "learner", "baseline": False,
                     "queries": counts[f"learner {lesson}"], "target": VERSUS_TARGET,
                     **median_of(rounds["ours"])}
                )  # fmt: skip

    database = "postgresql" if env["DATABASE_URL"].startswith("postgres") else "sqlite"
    shared, baseline = [], None
    for row in rows:
        if row["baseline"]:
            baseline = row
        row["ratio"] = row["req_s"] / baseline["req_s"]
        target, met = row.get("target", "-"), None
        if row is rows[1]:
            target = LESSON_TARGET
            met = (
                row["ratio"] >= 0.9
                and row["p95_ms"] <= 60
                and row["queries"] <= 8
                and row["errors"] == 0
            )
        elif row is rows[3]:
            target = CATALOGUE_TARGET
            met = row["req_s"] >= 2000 and row["p99_ms"] <= 5 and row["errors"] == 0
        elif target == VERSUS_TARGET:
            met = row["ratio"] >= 1.5 and row["errors"] == 0
        row["target"], row["met"] = target, met
        shared.append(
            {
                "benchmark": "pages",
                "measurement": row["name"],
                "database": row.get("database", database),
                "runs": row["requests"],
                "median_ms": round(row["median_ms"], 2),
                "p95_ms": round(row["p95_ms"], 2),
                "p99_ms": round(row["p99_ms"], 2),
                "req_s": round(row["req_s"], 1),
                "peak_mib": None,
                "errors": row["errors"],
                "queries": row["queries"],
                "baseline": row["baseline"],
                "ratio": round(row["ratio"], 3),
                "target": target,
                "met": met,
            }
        )

    load = os.getloadavg()
    rounds_note = "" if options.no_wagtail_lms else f" ({ROUNDS} alternating rounds vs wagtail-lms)"
    print(
        f"gunicorn 2 workers, {database}, wrk 2 threads x {options.connections} connections, "
        f"{options.seconds} s per page{rounds_note}, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}\n"
    )
    print(
        "| page | req/s | median ms | p95 ms | p99 ms | errors | queries "
        "| server CPU ms/req | ratio to baseline | target met |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        met = {True: "yes", False: "no", None: "-"}[row["met"]]
        queries = "-" if row["queries"] is None else row["queries"]
        print(
            f"| {row['name']} | {row['req_s']:.0f} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} "
            f"| {row['p99_ms']:.1f} | {row['errors']} | {queries} | {row['cpu_ms']:.2f} "
            f"| {row['ratio']:.2f} | {met} |"
        )
    if options.json:
        options.json.write_text(json.dumps(shared, indent=2) + "\n")
    return 0 if all(row["errors"] == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
