"""The lesson body kept as HTML (courses.progress.lesson_body): every
learner gets the same shared blocks, never another learner's quiz results,
H5P state, progress or CSRF token, and editors' changes show at once."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from accounts import roles
from courses.catalogue import quiz as quiz_module
from courses.h5p import services as h5p_services
from courses.models import Enrolment
from courses.progress import lesson_body
from tests import factories
from tests.fixtures.h5p import add_h5p_block, installed_package

pytestmark = pytest.mark.django_db


def ready(client, user):
    client.force_login(user)
    client.post("/accounts/privacy/")
    return client


def csrf_token(html: str) -> str:
    return BeautifulSoup(html, "html.parser").find(attrs={"data-heartbeat": True})["data-csrf"]


def test_no_learner_gets_another_learners_data_from_the_kept_body(
    client, catalogue, learner_lo1, learner_lo2, h5p_storage, monkeypatch
):
    course, lessons = factories.course_with_lessons(catalogue, 1, quiz=True)
    lesson = lessons[0]
    admin = factories.user_with_role(roles.ADMINISTRATOR, email="h5p-admin@example.org")
    add_h5p_block(lesson, installed_package(admin))
    lesson.refresh_from_db()
    for learner in (learner_lo1, learner_lo2):
        Enrolment.objects.create(user=learner, course=course, method="self")
    renders = []
    render = lesson_body._render_shared
    monkeypatch.setattr(
        lesson_body, "_render_shared", lambda page: renders.append(1) or render(page)
    )

    # The first learner answers wrongly, saves H5P state and leaves progress behind.
    first = ready(client, learner_lo1)
    first.get(lesson.url)
    quiz_id, value = lesson.quizzes()[0]
    wrong = {f"q-{qid}": [options[1][0]] for qid, _q, options in quiz_module.questions(value)}
    first.post(f"/courses/lessons/{lesson.pk}/quiz/{quiz_id}/", wrong)
    activity_id = next(iter(lesson.h5p_activities()))
    h5p_services.h5p_user_data_save(
        user=learner_lo1, lesson=lesson, activity_id=activity_id, data_type="state",
        sub_content_id="0", data='{"answer": "zapisany-stan-pierwszej"}', preload=True,
    )  # fmt: skip
    mine = first.get(lesson.url).content.decode()
    assert "zapisany-stan-pierwszej" in mine
    assert "quiz__score" in mine and "quiz__results" in mine  # graded, with feedback
    first_token = csrf_token(mine)

    first.logout()
    second = ready(client, learner_lo2)
    theirs = second.get(lesson.url).content.decode()

    assert "Treść lekcji." in mine and "Treść lekcji." in theirs  # the shared text, kept
    assert renders == [1]  # rendered once for both learners
    assert "zapisany-stan-pierwszej" not in theirs
    assert "quiz__score" not in theirs and "quiz__results" not in theirs
    assert 'name="q-' in theirs  # a fresh quiz form instead
    assert csrf_token(theirs) != first_token
    assert learner_lo1.email not in theirs


def test_publishing_and_changing_a_document_show_at_once(client, catalogue, learner_lo1):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    lesson = lessons[0]
    document = get_document_model().objects.create(
        title="Regulamin 2025", file=ContentFile(b"%PDF-1.4\n", "regulamin.pdf")
    )
    lesson.body.append(("document", {"document": document, "title": ""}))
    lesson.save_revision().publish()
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    ready(client, learner_lo1)
    assert "Regulamin 2025" in client.get(lesson.url).content.decode()

    document.title = "Regulamin 2026"
    document.save()
    assert "Regulamin 2026" in client.get(lesson.url).content.decode()

    lesson.refresh_from_db()
    lesson.body[1] = ("paragraph", "<p>Nowa treść po publikacji.</p>")
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "Nowa treść po publikacji." in page
    assert "Treść lekcji." not in page
