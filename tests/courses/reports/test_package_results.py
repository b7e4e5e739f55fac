"""SCORM/cmi5 results in the reports: the attendance list's parts done and
attempted with the best score, the activity report's parts worked on per
day, and the results report of every attempt (statuses in Polish words,
the package's own time labelled as its claim), on screen and as CSV, XLSX
and PDF read back; the scope (a school coordinator, a trainer) and the
evidence pack. Their query counts are in test_activity_indicators."""

import csv
import io
import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts import roles
from courses.models import Enrolment, EvidencePack, LearningSession, ScormAttempt
from courses.reports import activity
from courses.scorm import samples
from courses.scorm.packages import scorm_package_create
from tests import factories

pytestmark = pytest.mark.django_db

ATTENDANCE = "/admin/reports/attendance/"
ACTIVITY = "/admin/reports/activity/"
PACKAGES = "/admin/reports/packages/"
PARTS_WORKED_ON = len(activity.COLUMNS) - 1


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment in the site's time zone (Europe/Warsaw)."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def session(user, course, lesson, start, end):
    return LearningSession.objects.create(
        user=user, course=course, lesson=lesson, visit=f"v-{start:%d%H%M}-{user.pk}",
        started_at=start, last_seen_at=end, active_seconds=int((end - start).total_seconds()),
    )  # fmt: skip


@pytest.fixture
def days():
    today = timezone.localdate()
    return {
        "before": today - timedelta(days=4),
        "first": today - timedelta(days=3),
        "second": today - timedelta(days=2),
    }


@pytest.fixture
def results(catalogue, county, learner_lo1, learner_lo2, admin, scorm_storage, days):
    """Course A ("Podpis elektroniczny") holds the two-part SCORM 2004
    package in its first lesson and the SCORM 1.2 one in its second; course
    B ("Cyberhigiena", taught by a trainer) holds the SCORM 1.2 one.

    Łucja (I LO) on A: part 1 failed (40%) then passed (85%) on the first
    day, part 2 started the day before and last committed on the second
    day, the 1.2 part passed (70%) on the first day: 2 of 3 parts done. On
    B she launched the part without a commit. Żaneta (II LO) passed part 1
    (95%) on the first day and left the 1.2 part long before the period.
    Adam (I LO) is enrolled on A and never played a package."""
    first, second, before = days["first"], days["second"], days["before"]
    attempt = factories.scorm_attempt
    course_a, lessons_a = factories.course_with_lessons(catalogue, 2, title="Podpis elektroniczny")
    course_b, lessons_b = factories.course_with_lessons(catalogue, 1, title="Cyberhigiena")
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    course_b.trainers.add(trainer)
    course_b.save()  # a parental relation is stored with the page
    remote = scorm_package_create(
        file=SimpleUploadedFile("praca.zip", samples.scorm2004_package()), by=admin
    )
    passwords = scorm_package_create(
        file=SimpleUploadedFile("hasla.zip", samples.scorm12_package()), by=admin
    )
    adam = factories.user_with_role(
        roles.LEARNER, email="adam@example.org", institution=county["lo1"],
        first_name="Adam", last_name="Ryś",
    )  # fmt: skip
    for user, course in [
        (learner_lo1, course_a),
        (learner_lo1, course_b),
        (learner_lo2, course_a),
        (adam, course_a),
    ]:
        Enrolment.objects.create(user=user, course=course, method="self")
    a1, a2 = lessons_a
    (b1,) = lessons_b
    lucja_a = (learner_lo1, a1, course_a, remote, "blok-a")
    attempt(*lucja_a, "ITEM-1", at(first, 9), at(first, 9, 20), number=1,
            completion_status="incomplete", success_status="failed", best_score=40,
            reported_seconds=1200, commits=3)  # fmt: skip
    attempt(*lucja_a, "ITEM-1", at(first, 10), at(first, 10, 30), number=2,
            completion_status="completed", success_status="passed", best_score=85,
            reported_seconds=1830.6, commits=5, completed_at=at(first, 10, 30),
            done_at=at(first, 10, 30))  # fmt: skip
    attempt(*lucja_a, "ITEM-2", at(before, 15), at(second, 11, 15),
            completion_status="incomplete", reported_seconds=600, commits=2)  # fmt: skip
    attempt(learner_lo1, a2, course_a, passwords, "blok-c", "ITEM-1", at(first, 14),
            at(first, 14, 30), completion_status="completed", success_status="passed",
            best_score=70, reported_seconds=900, commits=4, done_at=at(first, 14, 30))  # fmt: skip
    attempt(learner_lo1, b1, course_b, passwords, "blok-b", "ITEM-1", at(first, 12),
            at(first, 12), completion_status="not attempted")  # fmt: skip
    attempt(learner_lo2, a1, course_a, remote, "blok-a", "ITEM-1", at(first, 8), at(first, 8, 30),
            completion_status="completed", success_status="passed", best_score=95,
            reported_seconds=1500, commits=6, done_at=at(first, 8, 30))  # fmt: skip
    long_ago = first - timedelta(days=40)
    attempt(learner_lo2, a2, course_a, passwords, "blok-c", "ITEM-1", at(long_ago, 9),
            at(long_ago, 9, 40), completion_status="incomplete", commits=1)  # fmt: skip
    for user, course, lesson, start, end in [
        (learner_lo1, course_a, a1, at(first, 9), at(first, 10, 40)),
        (learner_lo1, course_a, a1, at(second, 11), at(second, 11, 20)),
        (learner_lo1, course_b, b1, at(first, 12), at(first, 12, 10)),
        (learner_lo2, course_a, a1, at(first, 8), at(first, 8, 35)),
    ]:
        session(user, course, lesson, start, end)
    return {"a": course_a, "b": course_b, "a1": a1, "a2": a2, "b1": b1, "trainer": trainer}


