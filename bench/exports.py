"""Benchmark of the attendance list and indicator summary exports at scale,
with a baseline in the same run.

Builds a throwaway database (SQLite, or the PostgreSQL database named by
DATABASE_URL, e.g. under scripts/with-postgres) holding one course with a few
lessons and `--rows` learners (Polish names, spread over institutions), each
enrolled, a third of them with lesson progress and a learning session, a
sixth completed, a quarter assessed against the course's competence
standard (half of those gained competences). Then, in this process, as an
administrator would get them:

- baseline: the same enrolments fetched with `values_list` and written with
  the csv module alone (no report logic);
- CSV: the real report export (`AttendanceReport.csv_chunks`), with the time
  to its first chunk (a streamed download starts then);
- XLSX: the real report export written to a temporary file;
- the indicator summary (persons trained and who gained competences, per
  institution and course, over all those enrolments) as CSV (streamed) and
  XLSX.

Each reports wall time (a run on its own), peak Python memory (a second run
under tracemalloc) and the file size. Targets (design/quality.md): CSV of
100,000 rows <= 2 s with flat memory, XLSX <= 12 s and <= 64 MiB peak; the
indicator CSV over 100,000 enrolments <= 2 s.

Usage: python bench/exports.py [--rows 100000]
"""

import argparse
import csv
import io
import json
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIRST = ["Zofia", "Małgorzata", "Łucja", "Grażyna", "Józef", "Łukasz", "Mikołaj", "Żaneta"]
LAST = ["Wiśniewska", "Dąbrowska", "Żółkiewska", "Wójcik", "Łęcki", "Świątek", "Sęk", "Gąsior"]


