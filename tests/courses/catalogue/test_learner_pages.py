"""Learner journeys without a browser: access rules, enrolment, lessons,
quizzes graded on the server, "my courses", and query budgets."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from accounts import roles
from courses.catalogue import quiz as quiz_module
from courses.models import (
    CourseCatalogPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
)
from tests import factories
from tests.fixtures.h5p import add_h5p_block, installed_package

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def ready(client, user):
    """Log in and acknowledge the RODO clause."""
    client.force_login(user)
    client.post("/accounts/privacy/")
    return client


def answers_for(lesson, choose):
    """Form data choosing options by their text for the lesson's quiz."""
    quiz_id, value = lesson.quizzes()[0]
    data = {}
    for qid, _question, options in quiz_module.questions(value):
        data[f"q-{qid}"] = [oid for oid, option in options if option["text"] in choose]
    return quiz_id, data


RIGHT = {"Windows + L", "Szyfrowanie dysku", "Silne hasło logowania", "Fałsz"}


def test_page_type_rules():
    assert CoursePage.allowed_parent_page_models() == [CourseCatalogPage]
    assert set(CoursePage.allowed_subpage_models()) == {ModulePage, LessonPage}
    assert set(LessonPage.allowed_parent_page_models()) == {CoursePage, ModulePage}
    assert LessonPage.allowed_subpage_models() == []
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert CourseCatalogPage.allowed_subpage_models() == [CoursePage]


def test_catalogue_and_course_are_public_lessons_need_login(client, catalogue):
    course, lessons = factories.course_with_lessons(catalogue)
    assert client.get(catalogue.url).status_code == 200
    page = client.get(course.url)
    assert page.status_code == 200
    assert "Zaloguj się, aby się zapisać" in page.content.decode()
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={lessons[0].url}"


def test_only_staff_get_the_editors_bar(client, catalogue, learner_lo1):
    """Trainers see Wagtail's bar to edit the page they are on; learners
    never do, and their pages do not read permissions for it."""
    course, _lessons = factories.course_with_lessons(catalogue)
    trainer = factories.user_with_role(roles.TRAINER, email="trener@example.org")
    for user, shown in ((trainer, True), (learner_lo1, False)):
        ready(client, user)
        assert ("wagtail-userbar" in client.get(course.url).content.decode()) is shown, user