# --- Attendance ---------------------------------------------------------------


def test_attendance_shows_parts_done_of_attempted_and_the_best_score(
    client, results, coordinator_county, period
):
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(ATTENDANCE + "csv/", period))
    column = rows[0].index("SCORM/cmi5")
    assert rows[0][column - 1] == "Wynik" and rows[0][column + 1] == "Numer zaświadczenia"
    by_learner = {(row[1], row[4]): row[column] for row in rows[1:-1]}
    assert by_learner == {
        # Part 1 tried twice counts once; the best of every attempt.
        ("Łucja Ćwik", "Podpis elektroniczny"): "2/3 części, najlepszy wynik 85%",
        # Launched, never committed, no score: no best score to state.
        ("Łucja Ćwik", "Cyberhigiena"): "0/1 części",
        # Her attempt before the period still counts: the list is the whole course.
        ("Żaneta Śliwa", "Podpis elektroniczny"): "1/2 części, najlepszy wynik 95%",
        ("Adam Ryś", "Podpis elektroniczny"): "",  # never played a package
    }
    assert len(rows[-1]) == len(rows[0])  # the totals row spans every column
    assert rows[-1][1].startswith("Razem: 4 uczestników")

    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(ATTENDANCE + "xlsx/", period).streaming_content))
    ).active
    headers = [cell.value for cell in sheet[1]]
    cells = {
        (sheet.cell(row, 2).value, sheet.cell(row, 5).value): sheet.cell(row, column + 1).value
        for row in range(2, sheet.max_row)
    }
    assert headers[column] == "SCORM/cmi5"
    assert cells[("Łucja Ćwik", "Podpis elektroniczny")] == "2/3 części, najlepszy wynik 85%"
    assert cells[("Adam Ryś", "Podpis elektroniczny")] is None

    page = client.get(ATTENDANCE, period).content.decode()
    assert '<th scope="col">SCORM/cmi5</th>' in page
    assert "2/3 części, najlepszy wynik 85%" in page and "0/1 części" in page
    text = pdf_text(client.get(ATTENDANCE + "pdf/", period).content)
    # The header wraps after the slash in the narrow column of a landscape page.
    assert "SCORM/ cmi5" in text and "2/3 części, najlepszy wynik 85%" in text


def test_attendance_keeps_the_package_column_in_the_coordinators_scope(
    client, results, coordinator_lo1, period
):
    client.force_login(coordinator_lo1)
    rows = csv_rows(client.get(ATTENDANCE + "csv/", period))
    column = rows[0].index("SCORM/cmi5")
    assert {row[1]: row[column] for row in rows[1:-1] if row[4] == "Podpis elektroniczny"} == {
        "Łucja Ćwik": "2/3 części, najlepszy wynik 85%",
        "Adam Ryś": "",
    }  # Żaneta (II LO) is outside this coordinator's scope


# --- Activity -----------------------------------------------------------------


