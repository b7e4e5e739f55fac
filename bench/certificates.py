"""Benchmark of certificate PDFs: one rendering in-process, and a batch (a ZIP)
through the real background path, in one run.

Builds a throwaway database (SQLite, or the PostgreSQL database named by
DATABASE_URL, e.g. under scripts/with-postgres) with the demo site shell (the
funding statement and logo strip, so the PDFs carry real branding), a
signatory with a signature image, one course with a few lessons and outcomes
in Polish, and N learners with Polish names, each enrolled, completed and
given a certificate by the real service (`certificate_issue`). Then:

1. renders one certificate `--renders` times in-process after a warm-up,
   unsealed and sealed (the organiser's demo seal, PAdES B-B, as
   `manage.py seal_demo_create` writes it for `make run`), and its HTML
   alone as many times (the baseline: the ratio is the PDF's cost);
2. asks twice for a ZIP of the `--batch` certificates
   (`certificate_batch_request`, with TASKS_BACKEND=database) while a
   `manage.py db_worker` process is running: the first renders and seals
   every PDF (their own keeping tasks, queued at issue, come after a ZIP)
   and keeps them, the second reads the kept files. Each is measured from the request
   to the batch being READY (with the peak resident memory of the worker and
   its rendering processes), and its ZIP must hold exactly `--batch` PDFs,
   each with its credential (JWT) and badge (PNG);
3. signs the `--batch` certificates' Open Badges credentials (VC-JWT,
   Ed25519, the demo key `manage.py credential_key_demo_create` writes) three
   times, beside building the same credentials' documents unsigned (the
   baseline) and baking them into badges.

Prints a Markdown table headed by the machine's description. `--profile`
also prints the cProfile top functions of the PDF renderings (to stderr);
`--json PATH` writes the shared benchmark rows (docs/benchmarks.md).

Usage: python bench/certificates.py [--renders 200] [--batch 1000] [--profile] [--json PATH]
"""

import argparse
import cProfile
import io
import json
import math
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The two ZIPs of the same certificates, in the order they are asked for.
BATCH_LABELS = ("sealed in the background (rendered, sealed and kept)", "PDFs kept already")
# Seconds for 1,000 certificates (pro rata) of each ZIP, in that order.
BATCH_TARGETS = (90, 60)
sys.path.insert(0, str(ROOT))

FIRST_NAMES_F = ["Zofia", "Małgorzata", "Jolanta", "Bożena", "Grażyna", "Agnieszka", "Łucja",
                 "Elżbieta", "Jadwiga", "Urszula"]  # fmt: skip
LAST_NAMES_F = ["Wiśniewska", "Dąbrowska", "Kamińska", "Żółkiewska", "Woźniak", "Jędrzejczyk",
                "Kołodziej", "Sęk", "Przybył", "Gąsiorowska"]  # fmt: skip
FIRST_NAMES_M = ["Łukasz", "Grzegorz", "Józef", "Mikołaj", "Paweł", "Jarosław", "Przemysław",
                 "Bartłomiej", "Wojciech", "Zdzisław"]  # fmt: skip
LAST_NAMES_M = ["Wójcik", "Żak", "Kowalczyk", "Szymański", "Łęcki", "Ślusarczyk", "Błaszczyk",
                "Ziółkowski", "Mączyński", "Świątek"]  # fmt: skip
LESSONS = ["Połączenie VPN z siecią urzędu", "Aktualizacje systemu i oprogramowania",
           "Szyfrowanie dysku laptopa", "Blokada ekranu i praca w miejscach publicznych",
           "Kopie zapasowe dokumentów służbowych"]  # fmt: skip
KNOWLEDGE = ["Zna zasady bezpiecznej pracy zdalnej na służbowym laptopie.",
             "Wyjaśnia, dlaczego dysk przenośnego komputera musi być zaszyfrowany."]  # fmt: skip