def build(rows: int) -> None:
    """The data: users, enrolments, progress, sessions and competence
    assessments, by bulk inserts."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import Institution, User
    from courses.models import (
        CompetenceAssessment,
        CompetenceStandard,
        CourseCatalogPage,
        CoursePage,
        Enrolment,
        LearningSession,
        LessonPage,
        LessonProgress,
    )
    from lms import demo

    demo.build_site_shell()
    home = demo.HomePage.objects.get()
    catalogue = CourseCatalogPage(title="Szkolenia", slug="szkolenia")
    home.add_child(instance=catalogue)
    course = CoursePage(title="Bezpieczna praca zdalna", slug="kurs", summary="s", hours=8,
                        outcomes_knowledge="k", outcomes_skills="s")  # fmt: skip
    catalogue.add_child(instance=course)
    lessons = []
    for number in range(4):
        lesson = LessonPage(title=f"Lekcja {number}", slug=f"lekcja-{number}",
                            body=[("paragraph", "<p>Tekst</p>")])  # fmt: skip
        course.add_child(instance=lesson)
        lessons.append(lesson)
    institutions = Institution.objects.bulk_create(
        Institution(name=f"Szkoła Podstawowa nr {number} w Bolesławcu", short_name=f"SP{number}")
        for number in range(40)
    )
    User.objects.bulk_create(
        (
            User(
                email=f"uczestnik{number}@example.org",
                first_name=FIRST[number % len(FIRST)],
                last_name=f"{LAST[number % len(LAST)]}-{number}",
                institution=institutions[number % len(institutions)],
                position="nauczycielka",
                password="!",
            )
            for number in range(rows)
        ),
        batch_size=5000,
    )
    users = list(User.objects.filter(email__startswith="uczestnik").values_list("pk", flat=True))
    now = timezone.now()
    Enrolment.objects.bulk_create(
        (
            Enrolment(
                user_id=pk,
                course=course,
                method="assigned",
                enrolled_at=now - timedelta(days=10),
                deadline=(now + timedelta(days=20)).date(),
                completed_at=now if index % 6 == 0 else None,
            )
            for index, pk in enumerate(users)
        ),
        batch_size=5000,
    )
    LessonProgress.objects.bulk_create(
        (
            LessonProgress(
                user_id=pk,
                lesson=lessons[index % 4],
                course=course,
                status="completed",
                first_opened_at=now - timedelta(days=5),
                completed_at=now,
                effective_seconds=600 + index % 900,
            )
            for index, pk in enumerate(users)
            if index % 3 == 0
        ),
        batch_size=5000,
    )
    LearningSession.objects.bulk_create(
        (
            LearningSession(
                user_id=pk,
                course=course,
                lesson=lessons[index % 4],
                visit=str(uuid.uuid4()),
                started_at=now - timedelta(days=5),
                last_seen_at=now - timedelta(days=5) + timedelta(seconds=600 + index % 900),
                active_seconds=600 + index % 900,
            )
            for index, pk in enumerate(users)
            if index % 3 == 0
        ),
        batch_size=5000,
    )
    standard = CompetenceStandard.objects.create(
        course=course, number=1, content={"framework": None, "outcomes": [], "min_gain": 0}
    )
    enrolments = Enrolment.objects.order_by("pk").values_list("pk", flat=True)
    CompetenceAssessment.objects.bulk_create(
        (
            CompetenceAssessment(
                enrolment_id=pk,
                standard=standard,
                started_at=now - timedelta(days=9),
                assessed_at=now - timedelta(days=1),
                gained=index % 8 == 0,
                results={"outcomes": [], "score_before": 40, "score_after": 70, "gain": 30},
            )
            for index, pk in enumerate(enrolments)
            if index % 4 == 0
        ),
        batch_size=5000,
    )


def measure(label, work) -> dict:
    """Time a run on its own (tracemalloc slows Python down several times),
    then run it again under tracemalloc for the memory peak."""
    started = time.perf_counter()
    first, size = work(started)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    work(time.perf_counter())
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"label": label, "seconds": seconds, "first": first, "peak": peak, "size": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--json", type=Path, help="also write the rows in the shared format")
    options = parser.parse_args()

    folder = tempfile.mkdtemp()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
    os.environ.update(DJANGO_SETTINGS_MODULE="lms.settings.dev", MEDIA_ROOT=f"{folder}/media")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"database: {os.environ['DATABASE_URL']}", file=sys.stderr)
    started = time.perf_counter()
    build(options.rows)
    built = time.perf_counter() - started

    from accounts.models import User
    from courses.models import Enrolment
    from courses.reports.attendance import AttendanceReport
    from courses.reports.filters import PeriodFilterForm, ReportFilterForm
    from courses.reports.indicators import IndicatorReport

    admin = User.objects.create_superuser(email="bench-admin@example.org", password="x")
    form = ReportFilterForm({"period_from": "2000-01-01", "period_to": "2100-01-01"}, user=admin)
    assert form.is_valid(), form.errors
    period_form = PeriodFilterForm(
        {"period_from": "2000-01-01", "period_to": "2100-01-01"}, user=admin
    )
    assert period_form.is_valid(), period_form.errors

    def baseline(started):
        output, first = io.StringIO(), None
        writer = csv.writer(output, delimiter=";")
        rows = Enrolment.objects.values_list(
            "pk", "user__first_name", "user__last_name", "user__institution__name",
            "user__position", "course__title", "enrolled_at", "completed_at",
        ).iterator(chunk_size=2000)  # fmt: skip
        for row in rows:
            writer.writerow(row)
            first = first or time.perf_counter() - started
        return first, len(output.getvalue().encode())

    def report_csv(report_class, report_form):
        def run(started):
            report = report_class(report_form)
            first, size = None, 0
            for chunk in report.csv_chunks(report.objects(), excel=True):
                first = first or time.perf_counter() - started
                size += len(chunk)
            return first, size

        return run

    def report_xlsx(report_class, report_form):
        def run(started):
            report = report_class(report_form)
            with tempfile.TemporaryFile() as output:
                report.xlsx_write(report.objects(), output)
                return None, output.tell()

        return run

    results = [
        measure("baseline: csv module alone", baseline),
        measure("attendance CSV (streamed)", report_csv(AttendanceReport, form)),
        measure("attendance XLSX", report_xlsx(AttendanceReport, form)),
        measure("indicators CSV (streamed)", report_csv(IndicatorReport, period_form)),
        measure("indicators XLSX", report_xlsx(IndicatorReport, period_form)),
    ]
    from django.db import connection

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line),
        platform.processor(),
    )
    print(f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}; "
          f"{connection.vendor}; {options.rows} rows (data built in {built:.0f} s)\n")  # fmt: skip
    print("| export | seconds | ratio to baseline | first chunk s | peak MiB | file MiB |")
    print("|---|---|---|---|---|---|")
    base = results[0]["seconds"]
    if options.json:
        targets = {
            1: ("<= 2 s, flat memory", 2.0, None),
            2: ("<= 12 s, <= 64 MiB peak", 12.0, 64),
            3: ("<= 2 s", 2.0, None),
        }
        rows = []
        for index, row in enumerate(results):
            target, seconds, mib = targets.get(index, ("", None, None))
            met = None if seconds is None else row["seconds"] <= seconds
            if met is not None and mib is not None:
                met = met and row["peak"] / 2**20 <= mib
            rows.append({
                "benchmark": f"{row['label'].split()[0]} export, {options.rows:,} rows",
                "measurement": row["label"], "database": connection.vendor, "runs": 1,
                "median_ms": row["seconds"] * 1000, "p95_ms": None, "p99_ms": None,
                "req_s": None, "peak_mib": row["peak"] / 2**20, "errors": None, "queries": None,
                "baseline": index == 0, "ratio": row["seconds"] / base, "target": target,
                "met": met,
            })  # fmt: skip
        options.json.write_text(json.dumps(rows))
    for row in results:
        first = f"{row['first']:.2f}" if row["first"] is not None else "–"
        print(
            f"| {row['label']} | {row['seconds']:.2f} | {row['seconds'] / base:.2f} | {first} "
            f"| {row['peak'] / 2**20:.1f} | {row['size'] / 2**20:.1f} |"
        )


if __name__ == "__main__":
    main()