def test_activity_counts_the_parts_worked_on_each_day(
    client, results, coordinator_county, days, period
):
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(ACTIVITY + "csv/", period))
    assert rows[0][PARTS_WORKED_ON] == "Części SCORM/cmi5, nad którymi pracowano"
    first, second = days["first"].isoformat(), days["second"].isoformat()
    worked_on = {(row[1], row[2], row[4]): row[PARTS_WORKED_ON] for row in rows[1:-1]}
    assert worked_on == {
        # Part 1 twice and the 1.2 part: two parts. Part 2, started the day
        # before and last committed the day after, does not count here.
        (first, "Łucja Ćwik", "Podpis elektroniczny"): "2",
        (first, "Łucja Ćwik", "Cyberhigiena"): "1",  # launched that day
        (first, "Żaneta Śliwa", "Podpis elektroniczny"): "1",
        (second, "Łucja Ćwik", "Podpis elektroniczny"): "1",  # part 2's last commit
    }
    assert len(rows[-1]) == len(rows[0])
    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(ACTIVITY + "xlsx/", period).streaming_content))
    ).active
    counts = [sheet.cell(row, PARTS_WORKED_ON + 1).value for row in range(2, sheet.max_row)]
    assert sorted(counts) == [1, 1, 1, 2]  # number cells


def test_activity_parts_follow_the_trainers_courses(client, results, period):
    client.force_login(results["trainer"])
    rows = csv_rows(client.get(ACTIVITY + "csv/", period))
    assert [(row[2], row[4], row[PARTS_WORKED_ON]) for row in rows[1:-1]] == [
        ("Łucja Ćwik", "Cyberhigiena", "1")
    ]


# --- The results report -------------------------------------------------------


def test_results_report_lists_every_attempt_in_the_period_with_totals(
    client, results, coordinator_county, days, period
):
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(PACKAGES + "csv/", period))
    assert rows[0] == [
        "Lp.", "Imię i nazwisko", "Jednostka", "Szkolenie", "Lekcja", "Pakiet", "Część",
        "Podejście", "Ukończenie", "Zaliczenie", "Wynik (%)",
        "Czas zgłoszony przez pakiet (h:mm)", "Rozpoczęcie", "Ostatni zapis", "Zaliczono",
    ]  # fmt: skip
    first, second, before = (days[name].isoformat() for name in ("first", "second", "before"))
    a1, a2, b1 = (results[name].title for name in ("a1", "a2", "b1"))
    lo1, lo2 = "I Liceum Ogólnokształcące", "II Liceum Ogólnokształcące"
    remote, passwords = "Praca zdalna bez tajemnic", "Bezpieczne hasła"
    part1, part2 = "Część 1: Sprzęt", "Część 2: Spotkania online"
    # Żaneta's attempt long before the period is not listed.
    assert rows[1:-1] == [
        ["1", "Łucja Ćwik", lo1, "Cyberhigiena", b1, passwords, passwords, "1",
         "nierozpoczęto", "nieznany", "", "0:00", f"{first} 12:00", "", ""],
        ["2", "Łucja Ćwik", lo1, "Podpis elektroniczny", a1, remote, part1, "1",
         "nieukończono", "niezaliczono", "40", "0:20", f"{first} 09:00", f"{first} 09:20", ""],
        ["3", "Łucja Ćwik", lo1, "Podpis elektroniczny", a1, remote, part1, "2",
         "ukończono", "zaliczono", "85", "0:30", f"{first} 10:00", f"{first} 10:30",
         f"{first} 10:30"],
        ["4", "Łucja Ćwik", lo1, "Podpis elektroniczny", a1, remote, part2, "1",
         "nieukończono", "nieznany", "", "0:10", f"{before} 15:00", f"{second} 11:15", ""],
        ["5", "Łucja Ćwik", lo1, "Podpis elektroniczny", a2, passwords, passwords, "1",
         "ukończono", "zaliczono", "70", "0:15", f"{first} 14:00", f"{first} 14:30",
         f"{first} 14:30"],
        ["6", "Żaneta Śliwa", lo2, "Podpis elektroniczny", a1, remote, part1, "1",
         "ukończono", "zaliczono", "95", "0:25", f"{first} 08:00", f"{first} 08:30",
         f"{first} 08:30"],
    ]  # fmt: skip
    assert rows[-1][1] == "Razem – podejścia: 6, zaliczone części: 3"  # part 1 done once
    assert len(rows[-1]) == len(rows[0])

    sheet = openpyxl.load_workbook(
        io.BytesIO(b"".join(client.get(PACKAGES + "xlsx/", period).streaming_content))
    ).active
    assert sheet["G4"].value == part1 and sheet["H4"].value == 2
    assert sheet["K4"].value == 85  # a number cell
    assert sheet["L4"].value == timedelta(seconds=1831) and sheet["L4"].number_format == "[h]:mm"
    assert sheet["M4"].value == datetime.combine(days["first"], time(10))
    assert sheet["K2"].value is None and sheet["N2"].value is None  # no score, no commit
    assert sheet.cell(sheet.max_row, 2).value == "Razem – podejścia: 6, zaliczone części: 3"

    page = client.get(PACKAGES, period).content.decode()
    assert "Wyniki SCORM/cmi5" in page and part2 in page and "niezaliczono" in page
    assert "Razem – podejścia: 6, zaliczone części: 3" in page
    text = pdf_text(client.get(PACKAGES + "pdf/", period).content)
    for expected in ("Wyniki SCORM/cmi5", "Czas zgłoszony przez pakiet", part1, "Żaneta Śliwa",
                     "Razem – podejścia: 6, zaliczone części: 3", "strona 1 z 1"):  # fmt: skip
        assert expected in text, expected