SKILLS = ["Łączy się z siecią urzędu przez VPN i sprawdza, czy połączenie działa.",
          "Instaluje aktualizacje i szyfruje dysk narzędziem wbudowanym w system.",
          "Odtwarza plik z kopii zapasowej."]  # fmt: skip
SOCIAL = ["Dba o ochronę danych osobowych mieszkańców i zgłasza incydenty bezpieczeństwa."]


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores (nproc), {model}, Python {platform.python_version()}"


def signature_image():
    """A scanned-signature stand-in: a scribble on white, as the admin would upload."""
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw
    from wagtail.images import get_image_model

    canvas = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(canvas)
    points = [
        (40 + x * 6, 110 + int(40 * ((x % 14) - 7) / 7) * (-1) ** (x // 14)) for x in range(88)
    ]
    draw.line(points, fill="#1a237e", width=5)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title="Podpis – bench", file=ImageFile(buffer, name="podpis-bench.png")
    )


def prepare(learners: int):
    """The site shell, the course, the learners and their certificates; returns
    (course, coordinator, certificates in register order, seconds to issue)."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Site

    from accounts.models import Institution, User
    from courses.certificates.services import certificate_issue
    from courses.models import (
        Certificate,
        CertificateSettings,
        CourseCatalogPage,
        CoursePage,
        Enrolment,
        LessonPage,
    )
    from lms import demo

    call_command("migrate", verbosity=0)
    demo.build_site_shell()
    call_command("seal_demo_create", verbosity=0, stdout=io.StringIO())
    call_command("credential_key_demo_create", verbosity=0, stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    certificate_settings = CertificateSettings.for_site(site)
    certificate_settings.signatory_name = "Małgorzata Żółkiewska-Dąbrowska"
    certificate_settings.signatory_title = "Starosta Bolesławiecki"
    certificate_settings.issue_place = "Bolesławiec"
    certificate_settings.signature_image = signature_image()
    certificate_settings.save()

    home = demo.HomePage.objects.get()
    catalogue = CourseCatalogPage(title="Szkolenia", slug="szkolenia")
    home.add_child(instance=catalogue)
    course = CoursePage(
        title="Bezpieczna praca zdalna na służbowym laptopie – poziom podstawowy",
        slug="bezpieczna-praca-zdalna",
        summary="Jak bezpiecznie pracować zdalnie na sprzęcie z projektu „Cyfrowy Powiat”.",
        hours=8,
        outcomes_knowledge="\n".join(KNOWLEDGE),
        outcomes_skills="\n".join(SKILLS),
        outcomes_social="\n".join(SOCIAL),
        # The learners are completed directly, without learning time: no minimum share.
        completion_min_time_percent=0,
    )
    catalogue.add_child(instance=course)
    for number, title in enumerate(LESSONS, start=1):
        lesson = LessonPage(
            title=title, slug=f"lekcja-{number}", body=[("paragraph", f"<p>{title}.</p>")]
        )
        course.add_child(instance=lesson)

    now = timezone.now()
    with transaction.atomic():
        institutions = Institution.objects.bulk_create(
            Institution(name=name) for name in demo.INSTITUTIONS[:8]
        )
        password = make_password(None)  # unusable: no hashing per learner
        users = []
        for number in range(learners):
            female = number % 2 == 0
            first = (FIRST_NAMES_F if female else FIRST_NAMES_M)[number // 2 % 10]
            last = (LAST_NAMES_F if female else LAST_NAMES_M)[number // 20 % 10]
            users.append(
                User(
                    email=f"uczestnik{number:05d}@example.org", password=password,
                    first_name=first, last_name=last,
                    institution=institutions[number % len(institutions)],
                )
            )  # fmt: skip
        users = User.objects.bulk_create(users)
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                user=user, course=course, method=Enrolment.Method.INSTITUTION,
                enrolled_at=now - timedelta(days=14), completed_at=now - timedelta(days=1),
            )
            for user in users
        )  # fmt: skip
    started = time.perf_counter()
    for enrolment in enrolments:
        certificate_issue(enrolment=enrolment)  # each in its own transaction, as in production
    issue_seconds = time.perf_counter() - started
    coordinator = User.objects.get(email=demo.ADMIN_EMAIL)
    certificates = list(Certificate.objects.in_register_order())
    return course, coordinator, certificates, issue_seconds


def timed(function, times: int) -> tuple[list[float], list[float]]:
    """Sorted wall-clock and CPU (this process) durations of `times` calls."""
    wall, cpu = [], []
    for _number in range(times):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    return sorted(wall), sorted(cpu)


def percentile(durations: list[float], share: float) -> float:
    """Of sorted durations (nearest rank)."""
    return durations[max(0, math.ceil(len(durations) * share) - 1)]


def bench_render(certificate, renders: int, profile: bool) -> dict:
    from pypdf import PdfReader

    from courses.certificates.render import (
        branding_load,
        render_certificate_html,
        render_certificate_pdf,
    )

    branding = branding_load()
    # Warm-up: fonts, CSS, templates, the seal's key.
    pdf = render_certificate_pdf(certificate, branding, sealed=False)
    sealed = render_certificate_pdf(certificate, branding)
    html = render_certificate_html(certificate, branding)
    html_times, html_cpu = timed(lambda: render_certificate_html(certificate, branding), renders)
    pdf_times, pdf_cpu = timed(
        lambda: render_certificate_pdf(certificate, branding, sealed=False), renders
    )
    sealed_times, sealed_cpu = timed(lambda: render_certificate_pdf(certificate, branding), renders)
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _number in range(min(renders, 50)):
            render_certificate_pdf(certificate, branding)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
    return {
        "html_median": statistics.median(html_times),
        "html_p95": percentile(html_times, 0.95),
        "html_p99": percentile(html_times, 0.99),
        "html_cpu": statistics.median(html_cpu),
        "html_bytes": len(html.encode()),
        "pdf_median": statistics.median(pdf_times),
        "pdf_p95": percentile(pdf_times, 0.95),
        "pdf_p99": percentile(pdf_times, 0.99),
        "pdf_cpu": statistics.median(pdf_cpu),
        "pdf_bytes": len(pdf),
        "sealed_median": statistics.median(sealed_times),
        "sealed_p95": percentile(sealed_times, 0.95),
        "sealed_p99": percentile(sealed_times, 0.99),
        "sealed_cpu": statistics.median(sealed_cpu),
        "sealed_bytes": len(sealed),
        "pdf_pages": len(PdfReader(io.BytesIO(pdf)).pages),
        "logos": len(branding.funding_logos) + bool(branding.organiser_logo),
        "signature": branding.signature is not None,
    }


def tree_rss(root: int) -> int:
    """Resident memory in bytes of a process and all its descendants (Linux:
    the batch renders in child processes of the worker), 0 where unknown."""
    parents, resident = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            resident[int(entry.name)] = int((entry / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.update(frontier)
    return sum(resident.get(pid, 0) for pid in tree)


def bench_batch(env: dict, folder: str, course, coordinator, certificates) -> list[dict]:
    """Two ZIPs of the same certificates through TASKS_BACKEND=database and a
    running `manage.py db_worker`: the first renders every PDF (the
    certificates were just issued: their own PDF tasks are still queued,
    below the ZIP's priority) and keeps them, the second reads the kept files."""
    log_path = Path(folder) / "worker.log"
    started = time.perf_counter()
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
             "--verbosity", "1"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        while "Starting worker" not in log_path.read_text():
            if worker.poll() is not None or time.perf_counter() - started > 60:
                raise RuntimeError(f"db_worker did not start:\n{log_path.read_text()}")
            time.sleep(0.05)
        worker_start = time.perf_counter() - started
        batches = [
            one_batch(worker, log_path, course, coordinator, certificates)
            for _label in BATCH_LABELS
        ]
        batches[0]["worker_start"] = worker_start
    finally:
        worker.terminate()  # graceful: it ends the task in hand (queued keeps are no-ops now)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    return batches


def one_batch(worker, log_path: Path, course, coordinator, certificates) -> dict:
    """Ask for a ZIP and wait until it is READY; check what it holds."""
    from courses.certificates.services import certificate_batch_request
    from courses.models import CertificateBatch

    requested = time.perf_counter()
    batch = certificate_batch_request(
        user=coordinator, certificates=certificates, course=course,
        institution=None, issued_from=None, issued_to=None,
    )  # fmt: skip
    running_at, worker_rss, sampled = None, 0, 0.0
    while True:
        if time.perf_counter() - sampled > 0.5:
            worker_rss, sampled = max(worker_rss, tree_rss(worker.pid)), time.perf_counter()
        batch.refresh_from_db()
        if running_at is None and batch.status != CertificateBatch.Status.PENDING:
            running_at = time.perf_counter()
        if batch.status in {CertificateBatch.Status.READY, CertificateBatch.Status.FAILED}:
            break
        if worker.poll() is not None or time.perf_counter() - requested > 900:
            raise RuntimeError(f"the batch did not finish:\n{log_path.read_text()}")
        time.sleep(0.05)
    ready = time.perf_counter()
    if batch.status != CertificateBatch.Status.READY:
        raise RuntimeError(f"the batch failed:\n{log_path.read_text()}")

    with batch.file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        names = archive.namelist()
        pdfs = [name for name in names if name.endswith(".pdf")]
        zip_bytes = handle.seek(0, io.SEEK_END)
        if len(pdfs) != len(certificates) or len(names) != 3 * len(pdfs):
            raise RuntimeError(
                f"the ZIP holds {len(pdfs)} PDFs and {len(names) - len(pdfs)} other files, "
                f"expected {len(certificates)} PDFs each with a .jwt and a .png"
            )
        starts = {".pdf": b"%PDF-", ".jwt": b"eyJ", ".png": b"\x89PNG"}
        if not all(archive.read(name).startswith(starts[name[-4:]]) for name in names):
            raise RuntimeError("the ZIP holds a file that is not what its name says")
    seconds = ready - requested
    return {
        "count": len(pdfs),
        "pickup": running_at - requested,
        "seconds": seconds,
        "rate": len(pdfs) / seconds,
        "zip_bytes": zip_bytes,
        "worker_rss": worker_rss,
    }


def bench_credentials(certificates) -> dict:
    """Seconds (median of 3 runs) to build the certificates' credential
    documents unsigned, to sign them, and to bake the signed ones into badges."""
    from accounts.models import User
    from courses.certificates import credentials

    # The holders' emails, read once (every user: a 1,000-id IN list is past
    # SQLite's expression depth in a prefetch).
    holders = User.objects.in_bulk()
    for certificate in certificates:
        certificate.user = holders[certificate.user_id]

    def run(step):
        started = time.perf_counter()
        for certificate in certificates:
            step(certificate)
        return time.perf_counter() - started

    def document(certificate):
        return credentials.document(certificate, email=certificate.user.email, salt="0" * 16)

    tokens = {c.pk: credentials.credential_sign(c) for c in certificates}
    times = {
        "documents": [run(document) for _ in range(3)],
        "signed": [run(credentials.credential_sign) for _ in range(3)],
        "badges": [run(lambda c: credentials.badge(c, tokens[c.pk])) for _ in range(3)],
    }
    return {key: statistics.median(values) for key, values in times.items()}


def database_description() -> tuple[str, str]:
    """The database's name in the shared rows, and its description."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return "postgresql", f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    import sqlite3

    return "sqlite", f"SQLite {sqlite3.sqlite_version}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--profile", action="store_true", help="cProfile the PDF rendering")
    parser.add_argument("--json", type=Path, help="write the shared benchmark rows here")
    options = parser.parse_args()
    if options.renders < 1 or options.batch < 1:
        parser.error("--renders and --batch must be at least 1")

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"),
            "MEDIA_ROOT": f"{folder}/media",
            "PRIVATE_ROOT": f"{folder}/private",
            "TASKS_BACKEND": "database",
            "EMAIL_URL": "dummymail://",  # the issue emails are built, not printed
            "DEBUG": "false",
        }
        os.environ.update(env)
        os.chdir(ROOT)
        import django

        django.setup()
        import weasyprint
        from django.db import connections

        course, coordinator, certificates, issue_seconds = prepare(options.batch)
        render = bench_render(certificates[0], options.renders, options.profile)
        batches = bench_batch(env, folder, course, coordinator, certificates)
        signing = bench_credentials(certificates)
        database, database_name = database_description()
        connections.close_all()

    load = os.getloadavg()[0]
    print(f"{machine()}, WeasyPrint {weasyprint.__version__}, {database_name}\n")
    print(
        f"{options.batch} certificates issued with `certificate_issue` in {issue_seconds:.1f} s; "
        f"the PDF: {render['pdf_pages']} A4 page(s), {render['logos']} logos"
        f"{' and a signature' if render['signature'] else ''}; db_worker started in "
        f"{batches[0]['worker_start']:.1f} s (before the requests); "
        f"load average {load_before:.2f} before the run, {load:.2f} after\n"
    )
    print("| measurement | runs | median | p95 | CPU median | size | ratio to HTML |")
    print("|---|---|---|---|---|---|---|")
    for name, key in (
        ("certificate HTML alone (baseline)", "html"),
        ("certificate PDF (PDF/UA-1)", "pdf"),
        ("sealed certificate PDF (PDF/UA-1, PAdES B-B)", "sealed"),
    ):
        print(
            f"| {name} | {options.renders} | {render[key + '_median'] * 1000:.1f} ms "
            f"| {render[key + '_p95'] * 1000:.1f} ms | {render[key + '_cpu'] * 1000:.1f} ms "
            f"| {render[key + '_bytes'] / 1024:.0f} KiB "
            f"| {render[key + '_median'] / render['html_median']:.0f} |"
        )
    print()
    print(
        "| batch via db_worker | PDFs in ZIP | request → READY | certificates/s | pick-up "
        "| ZIP | peak RSS, worker and its processes |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, batch in zip(BATCH_LABELS, batches, strict=True):
        print(
            f"| {options.batch} certificates, {label} | {batch['count']} "
            f"| {batch['seconds']:.1f} s | {batch['rate']:.1f} | {batch['pickup']:.1f} s "
            f"| {batch['zip_bytes'] / 1024 / 1024:.1f} MiB "
            f"| {batch['worker_rss'] / 1024 / 1024:.0f} MiB |"
        )
    print()
    print("| credentials (VC-JWT, Ed25519) | count | median of 3 runs | per credential |")
    print("|---|---|---|---|")
    for label, key in (
        ("documents built, unsigned (baseline)", "documents"),
        ("documents built and signed", "signed"),
        ("signed credentials baked into badges (PNG)", "badges"),
    ):
        print(
            f"| {label} | {len(certificates)} | {signing[key]:.2f} s "
            f"| {signing[key] / len(certificates) * 1000:.2f} ms |"
        )
    credentials_met = signing["signed"] <= 10 * len(certificates) / 1000
    render_met = render["pdf_median"] <= 0.050
    sealed_met = render["sealed_median"] <= 0.080
    batch_met = [
        batch["seconds"] <= target * options.batch / 1000
        for batch, target in zip(batches, BATCH_TARGETS, strict=True)
    ]
    print(
        f"\nTargets: PDF median <= 50 ms: {'met' if render_met else 'NOT met'}; "
        f"sealed PDF median <= 80 ms: {'met' if sealed_met else 'NOT met'}; "
        f"1,000 certificates sealed in the background in <= 90 s, kept ones in <= 60 s "
        f"(pro rata): {'met' if all(batch_met) else 'NOT met'}; "
        f"1,000 credentials signed in <= 10 s (pro rata): "
        f"{'met' if credentials_met else 'NOT met'}"
    )
    if options.json:
        rows = shared_rows(options, render, batches, database, render_met, sealed_met, batch_met)
        rows += credential_rows(options, signing, database, credentials_met)
        options.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


def shared_rows(
    options, render, batches, database, render_met, sealed_met, batch_met
) -> list[dict]:
    """The results as the rows every benchmark writes for docs/benchmarks.md."""

    def row(measurement, runs, median_s, **fields):
        return {
            "benchmark": "certificates", "measurement": measurement, "database": database,
            "runs": runs, "median_ms": round(median_s * 1000, 2), "p95_ms": None,
            "p99_ms": None, "req_s": None, "peak_mib": None, "errors": None,
            "queries": None, "baseline": False, "ratio": None, "target": "-", "met": None,
            **fields,
        }  # fmt: skip

    def render_row(measurement, key, **fields):
        return row(
            measurement, options.renders, render[f"{key}_median"],
            p95_ms=round(render[f"{key}_p95"] * 1000, 2),
            p99_ms=round(render[f"{key}_p99"] * 1000, 2),
            req_s=round(1 / render[f"{key}_median"], 1),
            ratio=round(render[f"{key}_median"] / render["html_median"], 2), **fields,
        )  # fmt: skip

    return [
        render_row("certificate HTML alone", "html", baseline=True),
        render_row("certificate PDF (PDF/UA-1)", "pdf", target="median <= 50 ms", met=render_met),
        row(
            "certificate PDF, CPU time",
            options.renders,
            render["pdf_cpu"],
            ratio=round(render["pdf_cpu"] / render["html_cpu"], 2),
        ),
        render_row("sealed certificate PDF", "sealed", target="median <= 80 ms", met=sealed_met),
        row(
            "sealed certificate PDF, CPU time",
            options.renders,
            render["sealed_cpu"],
            ratio=round(render["sealed_cpu"] / render["html_cpu"], 2),
        ),
        *(
            row(
                f"batch of {options.batch} via db_worker, {label} (request to READY)",
                1,
                batch["seconds"],
                req_s=round(batch["rate"], 1),
                peak_mib=round(batch["worker_rss"] / 2**20),
                errors=options.batch - batch["count"],
                target=f"1,000 in <= {target} s",
                met=met,
            )
            for label, batch, target, met in zip(
                BATCH_LABELS, batches, BATCH_TARGETS, batch_met, strict=True
            )
        ),
    ]


def credential_rows(options, signing, database, met) -> list[dict]:
    """The credential signing rows for docs/benchmarks.md."""

    def row(measurement, key, **fields):
        return {
            "benchmark": "certificates", "measurement": measurement, "database": database,
            "runs": 3, "median_ms": round(signing[key] * 1000, 2), "p95_ms": None,
            "p99_ms": None, "req_s": round(options.batch / signing[key], 1), "peak_mib": None,
            "errors": None, "queries": None, "baseline": False,
            "ratio": round(signing[key] / signing["documents"], 2), "target": "-", "met": None,
            **fields,
        }  # fmt: skip

    return [
        row(f"{options.batch} credential documents, unsigned", "documents", baseline=True),
        row(
            f"{options.batch} Open Badges credentials signed (VC-JWT, Ed25519)",
            "signed",
            target="1,000 in <= 10 s",
            met=met,
        ),
        row(f"{options.batch} signed credentials baked into badges (PNG)", "badges"),
    ]


if __name__ == "__main__":
    sys.exit(main())
