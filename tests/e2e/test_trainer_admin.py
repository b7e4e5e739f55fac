"""A trainer in the page editor, in Chromium: leaving the "add lesson" form
without saving leaves no draft behind, and the address Wagtail proposes
from a Polish title is plain ASCII."""

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from tests.e2e.test_courses import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_leaving_the_add_lesson_form_unsaved_leaves_no_page(page, trainer_course):
    login(page, trainer_course["trainer"].email)
    lessons_before = LessonPage.objects.count()
    page.goto(f"/admin/pages/add/courses/lessonpage/{trainer_course['course'].pk}/")
    page.wait_for_timeout(2000)  # the editor is set up and watches for changes
    page.locator("#id_title").press_sequentially("Lekcja, której nie zapisuję")
    page.locator("#id_title").blur()
    page.wait_for_timeout(3000)  # well beyond Wagtail's autosave interval (0.5 s)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave without saving?"
    page.goto("/admin/")
    page.wait_for_load_state()
    assert LessonPage.objects.count() == lessons_before
    assert not LessonPage.objects.filter(title="Lekcja, której nie zapisuję").exists()


def test_the_slug_proposed_from_a_polish_title_is_ascii(page, trainer_course):
    login(page, trainer_course["trainer"].email)
    page.goto(f"/admin/pages/add/courses/lessonpage/{trainer_course['course'].pk}/")
    page.locator("#id_title").press_sequentially("Szkolenie próbne – Łódź, źdźbło")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("szkolenie-probne-lodz-zdzblo")


def test_preview_shows_the_lesson_to_a_trainer_who_has_not_acknowledged_the_clause(
    page, trainer_course, run_axe
):
    """The trainer works only in the admin: the preview panel shows the lesson,
    not the RODO clause page, and the dashboard offers the clause."""
    login(page, trainer_course["trainer"].email)
    expect(page.get_by_role("link", name="Przeczytaj klauzulę informacyjną")).to_be_visible()
    assert run_axe(page, within="#privacy-notice-section") == []
    lesson = trainer_course["lessons"][0]
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(lesson.title)
    expect(preview.locator("body")).to_contain_text("Treść lekcji.")
    expect(preview.locator("body")).not_to_contain_text("Wersja 2.1")
