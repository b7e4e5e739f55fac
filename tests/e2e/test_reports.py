"""Reports in Chromium: a coordinator filters the attendance list, exports
XLSX and PDF, prepares an evidence pack and downloads it; axe-core finds no
violations in the parts of the report pages the project renders."""

import io
import zipfile
from datetime import timedelta

import openpyxl
import pypdf
import pytest
from django.utils import timezone

from courses.models import Enrolment
from courses.progress import services as progress_services
from tests import factories
from tests.conftest import coordinator_of
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_exports_the_attendance_list_and_an_evidence_pack(
    page, site_shell, catalogue, county, learner_lo1, run_axe
):
    coordinator = coordinator_of(county["office"], "koordynatorka@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 1, title="Praca w chmurze")
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    progress_services.lesson_open(user=learner_lo1, lesson=lessons[0])
    progress_services.lesson_mark_done(user=learner_lo1, lesson=lessons[0])
    today = timezone.localdate()

    login(page, coordinator.email)
    page.goto("/admin/reports/attendance/")
    page.get_by_label("Szkolenie").select_option(label="Praca w chmurze")
    page.get_by_label("Od").fill(f"{today - timedelta(days=7):%Y-%m-%d}")
    page.get_by_label("Do").fill(f"{today:%Y-%m-%d}")
    page.get_by_role("button", name="Pokaż", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("cell", name="Łucja Ćwik").is_visible()
    assert run_axe(page, within="main .nice-padding") == []

    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Eksportuj XLSX").click()
    with open(xlsx.value.path(), "rb") as handle:
        sheet = openpyxl.load_workbook(io.BytesIO(handle.read())).active
    assert xlsx.value.suggested_filename.endswith(".xlsx")
    assert sheet["B2"].value == "Łucja Ćwik"
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Eksportuj PDF").click()
    text = "".join(sheet.extract_text() for sheet in pypdf.PdfReader(pdf.value.path()).pages)
    assert "Łucja Ćwik" in text

    page.goto("/admin/evidence-packs/")
    page.get_by_label("Szkolenie").select_option(label="Praca w chmurze")
    page.get_by_role("button", name="Przygotuj pakiet dowodowy").click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Pobierz plik ZIP")
    link.wait_for()
    assert run_axe(page, within="main .nice-padding") == []
    with page.expect_download() as pack:
        link.click()
    with open(pack.value.path(), "rb") as handle:
        names = zipfile.ZipFile(io.BytesIO(handle.read())).namelist()
    assert "README.txt" in names
    assert any(name.startswith("zaswiadczenia/CA-") for name in names)
