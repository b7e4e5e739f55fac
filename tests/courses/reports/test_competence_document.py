"""The four-stage competence document (I. Zakres, II. Wzorzec, III. Ocena,
IV. Porównanie): its XLSX and PDF read back, the participants of the
period within the scope of a coordinator and of a trainer, every version
assessed against, each person counted once, the gender split, the
evidence pack, and a fixed number of queries for 1 and 50 participants."""

import io
import zipfile
from datetime import timedelta

import openpyxl
import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts import roles
from courses.models import Enrolment
from courses.reports import competence_document
from courses.reports.filters import COURSE_OUT_OF_SCOPE
from tests import factories
from tests.courses.reports import competence_factories as competences
from tests.courses.reports.test_evidence_pack import request_pack
from tests.queries import assert_same_queries_for_1_and_50_rows

pytestmark = pytest.mark.django_db

URL = "/admin/reports/competences/"


def polish(text) -> str:
    with translation.override("pl"):
        return str(text)


def workbook(response):
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]


def pdf_text(response) -> str:
    assert response.status_code == 200
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_workbook_holds_the_four_stages(client, assessed, coordinator_county, period):
    client.force_login(coordinator_county)
    book = workbook(client.get(URL + "xlsx/", period))
    assert book.sheetnames == [
        "I. Zakres", "II. Wzorzec", "III. Ocena", "IV. Porównanie", "IV. Wg instytucji",
    ]  # fmt: skip

    scope = values(book["I. Zakres"])
    assert book["I. Zakres"]["B1"].value == "Grupa docelowa"
    assert [
        "Ochrona danych", "urzędnicy samorządowi", "DigComp 2.2", "4 Bezpieczeństwo",
        "4.2 Ochrona danych osobowych i prywatności", 4,
    ] in scope  # fmt: skip
    # Two competences per course, listed once though course A has two versions.
    assert [row[0] for row in scope] == ["Cyberhigiena"] * 2 + ["Ochrona danych"] * 2

    standard = values(book["II. Wzorzec"])
    assert [(row[0], row[1], row[3]) for row in standard] == [
        ("Cyberhigiena", 1, "W1"), ("Cyberhigiena", 1, "U1"), ("Cyberhigiena", 1, "K1"),
        ("Ochrona danych", 1, "W1"), ("Ochrona danych", 1, "U1"), ("Ochrona danych", 1, "K1"),
        ("Ochrona danych", 2, "W1"), ("Ochrona danych", 2, "U1"), ("Ochrona danych", 2, "K1"),
    ]  # fmt: skip
    v2_w1 = standard[6]
    assert v2_w1[2].date() == timezone.localtime(assessed["v2"].frozen_at).date()
    assert v2_w1[4:] == [
        "Zna zasady ochrony danych osobowych",
        "4.2 Ochrona danych osobowych i prywatności",
        4,
        60,
        15,
    ]

    assessment = values(book["III. Ocena"])
    assert [(row[1], row[2], row[3], row[4]) for row in assessment] == [
        ("Łucja Ćwik", "I Liceum Ogólnokształcące", "Cyberhigiena", 1),
        ("Łucja Ćwik", "I Liceum Ogólnokształcące", "Ochrona danych", 1),
        ("Żaneta Śliwa", "II Liceum Ogólnokształcące", "Ochrona danych", 2),
    ]
    lucja = assessment[1]
    assert lucja[6] == "W1: 80% (spełniony); U1: 50% (niespełniony); K1: 100% (spełniony)"
    assert lucja[7:] == [80, "tak"]
    assert assessment[2][7:] == [55, "nie"]

    comparison = values(book["IV. Porównanie"])
    assert [row[1:] for row in comparison] == [
        ["Łucja Ćwik", "I Liceum Ogólnokształcące", "Cyberhigiena", 70, 75, 5],
        ["Łucja Ćwik", "I Liceum Ogólnokształcące", "Ochrona danych", 40, 80, 40],
        ["Żaneta Śliwa", "II Liceum Ogólnokształcące", "Ochrona danych", None, 55, None],
    ]
    # Łucja gained on one course of two: one person assessed, one gained.
    assert values(book["IV. Wg instytucji"]) == [
        ["I Liceum Ogólnokształcące", 1, 1, 100],
        ["II Liceum Ogólnokształcące", 1, 0, 0],
        ["Razem (każda osoba liczona raz)", 2, 1, 50],
    ]
    everything = str([values(sheet) for sheet in book.worksheets])
    assert "Lubański" not in everything and "Dawny" not in everything


