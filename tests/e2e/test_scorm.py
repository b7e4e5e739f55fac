"""SCORM in Chromium with the real scorm-again from npm: a trainer uploads
each kind (SCORM 1.2, SCORM 2004, cmi5) in the admin and places it in a
lesson in the page editor, an administrator approves it on the approval
page, a learner starts it. A trainer uploads the SCORM 1.2 sample, an
administrator approves it; a learner
plays it in a lesson, leaves in the middle, comes back and resumes on the
page they left, passes the quiz; the lesson, the course progress and the
progress grid follow. A SCORM 2004 package's sequencing rules, evaluated by
scorm-again's sequencer, keep its second part closed until the first is
passed, and the package resumes where the learner left it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts import roles
from courses.models import (
    Enrolment,
    LessonProgress,
    ScormAttempt,
    ScormPackage,
    ScormSequencingState,
)
from courses.scorm import packages, samples
from tests import factories
from tests.courses.scorm.helpers import add_package_block
from tests.e2e.test_courses import login
from tests.e2e.test_h5p import wait_until

pytestmark = pytest.mark.django_db(transaction=True)


def logout(page):
    page.goto("/accounts/logout/")
    page.locator("#main").get_by_role("button", name="Wyloguj się").click()


def test_trainer_uploads_and_learner_plays_resumes_and_passes(
    page, site_shell, catalogue, county, scorm_storage, tmp_path
):
    trainer = factories.user_with_role(roles.TRAINER, email="trener-scorm@example.org")
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-scorm@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="scorm@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Hasła w urzędzie")
    Enrolment.objects.create(user=learner, course=course, method="self")

    # The trainer uploads the package in the admin; it waits for approval.
    archive = tmp_path / "bezpieczne-hasla.zip"
    archive.write_bytes(samples.scorm12_package())
    login(page, trainer.email)
    page.goto("/admin/snippets/courses/scormpackage/add/")
    page.locator("input#id_upload").set_input_files(str(archive))
    page.get_by_role("button", name=re.compile("Zapisz")).first.click()
    expect(page.get_by_text("gdy zatwierdzi go administrator")).to_be_visible()
    package = ScormPackage.objects.get()
    assert not package.is_ready
    packages.scorm_package_approve(package=package, by=admin)
    lesson = lessons[1]
    add_package_block(lesson, package)
    logout(page)

    # The learner starts it and moves to the second page, then leaves.
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lesson.url)
    page.get_by_role("button", name="Rozpocznij").click()
    frame = page.frame_locator("iframe[data-scorm-frame]")
    expect(frame.get_by_role("heading", name="Dlaczego hasło ma znaczenie")).to_be_visible()
    frame.get_by_role("button", name="Dalej").click()
    expect(frame.locator("#status")).to_contain_text("Zapisano postęp: strona 2 z 3")
    assert wait_until(lambda: ScormAttempt.objects.filter(location="2").exists())
    page.goto(course.url)  # leaving the lesson finishes the SCO (suspended)
    assert wait_until(lambda: ScormAttempt.objects.get().exit == "suspend")

    # Back in the lesson: it resumes on page 2, the quiz is passed.
    page.goto(lesson.url)
    expect(page.locator("[data-scorm-state]")).to_have_text("przerwane w trakcie")
    page.get_by_role("button", name="Wznów").click()
    expect(frame.locator("#resume")).to_contain_text("Wznowiono od strony 2")
    frame.get_by_role("button", name="Dalej").click()
    frame.get_by_label("rower-pomidor-Tatry-kawa-7").check()
    frame.get_by_role("button", name="Sprawdź").click()
    expect(frame.locator("#status")).to_contain_text("Wynik: 100. Zaliczono.")
    expect(page.locator("[data-scorm-status]")).to_contain_text("Lekcja jest ukończona")
    expect(page.locator("[data-scorm-state]")).to_contain_text("ukończono, wynik 100%")
    attempt = ScormAttempt.objects.get()
    assert attempt.number == 1 and attempt.best_score == 100 and attempt.done_at
    progress = LessonProgress.objects.get(user=learner, lesson=lesson)
    assert progress.is_completed

    # The trainer's progress grid shows the package's result.
    logout(page)
    login(page, admin.email)
    page.goto(f"/admin/progress/{course.pk}/")
    expect(page.get_by_text(re.compile(r"SCORM/cmi5: 100%, 1 podejście"))).to_be_visible()


def place_in_lesson(page, lesson, package_title: str):
    """The trainer adds the package block at the end of the lesson's body in
    the page editor, makes the lesson completed by its packages, publishes."""
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.locator('button[title="Dodaj blok"]').last.click()
    page.get_by_role("option", name=re.compile(r"pakiet SCORM.cmi5", re.I)).click()
    page.locator("button[data-chooser-action-choose]").last.click()
    page.locator("a[data-chooser-modal-choice]", has_text=package_title).click()
    expect(page.locator(".chooser__title").last).to_have_text(package_title)
    page.get_by_role("tab", name="Ustawienia").click()
    page.locator("#id_complete_by_packages").check()
    page.locator("#id_complete_by_button").uncheck()
    page.locator("footer .w-dropdown__toggle.button").click()
    page.locator('button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text("opublikowana")


@pytest.mark.parametrize(
    ("build", "title", "start", "heading"),
    [
        (samples.scorm12_package, "Bezpieczne hasła", "Rozpocznij", "Bezpieczne hasła"),
        (samples.scorm2004_package, "Praca zdalna bez tajemnic", "Rozpocznij pakiet", "Część 1"),
        (samples.cmi5_package, "Cyberhigiena w urzędzie", "Rozpocznij", "Cyberhigiena"),
    ],
    ids=["scorm12", "scorm2004", "cmi5"],
)
def test_a_trainer_uploads_each_kind_and_places_it_in_a_lesson_in_the_editor(
    page, trainer_course, county, scorm_storage, tmp_path, build, title, start, heading
):
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-editor@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="kursant-editor@example.org", institution=county["lo1"]
    )
    course, lesson = trainer_course["course"], trainer_course["lessons"][0]
    Enrolment.objects.create(user=learner, course=course, method="self")
    archive = tmp_path / "pakiet.zip"
    archive.write_bytes(build())

    login(page, trainer_course["trainer"].email)
    page.goto("/admin/snippets/courses/scormpackage/add/")
    page.locator("input#id_upload").set_input_files(str(archive))
    page.get_by_role("button", name=re.compile("Zapisz")).first.click()
    expect(page.get_by_text("gdy zatwierdzi go administrator")).to_be_visible()
    package = ScormPackage.objects.get()
    assert package.title == title and not package.is_ready
    place_in_lesson(page, lesson, package.title)
    lesson.refresh_from_db()
    (block,) = [block for block in lesson.specific.body if block.block_type == "scorm"]
    assert block.value["package"] == package and lesson.specific.complete_by_packages
    logout(page)

    # The administrator approves it in the admin; the learner can play it.
    login(page, admin.email)
    page.goto(f"/admin/scorm/{package.pk}/approve/")
    page.get_by_role("button", name="Zatwierdź ten pakiet").click()
    assert wait_until(lambda: ScormPackage.objects.get().is_ready)
    logout(page)
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lesson.url)
    page.get_by_role("button", name=start, exact=True).first.click()
    frame = page.frame_locator("iframe[data-scorm-frame]")
    expect(frame.locator("h1").first).to_contain_text(heading)


def test_scorm_2004_sequencing_opens_part_2_after_part_1_and_resumes_after_leaving(
    page, site_shell, catalogue, county, scorm_storage
):
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-2004@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="scorm2004@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(catalogue, 1, title="Praca zdalna")
    Enrolment.objects.create(user=learner, course=course, method="self")
    package = packages.scorm_package_create(
        file=SimpleUploadedFile("praca.zip", samples.scorm2004_package()), by=admin
    )
    add_package_block(lessons[0], package)

    login(page, learner.email)
    page.on("console", lambda m: print("CONSOLE", m.text))
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lessons[0].url)
    status = page.locator("[data-scorm-notice]")
    frame = page.frame_locator("iframe[data-scorm-frame]")
    # Part 2's precondition (part 1's objective satisfied) keeps it closed.
    page.get_by_role("button", name="Rozpocznij", exact=True).nth(1).click()
    expect(status).to_contain_text("Ta część nie jest jeszcze dostępna")
    expect(page.locator("[data-scorm-stage]")).to_be_hidden()
    # Started, the package delivers part 1; asking for part 2 before passing
    # part 1 still gets nothing.
    page.get_by_role("button", name="Rozpocznij pakiet").click()
    expect(frame.get_by_role("heading", level=1)).to_contain_text("Część 1")
    page.get_by_role("button", name="Rozpocznij", exact=True).nth(1).click()
    expect(status).to_contain_text("Ta część nie jest jeszcze dostępna")
    expect(frame.get_by_role("heading", level=1)).to_contain_text("Część 1")
    # Part 1 passed: "next part" is delivered by the sequencer.
    frame.get_by_role("button", name="Dalej").click()
    frame.get_by_role("button", name="Dalej").click()
    frame.get_by_label("Przez VPN urzędu, na służbowym laptopie").check()
    frame.get_by_role("button", name="Sprawdź").click()
    expect(frame.locator("#feedback")).to_contain_text("Dobra odpowiedź")
    frame.get_by_role("button", name="Następna część").click()
    expect(frame.get_by_role("heading", level=1)).to_contain_text("Część 2")
    assert wait_until(lambda: ScormAttempt.objects.filter(done_at__isnull=False).count() == 1)
    frame.get_by_role("button", name="Dalej").click()
    assert wait_until(lambda: ScormAttempt.objects.filter(location="2").exists())
    # Leaving suspends the package; coming back continues in part 2, on its page 2.
    page.goto(course.url)
    assert wait_until(lambda: ScormSequencingState.objects.filter(user=learner).exists())
    assert wait_until(lambda: ScormAttempt.objects.filter(location="2", exit="suspend").exists())
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Kontynuuj pakiet").click()
    expect(frame.get_by_role("heading", level=1)).to_contain_text("Część 2")
    expect(frame.locator("#resume")).to_contain_text("Wznowiono od strony 2")


def test_a_cmi5_course_is_launched_passed_and_ends_the_lesson(
    page, site_shell, catalogue, county, scorm_storage
):
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="admin-cmi5@example.org")
    learner = factories.user_with_role(
        roles.LEARNER, email="cmi5@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(catalogue, 1, title="Cyberhigiena")
    Enrolment.objects.create(user=learner, course=course, method="self")
    package = packages.scorm_package_create(
        file=SimpleUploadedFile("cyber.zip", samples.cmi5_package()), by=admin
    )
    add_package_block(lessons[0], package)

    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Rozpocznij").click()
    frame = page.frame_locator("iframe[data-scorm-frame]")
    expect(frame.locator("#log")).to_contain_text("Wysłano: initialized")
    for _page in range(2):
        frame.get_by_role("button", name="Dalej").click()
    frame.get_by_label(re.compile("Nie klikam w link")).check()
    frame.get_by_role("button", name="Sprawdź").click()
    expect(frame.locator("#log")).to_contain_text("Wysłano: passed")
    frame.get_by_role("button", name="Zakończ").click()
    # The AU ends on the return page; the lesson reloads with the result.
    expect(page.locator("[data-scorm-state]")).to_contain_text("ukończono, wynik 100%")
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "completed" and attempt.success_status == "passed"
    assert LessonProgress.objects.get(user=learner, lesson=lessons[0]).is_completed
