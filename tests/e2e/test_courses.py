"""Course journeys in Chromium: a learner enrols, reads a lesson with a
captioned video, fails then passes the quiz and sees the progress on "my
courses"; a trainer builds a course in the Wagtail admin. axe-core checks
every learner page."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from accounts import roles
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

VTT = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nZablokuj ekran klawiszami Windows+L.\n"


def document(title, name, content):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def login(page, email, password=factories.TEST_PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_load_state()


def choose(page, texts):
    for text in texts:
        page.get_by_label(text, exact=True).check()


def test_learner_enrols_reads_fails_then_passes_the_quiz(
    page, site_shell, catalogue, county, run_axe
):
    learner = factories.user_with_role(
        roles.LEARNER, email="ola@example.org", institution=county["lo1"]
    )
    course, lessons = factories.course_with_lessons(
        catalogue, 2, quiz=True, title="Bezpieczny laptop"
    )
    first = lessons[0]
    video = document("Film: blokada ekranu", "blokada.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = document("Napisy: blokada ekranu", "blokada.vtt", VTT.encode())
    transcript = "<p>Zablokuj ekran klawiszami Windows+L.</p>"
    first.body.append(
        (
            "video",
            {
                "video": video,
                "captions": captions,
                "captions_language": "pl",
                "transcript": transcript,
            },
        )
    )
    first.save_revision().publish()

    page.goto(catalogue.url)
    assert run_axe(page) == []
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(course.url)
    assert run_axe(page) == []
    page.get_by_role("button", name="Zapisz się na szkolenie").click()
    assert "Zapisano Cię na szkolenie" in page.content()

    page.get_by_role("link", name="Rozpocznij szkolenie").click()
    page.wait_for_url(f"**{first.url}")
    assert page.locator("video track[kind=captions]").get_attribute("srclang") == "pl"
    assert run_axe(page) == []
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.wait_for_url(f"**{lessons[1].url}")

    assert run_axe(page) == []  # the lesson with the quiz form
    choose(page, ["Alt + F4", "Szyfrowanie dysku", "Prawda"])
    page.get_by_role("button", name="Sprawdź odpowiedzi").click()
    assert "Próba 1: 17%" in page.content()
    assert "To zamyka okno." in page.content()
    assert run_axe(page) == []  # the graded result
    page.get_by_role("link", name="Spróbuj ponownie").click()
    choose(page, ["Windows + L", "Szyfrowanie dysku", "Silne hasło logowania", "Fałsz"])
    page.get_by_role("button", name="Sprawdź odpowiedzi").click()
    assert "Test zaliczony z wynikiem 100%." in page.content()

    page.get_by_role("link", name="Moje szkolenia").click()
    card = page.locator(".course-card").filter(has_text="Bezpieczny laptop")
    assert "2 / 2" in card.inner_text()
    assert card.locator("progress").get_attribute("value") == "100"
    assert "Ukończone" in card.inner_text()
    assert run_axe(page) == []


def publish(page):
    page.get_by_role("button", name="Więcej akcji").click()
    page.get_by_role("button", name="Opublikuj").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))


def add_block(page, name):
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=name, exact=True).click()


def test_trainer_builds_a_course_with_two_lessons_and_a_quiz(page, site_shell, catalogue):
    catalogue_grant_permissions(catalogue=catalogue)
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    login(page, trainer.email)

    page.goto(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.locator("#id_title").fill("Wideokonferencje w szkole")
    page.locator("#id_summary").fill("Jak prowadzić lekcje zdalne.")
    page.locator("#id_hours").fill("3")
    page.locator("#id_outcomes_knowledge").fill("Zna narzędzia do spotkań")
    page.locator("#id_outcomes_skills").fill("Potrafi udostępnić ekran")
    publish(page)
    course = CoursePage.objects.get(title="Wideokonferencje w szkole")
    assert course.live and course.owner == trainer

    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").fill("Kamera i mikrofon")
    add_block(page, "Tekst")
    page.locator("[contenteditable=true]").first.fill("Włącz kamerę przed lekcją.")
    publish(page)

    page.goto(f"/admin/pages/add/courses/lessonpage/{course.pk}/")
    page.locator("#id_title").fill("Sprawdź się")
    add_block(page, "Test")
    page.locator("#body-0-value-title").fill("Test z etykiety")
    question = "#body-0-value-questions-0-value"
    page.locator(f"{question}-text").fill("Co robisz, gdy nie mówisz?")
    page.locator(f"{question}-options-0-value-text").fill("Wyciszam mikrofon")
    page.locator(f"{question}-options-0-value-correct").check()
    page.locator(f"{question}-options-0-value-feedback").locator(
        "xpath=following::button[@title='Dodaj'][1]"
    ).click()
    page.locator(f"{question}-options-1-value-text").fill("Mówię głośniej")
    publish(page)

    lessons = list(LessonPage.objects.child_of(course).live().order_by("path"))
    assert [lesson.title for lesson in lessons] == ["Kamera i mikrofon", "Sprawdź się"]
    quiz = lessons[1].quizzes()[0][1]
    assert quiz["title"] == "Test z etykiety"
    options = quiz["questions"][0]["options"]
    assert [(o["text"], o["correct"]) for o in options] == [
        ("Wyciszam mikrofon", True),
        ("Mówię głośniej", False),
    ]
    page.context.clear_cookies()  # the published course as the public sees it
    page.goto(course.url)
    assert page.get_by_role("heading", level=1).inner_text() == "Wideokonferencje w szkole"
    assert "Sprawdź się" in page.locator(".programme").inner_text()


def test_effective_time_grows_only_while_the_tab_is_visible(
    page, site_shell, catalogue, county, settings
):
    settings.HEARTBEAT_SECONDS = 1
    settings.HEARTBEAT_MIN_GAP_SECONDS = 0
    learner = factories.user_with_role(roles.LEARNER, email="czas@example.org")
    course, lessons = factories.course_with_lessons(catalogue, 1)
    Enrolment.objects.create(user=learner, course=course, method="self")
    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lessons[0].url)

    def seconds():
        return LessonProgress.objects.get(user=learner, lesson=lessons[0]).effective_seconds

    for step in range(8):  # four seconds of reading, moving the mouse now and then
        page.mouse.move(100 + step * 10, 200)
        page.wait_for_timeout(500)
    visible_time = seconds()
    assert visible_time >= 2

    page.evaluate(
        """() => {
            const hidden = {value: "hidden", configurable: true};
            Object.defineProperty(document, "visibilityState", hidden);
            document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )
    page.wait_for_timeout(600)  # let the leaving beacon land
    hidden_from = seconds()
    for step in range(6):
        page.mouse.move(300 + step * 10, 300)
        page.wait_for_timeout(500)
    assert seconds() == hidden_from
    assert hidden_from <= visible_time + 2