def test_the_pdf_has_the_four_sections_on_the_page_frame(
    client, assessed, coordinator_county, period
):
    client.force_login(coordinator_county)
    text = pdf_text(client.get(URL + "pdf/", period))
    for expected in (
        "I. Zakres", "II. Wzorzec", "III. Ocena", "IV. Porównanie", "urzędnicy samorządowi",
        "Zna zasady ochrony danych osobowych", "Żaneta Śliwa", "W1: 80% (spełniony)",
        "Razem (każda osoba liczona raz)", "strona 1 z",
    ):  # fmt: skip
        assert expected in text, expected
    assert "Lubański" not in text


def test_gender_column_and_counts_when_the_installation_collects_gender(
    client, assessed, coordinator_county, period
):
    factories.account_settings(report_by_gender=True)
    client.force_login(coordinator_county)
    book = workbook(client.get(URL + "xlsx/", period))
    assert book["III. Ocena"]["D1"].value == "Płeć"
    assert [row[3] for row in values(book["III. Ocena"])] == ["kobieta", "kobieta", "nie podano"]
    assert values(book["IV. Wg płci"]) == [
        ["kobieta", 1, 1, 100],
        ["nie podano", 1, 0, 0],
        ["Razem (każda osoba liczona raz)", 2, 1, 50],
    ]


def test_a_coordinator_sees_only_their_institutions_participants(
    client, assessed, coordinator_lo1, period
):
    client.force_login(coordinator_lo1)
    page = client.get(URL, period).content.decode()
    assert "Łucja Ćwik" in page and "Żaneta" not in page
    book = workbook(client.get(URL + "xlsx/", period))
    assert {row[1] for row in values(book["III. Ocena"])} == {"Łucja Ćwik"}
    assert values(book["IV. Wg instytucji"])[-1] == ["Razem (każda osoba liczona raz)", 1, 1, 100]


def test_a_trainer_sees_only_their_courses(client, assessed, period):
    client.force_login(assessed["trainer"])
    book = workbook(client.get(URL + "xlsx/", period))
    assert [row[3] for row in values(book["III. Ocena"])] == ["Cyberhigiena"]
    assert {row[0] for row in values(book["II. Wzorzec"])} == {"Cyberhigiena"}
    # Another course in the filter is refused, not widened.
    refused = client.get(URL + "xlsx/", {**period, "course": assessed["a"].pk})
    assert refused.status_code == 200
    assert polish(COURSE_OUT_OF_SCOPE) in refused.content.decode()


def test_the_page_lists_the_participants_with_totals(client, assessed, coordinator_county, period):
    client.force_login(coordinator_county)
    page = client.get(URL, period).content.decode()
    assert "Razem osób ocenionych: 2, w tym z nabytymi kompetencjami: 1" in page
    assert polish(competence_document.CompetenceDocumentReport.menu_label) in page


