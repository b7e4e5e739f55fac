"""Coordinator reports: the attendance and progress list on screen and as
CSV (Excel and plain), XLSX and PDF, read back; scope, filters, formula
escaping, the audit log, and a fixed number of queries."""

import csv
import io
from datetime import date

import openpyxl
import pypdf
import pytest
from wagtail.models import ModelLogEntry

from accounts import roles
from courses import exports
from courses.models import Enrolment
from courses.reports.filters import PERIOD_REQUIRED, PERIOD_REVERSED
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/reports/attendance/"


def rows_of(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return text, list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def test_coordinator_sees_their_scope_with_results_and_totals(
    client, course_data, coordinator_lo1, period
):
    client.force_login(coordinator_lo1)
    body = client.get(URL, period).content.decode()
    assert "Łucja Ćwik" in body and "Zając" in body
    assert "Żaneta" not in body  # II LO is outside this coordinator's scope
    assert "ukończone" in body
    assert "zaległe (0/2 lekcji)" in body
    assert "Razem: 2 uczestników, 1 ukończyło" in body
    client.force_login(factories.user_with_role(roles.LEARNER, email="u@example.org"))
    assert client.get(URL, period).status_code in (302, 403)


def test_filters_are_checked_and_never_widened(
    client, course_data, coordinator_lo1, county, period
):
    client.force_login(coordinator_lo1)
    outside = client.get(URL, {**period, "institution": county["lo2"].pk})
    assert "poza Twoim zakresem" in outside.content.decode()
    assert "Łucja" not in outside.content.decode()
    reversed_period = client.get(URL, {"period_from": "2026-05-01", "period_to": "2026-04-01"})
    assert str(PERIOD_REVERSED) in reversed_period.content.decode()
    empty = client.get(URL, {"period_from": "", "period_to": ""})
    assert str(PERIOD_REQUIRED) in empty.content.decode()
    assert "Łucja" not in empty.content.decode()
    completed = client.get(URL, {**period, "status": "completed"}).content.decode()
    assert "Łucja" in completed and "Zając" not in completed
    overdue = client.get(URL, {**period, "status": "overdue"}).content.decode()
    assert "Zając" in overdue and "Łucja" not in overdue


def test_exports_read_back_escape_formulas_and_are_logged(
    client, course_data, coordinator_county, period
):
    client.force_login(coordinator_county)
    text, rows = rows_of(client.get(URL + "csv/", period))
    assert text.startswith("\ufeffLp.;Imię i nazwisko;")
    by_name = {row[1]: row for row in rows[1:-1]}
    assert set(by_name) == {"Łucja Ćwik", "Żaneta Śliwa", "'=HYPERLINK(1) Zając"}
    assert by_name["Łucja Ćwik"][13].startswith("CA/")  # certificate number
    assert by_name["Łucja Ćwik"][12] == ""  # no package attempts
    assert by_name["Łucja Ćwik"][11] == "ukończone"
    assert rows[-1][1] == "Razem: 3 uczestników, 1 ukończyło"
    plain = b"".join(client.get(URL + "csv-plain/", period).streaming_content).decode()
    assert plain.startswith("Lp.,Imię i nazwisko,")

    response = client.get(URL + "xlsx/", period)
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet["B1"].value == "Imię i nazwisko"
    names = [sheet.cell(row=row, column=2).value for row in range(2, 5)]
    assert set(names) == {"Łucja Ćwik", "Żaneta Śliwa", "'=HYPERLINK(1) Zając"}
    assert isinstance(sheet["F2"].value, date)  # enrolled: a date cell
    assert sheet["I2"].number_format == "[h]:mm"  # planned time: a duration
    assert sheet["J2"].number_format == "[h]:mm"  # effective time: a duration
    assert sheet.freeze_panes == "A2"

    pdf = client.get(URL + "pdf/", period)
    reader = pypdf.PdfReader(io.BytesIO(pdf.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("Obecność i postępy", "Łucja Ćwik", "Żaneta Śliwa", "Podpis elektroniczny",
                     "strona 1 z 1", "podpis trenera", "Razem: 3 uczestników"):  # fmt: skip
        assert expected in text, expected
    assert reader.trailer["/Root"]["/Lang"] == "pl"

    entries = ModelLogEntry.objects.filter(action=exports.EXPORT_ACTION).order_by("pk")
    assert [entry.data["format"] for entry in entries] == ["csv", "csv-plain", "xlsx", "pdf"]
    assert {entry.data["rows"] for entry in entries} == {3}
    assert all(entry.user_id == coordinator_county.pk for entry in entries)


def test_trainer_reports_only_on_their_courses(client, course_data, catalogue, county, period):
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    other, _lessons = factories.course_with_lessons(catalogue, 1, title="Inny kurs")
    other.trainers.add(trainer)
    client.force_login(trainer)
    response = client.get(URL, {**period, "course": course_data["course"].pk})
    assert "Łucja" not in response.content.decode()
    assert response.status_code == 200  # the form says the course is not theirs
    assert "Łucja" not in client.get(URL, period).content.decode()


@pytest.mark.parametrize("count", [1, 50])
def test_report_page_runs_a_fixed_number_of_queries(
    client, catalogue, county, coordinator_county, period, count, django_assert_num_queries
):
    course, _lessons = factories.course_with_lessons(catalogue, 2)
    for number in range(count):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"l{number}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(user=learner, course=course, method="self")
    client.force_login(coordinator_county)
    client.get(URL, period)
    with django_assert_num_queries(20):
        assert client.get(URL, period).status_code == 200


def test_dates_are_the_learners_local_days(client, course_data, coordinator_county, learner_lo1):
    """Moments near midnight are listed on the Polish calendar day, in
    summer and in winter time alike (the database converts them)."""
    from datetime import UTC, datetime

    from courses.models import LessonProgress

    enrolment = Enrolment.objects.get(user=learner_lo1)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=datetime(2026, 3, 31, 22, 30, tzinfo=UTC),  # 00:30 on 1 April, CEST
        completed_at=datetime(2026, 12, 1, 23, 15, tzinfo=UTC),  # 00:15 on 2 December, CET
    )
    LessonProgress.objects.filter(user=learner_lo1).update(
        first_opened_at=datetime(2026, 4, 1, 21, 59, tzinfo=UTC)  # 23:59 on 1 April
    )
    client.force_login(coordinator_county)
    period = {"period_from": "2026-01-01", "period_to": "2026-12-31"}
    _text, rows = rows_of(client.get(URL + "csv/", period))
    row = next(row for row in rows if row[1] == "Łucja Ćwik")
    assert row[5:8] == ["2026-04-01", "2026-04-01", "2026-12-02"]