def test_view_restrictions_set_in_the_admin_apply_to_course_pages(client, catalogue, learner_lo1):
    """A course made private (login) or password-protected in Wagtail's
    privacy settings is not shown, nor cached, for a visitor who does not
    meet the restriction."""
    from wagtail.models import PageViewRestriction

    course, _lessons = factories.course_with_lessons(catalogue, title="Kurs dla kadry")
    PageViewRestriction.objects.create(page=course, restriction_type="login")
    for _attempt in range(2):  # the second would come from the page cache
        response = client.get(course.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    ready(client, learner_lo1)
    assert "Kurs dla kadry" in client.get(course.url).content.decode()

    other, _lessons = factories.course_with_lessons(catalogue, title="Kurs z hasłem")
    PageViewRestriction.objects.create(page=other, restriction_type="password", password="tajne1")
    page = client.get(other.url).content.decode()
    assert "Kurs z hasłem" not in page.split("<title>")[-1].split("</main>")[0].split("<h1")[-1]
    assert 'name="password"' in page


def test_lessons_need_an_enrolment(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue)
    ready(client, learner_lo1)
    response = client.get(lessons[0].url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert "Nie jesteś zapisany na to szkolenie." in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_enrol_with_post_then_read_and_mark_done(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue)
    ready(client, learner_lo1)
    assert client.get(f"/courses/{course.pk}/enrol/").status_code == 405
    response = client.post(f"/courses/{course.pk}/enrol/")
    assert response["Location"] == course.url
    enrolment = Enrolment.objects.get(user=learner_lo1, course=course)
    assert (enrolment.method, enrolment.enrolled_by) == ("self", learner_lo1)

    page = soup(client.get(lessons[0].url))
    assert page.h1.get_text() == lessons[0].title
    assert page.find("a", rel="next")["href"] == lessons[1].url
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=lessons[0])
    assert progress.status == "in_progress"

    client.post(f"/courses/lessons/{lessons[0].pk}/done/")
    progress.refresh_from_db()
    assert progress.status == "completed"
    course_page = soup(client.get(course.url)).get_text()
    assert "1 z 2 lekcji ukończono." in course_page
    client.post(f"/courses/lessons/{lessons[1].pk}/done/")
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


def test_lesson_video_shows_its_poster_until_it_plays(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    documents = get_document_model().objects
    video = documents.create(title="Film", file=ContentFile(b"\0\0\0\x18ftypmp42", "f.mp4"))
    captions = documents.create(title="Napisy", file=ContentFile(b"WEBVTT\n", "f.vtt"))
    frame = io.BytesIO()
    Image.new("RGB", (1920, 1080), "#0b3d91").save(frame, format="PNG")
    poster = get_image_model().objects.create(title="Kadr", file=ImageFile(frame, name="kadr.png"))
    lesson = lessons[0]
    for value in ({"poster": poster}, {}):  # the poster is optional
        lesson.body.append(("video", {"video": video, "captions": captions, **value}))
    lesson.save_revision().publish()
    ready(client, learner_lo1)
    client.post(f"/courses/{course.pk}/enrol/")

    players = soup(client.get(lesson.url)).find_all("video")
    assert len(players) == 2
    assert not players[1].has_attr("poster")
    response = client.get(players[0]["poster"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    shown = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert shown.size == (1280, 720)  # sized for the player, not the 1920 px original


def test_self_enrolment_closed(client, catalogue, learner_lo1):
    course, _lessons = factories.course_with_lessons(catalogue, self_enrolment=False)
    ready(client, learner_lo1)
    response = client.post(f"/courses/{course.pk}/enrol/", follow=True)
    assert "nie jest otwarte na samodzielne zapisy" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_quiz_wrong_then_right_with_feedback(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    lesson = lessons[0]
    ready(client, learner_lo1)
    quiz_id, wrong = answers_for(lesson, {"Alt + F4", "Szyfrowanie dysku", "Prawda"})
    client.post(f"/courses/lessons/{lesson.pk}/quiz/{quiz_id}/", wrong)
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed, attempt.number) == (17, False, 1)
    page = client.get(lesson.url).content.decode()
    assert "Próba 1: 17%" in page
    assert "To zamyka okno." in page  # feedback on the wrong choice
    assert "Częściowo poprawnie" in page

    _qid, right = answers_for(lesson, RIGHT)
    client.post(f"/courses/lessons/{lesson.pk}/quiz/{quiz_id}/", right)
    best = LessonProgress.objects.get(user=learner_lo1, lesson=lesson)
    assert (best.best_score, best.status) == (100, "completed")
    client.post(f"/courses/lessons/{lesson.pk}/quiz/{quiz_id}/", wrong)
    best.refresh_from_db()
    assert (best.best_score, best.status) == (100, "completed")  # never drops


def test_multiple_choice_partial_credit(catalogue):
    _course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    value = lessons[0].quizzes()[0][1]
    qids = [qid for qid, _v, _o in quiz_module.questions(value)]
    options = quiz_module.questions(value)[1][2]
    correct = [oid for oid, o in options if o["correct"]]
    wrong = [oid for oid, o in options if not o["correct"]]
    items = quiz_module.questions(value)
    _score, results = quiz_module.grade(items, {qids[1]: correct[:1]})
    assert results[1].score == 0.5
    _score, results = quiz_module.grade(items, {qids[1]: [*correct[:1], *wrong]})
    assert results[1].score == 0
    _score, results = quiz_module.grade(items, {qids[1]: correct})
    assert results[1].score == 1


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda data: {**data, "q-nie-istnieje": ["x"]}, "Odpowiedzi nie pasują do tego testu."),
        (lambda data: dict(list(data.items())[1:]), "Odpowiedz na wszystkie pytania"),
        (lambda data: {k: ["obce-id"] for k in data}, "Odpowiedzi nie pasują do tego testu."),
    ],
    ids=["unknown-question", "missing-answer", "foreign-option"],
)
def test_bad_quiz_posts_store_nothing(client, catalogue, learner_lo1, mutate, message):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    ready(client, learner_lo1)
    quiz_id, data = answers_for(lessons[0], RIGHT)
    response = client.post(
        f"/courses/lessons/{lessons[0].pk}/quiz/{quiz_id}/", mutate(data), follow=True
    )
    assert message in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_quiz_of_another_lesson_or_course_is_refused(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    _other_course, other_lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    ready(client, learner_lo1)
    _quiz_id, data = answers_for(lessons[0], RIGHT)
    other_quiz_id, _data = answers_for(other_lessons[0], RIGHT)
    wrong_quiz = client.post(
        f"/courses/lessons/{lessons[0].pk}/quiz/{other_quiz_id}/", data, follow=True
    )
    assert "Ten test nie istnieje w tej lekcji." in wrong_quiz.content.decode()
    not_enrolled = client.post(
        f"/courses/lessons/{other_lessons[0].pk}/quiz/{other_quiz_id}/", data, follow=True
    )
    assert "Nie jesteś zapisany na to szkolenie." in not_enrolled.content.decode()
    assert not QuizAttempt.objects.exists()


def test_attempt_limit(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    ready(client, learner_lo1)
    quiz_id, wrong = answers_for(lessons[0], {"Alt + F4", "Prawda", "Tapeta z logo urzędu"})
    for _attempt in range(3):
        client.post(f"/courses/lessons/{lessons[0].pk}/quiz/{quiz_id}/", wrong)
    response = client.post(f"/courses/lessons/{lessons[0].pk}/quiz/{quiz_id}/", wrong, follow=True)
    assert "Wykorzystano wszystkie próby tego testu." in response.content.decode()
    assert QuizAttempt.objects.count() == 3


def test_server_never_sends_correct_answers_in_the_form(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    ready(client, learner_lo1)
    form = soup(client.get(lessons[0].url)).find("section", class_="quiz")
    text = str(form)
    assert "Tak, to blokada ekranu." not in text  # no feedback before answering
    assert "correct" not in text.lower()
    assert len(form.find_all("input", type="radio")) == 5


def test_my_courses_shows_progress_deadline_and_continue(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 3)
    Enrolment.objects.create(
        user=learner_lo1, course=course, method="assigned", deadline="2026-12-31"
    )
    ready(client, learner_lo1)
    client.post(f"/courses/lessons/{lessons[0].pk}/done/")
    page = soup(client.get("/my-courses/"))
    card = page.find("li", class_="course-card")
    assert "1 / 3" in card.get_text()
    assert "2026-12-31" in card.get_text()
    assert card.find("progress")["value"] == "33"
    assert card.find("a", class_="button")["href"] == lessons[1].url


def test_catalogue_filters_and_search(client, catalogue):
    factories.course_with_lessons(catalogue, title="Cyberhigiena w urzędzie")
    factories.course_with_lessons(catalogue, title="Pakiet biurowy")

    def titles(response):
        return [h.get_text(strip=True) for h in soup(response).select(".course-card__title")]

    assert titles(client.get(catalogue.url + "?q=cyber")) == ["Cyberhigiena w urzędzie"]
    assert len(titles(client.get(catalogue.url))) == 2


@pytest.mark.parametrize("count", [1, 50])
def test_query_counts_do_not_grow(
    client, catalogue, learner_lo1, django_assert_num_queries, count, h5p_storage
):
    courses = [factories.course_with_lessons(catalogue, 1)[0] for _ in range(count)]
    course, lessons = factories.course_with_lessons(catalogue, count, quiz=True)
    # The last lesson ends with a quiz (with one lesson, the H5P lesson has it too). The
    # first lesson holds an H5P activity completing it: the learner's saved state costs
    # one query; its package comes with the lesson's parsed body, the completion check
    # waits for an H5P result.
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="h5p-admin@example.org")
    add_h5p_block(lessons[0], installed_package(admin))
    for each in [*courses, course]:
        Enrolment.objects.create(user=learner_lo1, course=each, method="self")
    ready(client, learner_lo1)
    # Same counts for 1 and for 50 courses and lessons (the lesson page includes its writes),
    # at most 8 each (issue 18). Every page pays the site generation (lms.site_cache: what
    # is the same for everyone, the course outline, audiences, trainers and the lesson's
    # parsed body included), the session and the user; the Wagtail pages one route read.
    # Catalogue: courses, their audiences, enrolments, progress rows. Course page:
    # enrolment, progress rows, live sessions (the competence section: none without tests).
    # Lesson page: enrolment with progress rows, the opening's upsert, the learning
    # session, the H5P saved state. "My courses": enrolments, progress rows, live
    # sessions, certificates.
    budgets = {catalogue.url: 8, course.url: 7, lessons[0].url: 8, "/my-courses/": 7}
    budgets[lessons[-1].url] = 8 if count == 1 else 7  # the quiz lesson, no attempt yet
    for url in budgets:
        client.get(url)  # warm caches
    for url, budget in budgets.items():
        with django_assert_num_queries(budget):
            assert client.get(url).status_code == 200
    # Once graded, the quiz shows the learner's result from their progress row's
    # summary: no read of the attempts (with one lesson, beside the H5P activity).
    quiz_id, data = answers_for(lessons[-1], {"Alt + F4", "Szyfrowanie dysku", "Prawda"})
    client.post(reverse("courses:quiz_submit", args=[lessons[-1].pk, quiz_id]), data)
    with django_assert_num_queries(budgets[lessons[-1].url]):
        page = soup(client.get(lessons[-1].url))
    assert "Próba 1: 17%" in page.find(class_="quiz__score").get_text()