def test_the_evidence_pack_holds_the_document(
    client, assessed, coordinator_county, period, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_county)
    pack = request_pack(client, period, django_capture_on_commit_callbacks)
    response = client.get(f"/admin/evidence-packs/{pack.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    name = f"raporty/nabycie-kompetencji-{period['period_from']}-{period['period_to']}"
    assert {f"{name}.xlsx", f"{name}.pdf"} <= set(archive.namelist())
    book = openpyxl.load_workbook(io.BytesIO(archive.read(f"{name}.xlsx")))
    assert {row[1] for row in values(book["III. Ocena"])} == {"Łucja Ćwik", "Żaneta Śliwa"}
    assert f"{name}.pdf" in archive.read("README.txt").decode()


@pytest.fixture
def many(catalogue, county):
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Ochrona danych")
    version = competences.standard(course)

    def add(number: int) -> str:
        unit = factories.InstitutionFactory(name=f"Szkoła {number}", parent=county["office"])
        learner = factories.user_with_role(
            roles.LEARNER, email=f"l{number}@example.org", institution=unit,
            first_name="Anna", last_name=f"Nowak{number:02d}",
        )  # fmt: skip
        competences.assessment(learner, course, version, gained=number % 2 == 0)
        return f"Anna Nowak{number:02d}"

    return add


def test_fixed_queries_for_1_and_50_participants(client, many, coordinator_county, period):
    client.force_login(coordinator_county)
    url = URL + "?" + "&".join(f"{key}={value}" for key, value in period.items())
    assert_same_queries_for_1_and_50_rows(client, url, many)


def export_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("export_format", ["xlsx", "pdf"])
def test_fixed_queries_of_the_files(client, many, coordinator_county, period, export_format):
    client.force_login(coordinator_county)
    url = f"{URL}{export_format}/?" + "&".join(f"{key}={value}" for key, value in period.items())
    many(0)
    export_queries(client, url)  # caches filled once per process
    one = export_queries(client, url)
    for number in range(1, 50):
        many(number)
    assert export_queries(client, url) == one


# --- Indicators: persons who gained competences --------------------------------

INDICATORS = "/admin/reports/indicators/"


def indicator_rows(client, period) -> list[list]:
    return values(workbook(client.get(INDICATORS + "xlsx/", period)).active)


def gained_on_a_third_course(catalogue, learner):
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Podpis elektroniczny")
    competences.assessment(learner, course, competences.standard(course), gained=True)


def test_indicators_count_persons_who_gained_competences_once(
    client, assessed, catalogue, learner_lo1, coordinator_county, period
):
    gained_on_a_third_course(catalogue, learner_lo1)
    client.force_login(coordinator_county)
    rows = indicator_rows(client, period)
    header = [cell.value for cell in workbook(client.get(INDICATORS + "xlsx/", period)).active[1]]
    assert header[4] == "Osoby, które nabyły kompetencje"
    # Name and persons who gained competences, per institution, per course, in total.
    assert [(row[2], row[4]) for row in rows] == [
        ("I Liceum Ogólnokształcące", 1),
        ("II Liceum Ogólnokształcące", 0),
        ("Cyberhigiena", 0),
        ("Ochrona danych", 1),
        ("Podpis elektroniczny", 1),
        ("Razem (każda osoba liczona raz)", 1),  # Łucja gained on two courses: once
    ]


def test_indicators_split_persons_who_gained_by_gender(
    client, assessed, coordinator_county, period
):
    factories.account_settings(report_by_gender=True)
    client.force_login(coordinator_county)
    book = workbook(client.get(INDICATORS + "xlsx/", period))
    assert [cell.value for cell in book.active[1]][7:11] == [
        "Osoby, które nabyły kompetencje",
        "w tym kobiety (kompetencje)",
        "w tym mężczyźni (kompetencje)",
        "w tym płeć niepodana (kompetencje)",
    ]
    rows = values(book.active)
    assert rows[0][2] == "I Liceum Ogólnokształcące" and rows[0][7:11] == [1, 1, 0, 0]
    assert rows[1][2] == "II Liceum Ogólnokształcące" and rows[1][7:11] == [0, 0, 0, 0]
    assert rows[-1][7:11] == [1, 1, 0, 0]


def test_indicators_count_gains_within_the_scope(
    client, assessed, coordinator_lo1, period, django_user_model
):
    client.force_login(coordinator_lo1)
    assert indicator_rows(client, period)[-1][4] == 1
    # The trainer of Cyberhigiena, where nobody gained, counts nobody; an
    # administrator also counts the learner of the other county.
    client.force_login(assessed["trainer"])
    rows = indicator_rows(client, period)
    assert [row[2] for row in rows[:-1]] == ["I Liceum Ogólnokształcące", "Cyberhigiena"]
    assert rows[-1][4] == 0
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="x")
    client.force_login(admin)
    assert indicator_rows(client, period)[-1][4] == 2


def test_indicators_count_a_gain_assessed_after_a_completion_before_the_period(
    client, assessed, learner_lo1, coordinator_county, period
):
    """Łucja finished course A's lessons before the period and took its
    post-test in it: she gained competences in the period, as the document says."""
    Enrolment.objects.filter(user=learner_lo1, course=assessed["a"]).update(
        completed_at=timezone.now() - timedelta(days=45)
    )
    client.force_login(coordinator_county)
    rows = indicator_rows(client, period)
    assert (rows[0][2], rows[0][4]) == ("I Liceum Ogólnokształcące", 1)
    assert rows[-1][4] == 1
    # She is not trained in the period: her completion was before it.
    assert rows[0][3] == 0
