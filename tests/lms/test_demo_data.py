"""`load_demo_data` builds the demo site from the seed texts and can run twice."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from accounts import roles
from courses.models import (
    Attendance,
    Certificate,
    CoursePage,
    Enrolment,
    H5PPackage,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    ScormPackage,
)
from lms.models import AccessibilityStatementPage, HomePage, PrivacyNoticePage, SiteSettings

pytestmark = pytest.mark.django_db


def test_load_demo_data_is_idempotent_and_builds_the_shell(client, monkeypatch, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.SITE_URL = "http://127.0.0.1:18765"  # `PORT=18765 make run`
    monkeypatch.setenv("DEMO_PASSWORD", "haslo-demo-testowe-2026")
    first_run, second_run = io.StringIO(), io.StringIO()
    call_command("load_demo_data", stdout=first_run)
    counts = (Page.objects.count(), get_user_model().objects.count())
    call_command("load_demo_data", stdout=second_run)
    assert (Page.objects.count(), get_user_model().objects.count()) == counts

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings_obj = SiteSettings.for_site(site)
    assert settings_obj.organiser_name.startswith("Powiat Bolesławiecki")
    assert "Programu Operacyjnego Polska Cyfrowa" in settings_obj.funding_statement
    assert len(settings_obj.funding_logos) == 3
    statement = settings_obj.accessibility_statement.specific
    assert isinstance(statement, AccessibilityStatementPage)
    assert statement.site_url == "http://127.0.0.1:18765/"
    assert isinstance(settings_obj.privacy_notice.specific, PrivacyNoticePage)
    # The demo's media sit in the collection trainers choose from.
    for model in (get_image_model(), get_document_model()):
        media = model.objects.all()
        assert media.exists()
        assert set(media.values_list("collection__name", flat=True)) == {roles.MEDIA_COLLECTION}

    courses = CoursePage.objects.live()
    assert courses.count() >= 4
    assert list(ScormPackage.objects.ready().values_list("title", flat=True)) == [
        "Bezpieczne hasła"
    ]
    # Addresses in ASCII, Polish letters transliterated (ł included).
    slugs = set(Page.objects.values_list("slug", flat=True))
    assert all(slug.isascii() for slug in slugs)
    assert "udzial-w-spotkaniu-online" in slugs
    for course in courses:
        kinds = {block.block_type for lesson in course.lessons() for block in lesson.body}
        # The cyber-hygiene course also offers the sample SCORM 1.2 package.
        packaged = {"scorm"} if course.slug == "cyberhigiena-w-urzedzie-i-szkole" else set()
        assert kinds == {
            "heading", "paragraph", "image", "steps", "video", "document", "callout", "quiz",
            "h5p", *packaged,
        }, course.title  # fmt: skip
        # Each video shows its own first frame until it plays, from the shared collection.
        for lesson in course.lessons():
            for block in lesson.body:
                if block.block_type == "video":
                    poster = block.value["poster"]
                    assert poster.collection.name == roles.MEDIA_COLLECTION, lesson.title
                    assert (poster.width, poster.height) == (640, 360), lesson.title
                    with poster.file.open("rb") as stored:
                        frame = PILImage.open(stored).convert("RGB")
                        assert frame.getpixel((4, 4)) != (0, 0, 0), lesson.title
    # Every course ends with an H5P checkpoint question, uploaded once and ready.
    assert H5PPackage.objects.ready().count() == courses.count()
    assert Enrolment.objects.values("course").distinct().count() >= 4
    statuses = set(LessonProgress.objects.values_list("status", flat=True))
    assert {"in_progress", "completed"} <= statuses
    # Learners who finished a demo course hold its certificate, signed.
    completed = Enrolment.objects.filter(completed_at__isnull=False)
    assert completed.exists()
    assert Certificate.objects.count() == completed.count()
    assert Certificate.objects.first().signatory_name
    # The demo courses ask the usual 80% of their hours, and whoever completed
    # one (and holds its certificate) learned at least that long.
    assert set(courses.values_list("completion_min_time_percent", flat=True)) == {80}
    for certificate in Certificate.objects.select_related("course"):
        needed = certificate.course.min_effective_seconds
        assert certificate.effective_seconds >= needed > 0, certificate.holder_name
        spent = LessonProgress.objects.filter(
            user=certificate.user, course=certificate.course
        ).aggregate(total=Sum("effective_seconds"))["total"]
        assert spent == certificate.effective_seconds

    # Each course has a past live session with its register filled in and a future one.
    now = timezone.now()
    for course in courses:
        sessions = LiveSession.objects.filter(course=course)
        assert sessions.filter(ends_at__lt=now).exists(), course.title
        assert sessions.filter(starts_at__gt=now).exists(), course.title
        if Enrolment.objects.filter(course=course).exists():
            past = Attendance.objects.filter(session__course=course, session__ends_at__lt=now)
            assert past.exists(), course.title
    assert LiveSession.objects.count() == 2 * courses.count()

    response = client.get("/")
    assert response.status_code == 200
    assert "Cyfrowy Powiat" in response.content.decode()
    assert client.login(email="admin@example.org", password="haslo-demo-testowe-2026")
    assert client.get("/admin/").status_code == 200
    assert "admin@example.org" in first_run.getvalue()
    assert "haslo-demo-testowe-2026" in second_run.getvalue()

    # A demo quiz can be answered from its page: the ids in the form are the stored
    # ones (they used to change on every load, and every answer was refused).
    quiz_lesson = next(
        lesson for lesson in courses.first().lessons() if lesson.specific.quizzes()
    ).specific
    learner = Enrolment.objects.filter(course=courses.first()).first().user
    client.force_login(learner)
    client.post("/accounts/privacy/")
    form = client.get(quiz_lesson.url).content.decode()
    action = re.search(r'action="(/courses/lessons/\d+/quiz/[^"]+/)"', form)
    if action is None:  # this learner has done the quiz: a learner who has not
        learner = get_user_model().objects.create_user(email="nowy@example.org", password="x")
        Enrolment.objects.create(user=learner, course=courses.first(), method="self")
        client.force_login(learner)
        client.post("/accounts/privacy/")
        form = client.get(quiz_lesson.url).content.decode()
        action = re.search(r'action="(/courses/lessons/\d+/quiz/[^"]+/)"', form)
    answers = dict(re.findall(r'name="(q-[^"]+)" value="([^"]+)"', form))
    attempts = QuizAttempt.objects.filter(user=learner).count()
    response = client.post(action.group(1), answers)
    assert "retry=" not in response["Location"]
    assert QuizAttempt.objects.filter(user=learner).count() == attempts + 1
