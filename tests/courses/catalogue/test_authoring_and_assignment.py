"""Authoring rights (a trainer edits only their own courses), block
validation at authoring time, and coordinators assigning courses."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.blocks import StreamBlockValidationError

from accounts import roles
from accounts import services as account_services
from courses.catalogue.blocks import LessonStreamBlock
from courses.catalogue.permissions import catalogue_grant_permissions
from courses.models import CoursePage, Enrolment, LessonProgress
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainers(catalogue, county):
    catalogue_grant_permissions(catalogue=catalogue)
    listed = factories.user_with_role(roles.TRAINER, email="trener.a@example.org")
    other = factories.user_with_role(roles.TRAINER, email="trener.b@example.org")
    course, lessons = factories.course_with_lessons(catalogue)
    course.trainers.add(listed)
    course.save_revision().publish()
    return {"listed": listed, "other": other, "course": course, "lessons": lessons}


def test_listed_trainer_edits_the_course_and_its_lessons(client, trainers):
    client.force_login(trainers["listed"])
    assert client.get(f"/admin/pages/{trainers['course'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{trainers['lessons'][0].pk}/edit/").status_code == 200


def test_other_trainer_cannot_edit_or_add_to_the_course(client, trainers):
    client.force_login(trainers["other"])
    for page in (trainers["course"], trainers["lessons"][0]):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    add = client.get(f"/admin/pages/add/courses/lessonpage/{trainers['course'].pk}/")
    assert add.status_code == 302
    delete = client.post(f"/admin/pages/{trainers['lessons'][0].pk}/delete/")
    assert delete.status_code == 302
    assert trainers["lessons"][0].__class__.objects.filter(pk=trainers["lessons"][0].pk).exists()


def test_trainer_may_create_a_new_course_and_then_edit_it(client, trainers, catalogue):
    client.force_login(trainers["other"])
    assert client.get(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/").status_code == 200


def test_coordinator_edits_every_course(client, trainers, coordinator_county):
    client.force_login(coordinator_county)
    assert client.get(f"/admin/pages/{trainers['course'].pk}/edit/").status_code == 200


def test_authoring_refuses_screenshots_without_alt_and_videos_without_captions():
    image = factories.wagtail_factories.ImageFactory()
    block = LessonStreamBlock()
    raw = [
        {
            "type": "steps",
            "value": {
                "title": "",
                "steps": [{"text": "<p>Krok</p>", "screenshot": image.pk, "alt_text": ""}],
            },
        }
    ]
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.to_python(raw))
    assert "Zrzut ekranu wymaga tekstu alternatywnego." in str(error.value.as_json_data())

    video = factories.wagtail_factories.DocumentFactory(file__filename="film.mp4")
    text = factories.wagtail_factories.DocumentFactory(file__filename="napisy.txt")
    raw = [{"type": "video", "value": {"video": video.pk, "captions": text.pk, "transcript": ""}}]
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.to_python(raw))
    assert "Napisy muszą być plikiem WebVTT (.vtt)." in str(error.value.as_json_data())

    raw = [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python(raw))


def test_quiz_authoring_checks_correct_answers():
    block = LessonStreamBlock()
    quiz = {**factories.QUIZ, "questions": [dict(factories.QUIZ["questions"][0])]}
    quiz["questions"][0]["options"] = [
        {**option, "correct": True} for option in quiz["questions"][0]["options"]
    ]
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.to_python([{"type": "quiz", "value": quiz}]))
    assert "Zaznacz dokładnie jedną poprawną odpowiedź." in str(error.value.as_json_data())


def test_coordinator_assigns_by_person_institution_and_import(
    client, catalogue, county, coordinator_lo1, learner_lo1, learner_lo2,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    course, _lessons = factories.course_with_lessons(catalogue, default_deadline_days=14)
    colleague = factories.user_with_role(
        roles.LEARNER, email="kolega@example.org", institution=county["lo1"]
    )
    client.force_login(coordinator_lo1)
    deadline = str(timezone.localdate() + timedelta(days=16))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/enrolments/assign/",
            {"course": course.pk, "learners": [learner_lo1.pk], "deadline": deadline},
        )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=learner_lo1)
    assert (enrolment.method, enrolment.enrolled_by, str(enrolment.deadline)) == (
        "assigned", coordinator_lo1, deadline,
    )  # fmt: skip
    assert mail.outbox[-1].to == [learner_lo1.email]
    assert "Nowe szkolenie dla Ciebie" in mail.outbox[-1].subject

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/enrolments/assign/", {"course": course.pk, "institutions": [county["lo1"].pk]}
        )
    colleague_enrolment = Enrolment.objects.get(user=colleague)
    assert colleague_enrolment.method == "institution"
    assert colleague_enrolment.deadline is not None  # the course's default deadline
    assert Enrolment.objects.filter(user=learner_lo1).count() == 1  # not enrolled twice
    assert not Enrolment.objects.filter(user=learner_lo2).exists()


def test_coordinator_cannot_assign_outside_scope(client, catalogue, coordinator_lo1, learner_lo2):
    course, _lessons = factories.course_with_lessons(catalogue)
    client.force_login(coordinator_lo1)
    response = client.post(
        "/admin/enrolments/assign/", {"course": course.pk, "learners": [learner_lo2.pk]}
    )
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_withdrawal_keeps_history_and_allows_reenrolment(
    client, catalogue, coordinator_lo1, learner_lo1
):
    course, _lessons = factories.course_with_lessons(catalogue)
    enrolment = Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    client.force_login(coordinator_lo1)
    client.post("/admin/enrolments/", {"enrolment": enrolment.pk})
    enrolment.refresh_from_db()
    assert enrolment.withdrawn_at is not None and enrolment.withdrawn_by == coordinator_lo1
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    assert Enrolment.objects.filter(user=learner_lo1).count() == 2
    listing = client.get("/admin/enrolments/").content.decode()
    assert "wycofano" in listing


def test_trainers_see_only_the_learners_of_their_courses(
    client, trainers, learner_lo1, learner_lo2
):
    Enrolment.objects.create(user=learner_lo1, course=trainers["course"], method="self")
    client.force_login(trainers["listed"])
    page = client.get("/admin/enrolments/").content.decode()
    assert "Łucja Ćwik" in page and "Żaneta Śliwa" not in page
    assert "Wycofaj" not in page  # trainers look, coordinators manage
    client.force_login(trainers["other"])
    assert "Łucja Ćwik" not in client.get("/admin/enrolments/").content.decode()
    enrolment = Enrolment.objects.get()
    client.post("/admin/enrolments/", {"enrolment": enrolment.pk})
    enrolment.refresh_from_db()
    assert enrolment.withdrawn_at is None


def test_admin_previews_render_without_learner_context(trainers, catalogue):
    for page in (catalogue, trainers["course"], trainers["lessons"][0]):
        response = page.specific.make_preview_request()
        assert response.status_code == 200, page
        assert f"<h1>{page.title}</h1>" in response.rendered_content


def test_assigning_everyone_the_coordinator_imported(
    client, catalogue, county, coordinator_lo1, learner_lo1, django_capture_on_commit_callbacks
):
    course, _lessons = factories.course_with_lessons(catalogue)
    invited = factories.invited_user(email="nowy@example.org", institution=county["lo1"])
    with django_capture_on_commit_callbacks(execute=True):
        account_services.invitation_send(user=invited, sent_by=coordinator_lo1)
    client.force_login(coordinator_lo1)
    client.post("/admin/enrolments/assign/", {"course": course.pk, "everyone_imported": "on"})
    assert list(Enrolment.objects.values_list("user__email", "method")) == [
        ("nowy@example.org", "imported")
    ]  # learner_lo1 was not imported by this coordinator


def test_progress_grid_is_scoped_and_totals(
    client, trainers, coordinator_lo1, learner_lo1, learner_lo2
):
    course, lessons = trainers["course"], trainers["lessons"]
    for learner in (learner_lo1, learner_lo2):
        Enrolment.objects.create(user=learner, course=course, method="self")
    LessonProgress.objects.create(
        user=learner_lo1, lesson=lessons[0], course=course, status="completed",
        effective_seconds=600, best_score=80,
    )  # fmt: skip
    url = f"/admin/progress/{course.pk}/"
    client.force_login(coordinator_lo1)
    grid = client.get(url).context
    assert [row["enrolment"].user for row in grid["rows"]] == [learner_lo1]
    assert grid["rows"][0]["done"] == 1 and grid["rows"][0]["seconds"] == 600
    assert grid["lesson_totals"][0] == {"done": 1, "seconds": 600}
    assert "0:10" in client.get(url).content.decode()
    assert [
        r["enrolment"].user for r in client.get(url + "?status=not_started").context["rows"]
    ] == []

    client.force_login(trainers["listed"])
    assert {row["enrolment"].user for row in client.get(url).context["rows"]} == {
        learner_lo1, learner_lo2,
    }  # fmt: skip
    client.force_login(trainers["other"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [1, 40])
def test_progress_grid_query_count_is_fixed(
    client, trainers, county, coordinator_county, django_assert_num_queries, count
):
    course = trainers["course"]
    for number in range(count):
        learner = factories.user_with_role(
            roles.LEARNER, email=f"u{number}@example.org", institution=county["lo1"]
        )
        Enrolment.objects.create(user=learner, course=course, method="self")
        LessonProgress.objects.create(
            user=learner, lesson=trainers["lessons"][0], course=course, effective_seconds=60
        )
    client.force_login(coordinator_county)
    url = f"/admin/progress/{course.pk}/"
    client.get(url)
    # 18 + the learners' H5P results + their SCORM/cmi5 attempts
    with django_assert_num_queries(20):
        assert client.get(url).status_code == 200


def test_course_editor_says_how_many_learners_a_rule_change_affects(
    client, trainers, learner_lo1, learner_lo2
):
    course = trainers["course"]
    Enrolment.objects.create(
        user=learner_lo1, course=course, method="self", completed_at="2026-11-01T10:00Z"
    )
    Enrolment.objects.create(user=learner_lo2, course=course, method="self")
    client.force_login(trainers["listed"])
    body = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "osoby, które już ukończyły szkolenie (1), zachowają je" in body
    assert "Nowe zasady obejmą osoby nadal zapisane (1)." in body


def _course_form(**fields):
    return {
        "title": "Bezpieczna poczta",
        "slug": "bezpieczna-poczta",
        "summary": "Jak rozpoznać fałszywą wiadomość.",
        "level": "basic",
        "hours": "2",
        "outcomes_knowledge": "Zna oznaki phishingu",
        "outcomes_skills": "Potrafi zgłosić wiadomość",
        "self_enrolment": "on",
        "completion_min_time_percent": "0",
        "live_attendance_min_percent": "0",
        "certificate_template": "classic",
        **factories.EMPTY_COMPETENCE_FORMSETS,
        **fields,
    }


def test_a_course_a_trainer_creates_lists_them_as_its_trainer(client, trainers, catalogue):
    trainer = trainers["other"]
    client.force_login(trainer)
    url = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    form = client.get(url).content.decode()
    assert f'<option value="{trainer.pk}" selected>' in form

    response = client.post(url, _course_form())  # saved as a draft, trainers left empty
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(slug="bezpieczna-poczta")
    assert list(course.trainers.all()) == [trainer]
    course.get_latest_revision().publish()
    course.refresh_from_db()
    assert list(course.trainers.all()) == [trainer]  # the draft's revision holds them too
    progress = client.get("/admin/progress/").content.decode()
    assert "Bezpieczna poczta" in progress


def test_a_coordinator_creating_a_course_is_not_made_its_trainer(
    client, trainers, catalogue, coordinator_county
):
    client.force_login(coordinator_county)
    url = f"/admin/pages/add/courses/coursepage/{catalogue.pk}/"
    response = client.post(url, _course_form(trainers=[trainers["listed"].pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    course = CoursePage.objects.get(slug="bezpieczna-poczta")
    assert list(course.trainers.all()) == [trainers["listed"]]


@pytest.mark.parametrize("deadline", ["0001-01-01", "9999-12-31", "yesterday", "2101-01-01"])
def test_a_deadline_in_the_past_or_beyond_the_reports_is_refused(
    client, catalogue, county, coordinator_lo1, learner_lo1, deadline
):
    course, _lessons = factories.course_with_lessons(catalogue)
    if deadline == "yesterday":
        deadline = str(timezone.localdate() - timedelta(days=1))
    client.force_login(coordinator_lo1)
    response = client.post(
        "/admin/enrolments/assign/",
        {"course": course.pk, "learners": [learner_lo1.pk], "deadline": deadline},
    )
    assert response.status_code == 200
    assert "Podaj termin między dziś a 2100-12-31." in response.content.decode()
    assert not Enrolment.objects.filter(user=learner_lo1).exists()