def test_results_report_follows_the_scope_and_the_filters(
    client, results, coordinator_lo1, county, days, period
):
    client.force_login(coordinator_lo1)
    rows = csv_rows(client.get(PACKAGES + "csv/", period))
    assert {row[1] for row in rows[1:-1]} == {"Łucja Ćwik"}  # not Żaneta of II LO
    assert len(rows) == 2 + 5
    assert rows[-1][1] == "Razem – podejścia: 5, zaliczone części: 2"
    outside = client.get(PACKAGES, {**period, "institution": county["lo2"].pk}).content.decode()
    assert "poza Twoim zakresem" in outside and "Żaneta" not in outside
    course_b = csv_rows(client.get(PACKAGES + "csv/", {**period, "course": results["b"].pk}))
    assert [row[3] for row in course_b[1:-1]] == ["Cyberhigiena"]
    # Part 2, last committed on the second day, is the only attempt worked on then.
    second = {"period_from": days["second"].isoformat(), "period_to": days["second"].isoformat()}
    assert [row[6] for row in csv_rows(client.get(PACKAGES + "csv/", second))[1:-1]] == [
        "Część 2: Spotkania online"
    ]

    client.force_login(results["trainer"])
    rows = csv_rows(client.get(PACKAGES + "csv/", period))
    assert [(row[1], row[3]) for row in rows[1:-1]] == [("Łucja Ćwik", "Cyberhigiena")]
    learner = factories.user_with_role(roles.LEARNER, email="uczen@example.org")
    client.force_login(learner)
    assert client.get(PACKAGES, period).status_code in (302, 403)


def test_every_vocabulary_value_has_polish_words(client, results, coordinator_county, period):
    ScormAttempt.objects.filter(unit="ITEM-2").update(completion_status="browsed")
    client.force_login(coordinator_county)
    rows = csv_rows(client.get(PACKAGES + "csv/", period))
    assert "przejrzano" in {row[8] for row in rows[1:-1]}
    english = {"completed", "incomplete", "passed", "failed", "unknown", "not attempted", "browsed"}
    assert not english & {cell for row in rows for cell in row[8:10]}


# --- The evidence pack ----------------------------------------------------------


def test_evidence_pack_holds_the_results_report_in_every_format(
    client, results, coordinator_county, period, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_county)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/evidence-packs/", {**period, "course": results["a"].pk})
    assert response.status_code == 302
    pack = EvidencePack.objects.get()
    assert pack.status == EvidencePack.Status.READY
    download = client.get(f"/admin/evidence-packs/{pack.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    stem = f"raporty/wyniki-pakietow-{period['period_from']}-{period['period_to']}"
    names = archive.namelist()
    assert {f"{stem}.csv", f"{stem}.xlsx", f"{stem}.pdf"} <= set(names), names
    assert f"{stem}.pdf" in archive.read("README.txt").decode()

    text = archive.read(f"{stem}.csv").decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [(row[1], row[6], row[7]) for row in rows[1:-1]] == [
        ("Łucja Ćwik", "Część 1: Sprzęt", "1"),
        ("Łucja Ćwik", "Część 1: Sprzęt", "2"),
        ("Łucja Ćwik", "Część 2: Spotkania online", "1"),
        ("Łucja Ćwik", "Bezpieczne hasła", "1"),
        ("Żaneta Śliwa", "Część 1: Sprzęt", "1"),
    ]  # course A only: not her launch on Cyberhigiena
    assert rows[-1][1] == "Razem – podejścia: 5, zaliczone części: 3"
    sheet = openpyxl.load_workbook(io.BytesIO(archive.read(f"{stem}.xlsx"))).active
    assert [sheet.cell(row, 11).value for row in range(2, sheet.max_row)] == [40, 85, None, 70, 95]
    pdf = pdf_text(archive.read(f"{stem}.pdf"))
    assert "Wyniki SCORM/cmi5" in pdf and "Spotkania online" in pdf and "Żaneta Śliwa" in pdf
    listing = archive.read(
        f"raporty/lista-obecnosci-{period['period_from']}-{period['period_to']}.csv"
    ).decode()
    assert "2/3 części, najlepszy wynik 85%" in listing
