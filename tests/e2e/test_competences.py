"""Competence gain in Chromium, as the three users meet it: the trainer aligns
a course's outcome with DigComp and builds its pre- and post-test in the page
editor; the learner takes the pre-test, the lessons and the post-test and reads
their result; the coordinator downloads the four-stage document and the
evidence pack, and the indicator summary counts the learner once."""

import csv
import io
import re
import zipfile

import openpyxl
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from courses.models import Competence, CompetenceAssessment, CompetenceTest, Enrolment
from tests.conftest import coordinator_of
from tests.e2e.test_courses import login, publish

pytestmark = pytest.mark.django_db(transaction=True)


def build_test(page, index, kind, question, right, wrong):
    """Adds a competence test as the inline panel's `index`-th child, with one
    single-choice question on W1."""
    page.locator("#id_competence_tests-ADD").click()
    child = page.locator(f"#inline_child_competence_tests-{index}")
    child.locator(f"#id_competence_tests-{index}-kind").select_option(kind)
    child.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Pytanie", exact=True).click()
    block = f"#competence_tests-{index}-questions-0-value"
    page.locator(f"{block}-outcome").fill("W1")
    page.locator(f"{block}-text").fill(question)
    page.locator(f"{block}-options-0-value-text").fill(right)
    page.locator(f"{block}-options-0-value-correct").check()
    page.locator(f"{block}-options-0-value-feedback").locator(
        "xpath=following::button[@title='Dodaj'][1]"
    ).click()
    page.locator(f"{block}-options-1-value-text").fill(wrong)


def download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name, exact=True).click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def test_trainer_builds_both_tests_learner_gains_coordinator_reports_it(
    page, site_shell, trainer_course, county, learner_lo1
):
    course, lessons = trainer_course["course"], trainer_course["lessons"]
    data_protection = Competence.objects.get(area__framework__code="digcomp-2-2", code="4.2")

    # The trainer: W1 aligned with DigComp 2.2 4.2 at level 4, both tests built.
    login(page, trainer_course["trainer"].email)
    page.goto(f"/admin/pages/{course.pk}/edit/")
    page.locator("#id_outcome_alignments-ADD").click()
    page.locator("#id_outcome_alignments-0-outcome").fill("W1")
    page.locator("#id_outcome_alignments-0-pass_percent").fill("60")
    page.locator("#id_outcome_alignments-0-competence").select_option(str(data_protection.pk))
    page.locator("#id_outcome_alignments-0-target_level").fill("4")
    question = "Co chroni dane na laptopie poza biurem?"
    build_test(page, 0, "pre", question, "Szyfrowanie dysku", "Tapeta z logo urzędu")
    page.locator("#id_competence_tests-0-optional").check()
    build_test(page, 1, "post", question, "Szyfrowanie dysku", "Tapeta z logo urzędu")
    publish(page)
    assert set(CompetenceTest.objects.filter(course=course).values_list("kind", flat=True)) == {
        "pre",
        "post",
    }
    assert course.outcome_alignments.get().competence == data_protection

    # The learner: a wrong pre-test, the lessons, a right post-test.
    page.context.clear_cookies()
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    login(page, learner_lo1.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(course.url)
    section = page.locator("#competences")
    expect(section).to_contain_text("Przed pierwszą lekcją")
    section.get_by_role("link", name="Test wstępny").click()
    page.get_by_label("Tapeta z logo urzędu").check()
    page.get_by_role("button", name="Wyślij test").click()
    page.goto(course.url)
    expect(page.locator("#competences")).to_contain_text("Test końcowy otworzy się")
    for lesson in lessons:
        page.goto(lesson.url)
        page.get_by_role("button", name="Oznacz jako ukończoną").click()
        page.wait_for_load_state()
    page.goto(course.url)
    page.locator("#competences").get_by_role("link", name="Test końcowy").click()
    page.get_by_label("Szyfrowanie dysku").check()
    page.get_by_role("button", name="Wyślij test").click()
    page.goto(course.url)
    results = page.locator("#competences")
    expect(results).to_contain_text("Uzyskano kompetencje.")
    expect(results).to_contain_text("Test wstępny: 0%, test końcowy: 100%")
    expect(results.get_by_role("row", name="W1")).to_contain_text("100%")
    assessment = CompetenceAssessment.objects.get(enrolment__user=learner_lo1)
    assert assessment.gained and assessment.results["score_before"] == 0

    # The coordinator of the learner's county: the document, the pack, the indicator.
    page.context.clear_cookies()
    coordinator = coordinator_of(county["office"], "koordynatorka@example.org")
    login(page, coordinator.email)
    today = f"{timezone.localdate():%Y-%m-%d}"

    page.goto("/admin/reports/competences/")
    page.get_by_label("Szkolenie").select_option(label=course.title)
    page.get_by_label("Od").fill(today)
    page.get_by_label("Do").fill(today)
    page.get_by_role("button", name="Pokaż", exact=True).click()
    page.wait_for_load_state()
    workbook = openpyxl.load_workbook(io.BytesIO(download(page, "Eksportuj XLSX")))
    sheets = {sheet.title[:3].strip(" ."): sheet for sheet in workbook.worksheets}
    assert list(sheets)[:4] == ["I", "II", "III", "IV"], workbook.sheetnames

    def lines(key):
        return [" ".join(map(str, row)) for row in sheets[key].iter_rows(values_only=True)]

    assert any("4.2" in line for line in lines("I"))  # the competence in the scope
    assert any(learner_lo1.get_full_name() in line for line in lines("III"))

    page.goto("/admin/evidence-packs/")
    page.get_by_label("Szkolenie").select_option(label=course.title)
    page.get_by_role("button", name="Przygotuj pakiet dowodowy").click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Pobierz plik ZIP")
    link.wait_for()
    with zipfile.ZipFile(io.BytesIO(download(page, "Pobierz plik ZIP"))) as pack:
        names = pack.namelist()
    assert any("kompetenc" in name.lower() and name.endswith(".xlsx") for name in names), names
    assert any("kompetenc" in name.lower() and name.endswith(".pdf") for name in names), names

    page.goto("/admin/reports/indicators/")
    page.get_by_label("Od").fill(today)
    page.get_by_label("Do").fill(today)
    page.get_by_role("button", name="Pokaż", exact=True).click()
    page.wait_for_load_state()
    rows = list(
        csv.reader(io.StringIO(download(page, "Eksportuj CSV (przecinki)").decode("utf-8-sig")))
    )
    column = rows[0].index("Osoby, które nabyły kompetencje")
    totals = [row for row in rows[1:] if course.title in row]
    assert totals and all(row[column] == "1" for row in totals), rows
