"""H5P on the server: packages stored through the services (trust model,
replacement, nothing stored on refusal), the admin snippet, serving the
extracted files behind an access check, and the xAPI and saved-state
endpoints feeding progress."""

import json

import pytest
from django.test import Client
from wagtail.models import ReferenceIndex

from accounts import roles
from courses import archives
from courses.h5p import packages, storage, validation, xapi
from courses.h5p import services as h5p_services
from courses.models import (
    Enrolment,
    H5PLibrary,
    H5PPackage,
    H5PResult,
    H5PStatement,
    H5PUserData,
    LessonProgress,
)
from courses.personal_data import SECTIONS
from tests import factories
from tests.fixtures.h5p import (
    add_h5p_block,
    installed_package,
    package_files,
    statement,
    upload,
    valid_package,
    with_files,
)

pytestmark = pytest.mark.django_db


def stored(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def trainer(db):
    return factories.user_with_role(roles.TRAINER, email="trener@example.org")


@pytest.fixture
def activity(catalogue, learner_lo1, admin, h5p_storage):
    """A course whose second lesson holds a ready H5P activity; the learner is enrolled."""
    course, lessons = factories.course_with_lessons(catalogue, 2)
    package = installed_package(admin)
    lesson = lessons[1]
    activity_id = add_h5p_block(lesson, package, pass_mark=100)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    return {
        "course": course,
        "lessons": lessons,
        "lesson": lesson,
        "package": package,
        "id": activity_id,
    }


def ready_client(user, **kwargs):
    """Logged in, with the RODO clause acknowledged."""
    acknowledging = Client()
    acknowledging.force_login(user)
    acknowledging.post("/accounts/privacy/")
    client = Client(**kwargs)
    client.force_login(user)
    return client


def post_statement(client, lesson, activity_id, data, **kwargs):
    body = data if isinstance(data, bytes | str) else json.dumps(data)
    return client.post(
        f"/courses/lessons/{lesson.pk}/h5p/{activity_id}/xapi/",
        body,
        content_type="application/json",
        **kwargs,
    )


# --- packages: trust model, storage, replacement ---------------------------


def test_administrator_upload_installs_and_approves_libraries(admin, h5p_storage):
    result = packages.h5p_package_create(file=upload(valid_package()), by=admin)
    package = result.package
    assert result.pending_libraries == []
    assert package.status == H5PPackage.Status.READY
    assert package.title == "Punkt kontrolny: hasło"
    assert package.main_library == "H5P.CheckpointQuestion 1.0"
    assert package.uploaded_by == admin and package.content_hash
    library = package.libraries.get()
    assert library.is_approved and library.approved_by == admin
    files = stored(h5p_storage)
    assert f"h5p/content/{package.directory}/h5p.json" in files
    assert f"h5p/content/{package.directory}/content/content.json" in files
    assert f"h5p/libraries/{library.directory}/scripts/checkpoint.js" in files
    assert f"h5p/uploads/{package.directory}.h5p" in files


def test_trainer_upload_with_approved_libraries_goes_straight_in(admin, trainer, h5p_storage):
    installed_package(admin)
    result = packages.h5p_package_create(
        file=upload(valid_package(title="Inne pytanie")), by=trainer
    )
    assert result.package.status == H5PPackage.Status.READY
    assert H5PLibrary.objects.count() == 1  # the same version and hash: shared


def test_trainer_upload_with_a_new_library_version_waits_for_approval(admin, trainer, h5p_storage):
    installed_package(admin)
    files = package_files(valid_package())
    changed = files["H5P.CheckpointQuestion-1.0/scripts/checkpoint.js"] + b"\n// changed\n"
    data = with_files(
        valid_package(), add={"H5P.CheckpointQuestion-1.0/scripts/checkpoint.js": changed}
    )
    result = packages.h5p_package_create(file=upload(data), by=trainer)
    assert result.package.status == H5PPackage.Status.PENDING
    assert [str(library) for library in result.pending_libraries] == [
        "H5P.CheckpointQuestion 1.0.0"
    ]  # same version, different content hash: not trusted
    assert "H5P.CheckpointQuestion 1.0.0" in packages.pending_message(result.pending_libraries)

    with pytest.raises(packages.PackageServiceError):
        packages.h5p_package_approve(package=result.package, by=trainer)
    ready = packages.h5p_package_approve(package=result.package, by=admin)
    assert ready == [result.package]
    result.package.refresh_from_db()
    assert result.package.is_ready


def test_a_refused_package_stores_nothing(admin, h5p_storage):
    bad = with_files(valid_package(), add={"content/x.js": b"alert(1)"})
    with pytest.raises(archives.PackageError):
        packages.h5p_package_create(file=upload(bad), by=admin)
    assert stored(h5p_storage) == []
    assert not H5PPackage.objects.exists() and not H5PLibrary.objects.exists()


def test_replacing_keeps_the_previous_folder_and_removes_older_ones(
    admin, h5p_storage, django_capture_on_commit_callbacks
):
    package = installed_package(admin)
    first = package.directory
    with django_capture_on_commit_callbacks(execute=True):
        packages.h5p_package_replace(
            package=package, file=upload(valid_package(question="Nowe?")), by=admin
        )
    package.refresh_from_db()
    second = package.directory
    assert second != first and package.previous_directory == first
    assert package.replaced_at is not None
    files = stored(h5p_storage)
    assert f"h5p/content/{first}/h5p.json" in files  # learners mid-attempt still load it
    with django_capture_on_commit_callbacks(execute=True):
        packages.h5p_package_replace(package=package, file=upload(valid_package()), by=admin)
    files = stored(h5p_storage)
    assert not any(first in name for name in files)  # removed after commit
    assert f"h5p/content/{second}/h5p.json" in files


def test_deleting_a_package_removes_its_files(
    admin, h5p_storage, django_capture_on_commit_callbacks
):
    package = installed_package(admin)
    with django_capture_on_commit_callbacks(execute=True):
        package.delete()
    assert not any("h5p/content" in name for name in stored(h5p_storage))


# --- the admin snippet -------------------------------------------------------


def test_trainer_uploads_in_the_admin_and_sees_the_listing(client, trainer, admin, h5p_storage):
    client.force_login(trainer)
    response = client.post(
        "/admin/snippets/courses/h5ppackage/add/",
        {"title": "", "upload": upload(valid_package())},
        follow=True,
    )
    assert response.status_code == 200
    package = H5PPackage.objects.get()
    assert package.status == H5PPackage.Status.PENDING  # nothing approved yet
    assert "H5P.CheckpointQuestion 1.0.0" in response.content.decode()
    listing = client.get("/admin/snippets/courses/h5ppackage/").content.decode()
    assert "Punkt kontrolny: hasło" in listing

    client.force_login(admin)
    assert client.get(f"/admin/h5p/{package.pk}/approve/").status_code == 200
    client.post(f"/admin/h5p/{package.pk}/approve/")
    package.refresh_from_db()
    assert package.is_ready


def test_the_admin_refuses_a_bad_file_with_the_reason(client, admin, h5p_storage):
    client.force_login(admin)
    bad = with_files(valid_package(), remove={"h5p.json"})
    response = client.post(
        "/admin/snippets/courses/h5ppackage/add/", {"title": "X", "upload": upload(bad)}
    )
    assert response.status_code == 200
    assert str(validation.MISSING_H5P_JSON) in response.content.decode()
    assert not H5PPackage.objects.exists() and stored(h5p_storage) == []


def test_replacement_through_the_edit_form_and_usage(client, admin, activity):
    client.force_login(admin)
    package = activity["package"]
    old = package.directory
    response = client.post(
        f"/admin/snippets/courses/h5ppackage/edit/{package.pk}/",
        {"title": "Nowy tytuł", "upload": upload(valid_package())},
    )
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.title == "Nowy tytuł" and package.previous_directory == old
    # Wagtail indexes references after commit; the test transaction never commits.
    ReferenceIndex.create_or_update_for_object(activity["lesson"])
    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    usage = client.get(f"/admin/snippets/courses/h5ppackage/usage/{package.pk}/")
    assert activity["lesson"].title in usage.content.decode()


def test_learners_cannot_upload(client, learner_lo1):
    client.force_login(learner_lo1)
    response = client.get("/admin/snippets/courses/h5ppackage/add/")
    assert response.status_code in (302, 403)


# --- serving the files ---------------------------------------------------------


def file_url(activity, path, directory=None):
    package = activity["package"]
    return f"/h5p/{activity['lesson'].pk}/{package.pk}/{directory or package.directory}/{path}"


def test_enrolled_learner_gets_files_with_safe_headers(activity, learner_lo1):
    client = ready_client(learner_lo1)
    response = client.get(file_url(activity, "h5p.json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert json.loads(b"".join(response.streaming_content))["mainLibrary"]
    script = client.get(
        file_url(activity, "libraries/H5P.CheckpointQuestion-1.0/scripts/checkpoint.js")
    )
    assert script.status_code == 200
    assert script["Content-Type"].startswith("text/javascript")
    assert "sandbox" not in script["Content-Security-Policy"]  # the site policy only


def test_files_need_login_enrolment_and_a_lesson_that_uses_the_package(
    client, activity, learner_lo2, catalogue
):
    assert client.get(file_url(activity, "h5p.json")).status_code == 403  # anonymous
    other = ready_client(learner_lo2)
    assert other.get(file_url(activity, "h5p.json")).status_code == 403  # not enrolled
    package, lesson_without = activity["package"], activity["lessons"][0]
    url = f"/h5p/{lesson_without.pk}/{package.pk}/{package.directory}/h5p.json"
    assert other.get(url).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "../h5p.json",
        "content/../../../secret.json",
        "libraries/H5P.Unknown-1.0/library.json",
        "libraries/H5P.CheckpointQuestion-1.0/../../h5p.json",
        "content/missing.json",
        "h5p/uploads/x.h5p",
        "content/content.php",
    ],
)
def test_bad_file_paths_are_404(activity, learner_lo1, path):
    assert ready_client(learner_lo1).get(file_url(activity, path)).status_code == 404


def test_unknown_folder_is_404(activity, learner_lo1):
    url = file_url(activity, "h5p.json", directory="0" * 32)
    assert ready_client(learner_lo1).get(url).status_code == 404


def test_documents_are_attachments_and_accel_redirect(activity, learner_lo1, settings):
    settings.H5P_ACCEL_REDIRECT_PREFIX = "/_protected/"
    response = ready_client(learner_lo1).get(file_url(activity, "content/content.json"))
    assert response["X-Accel-Redirect"].startswith("/_protected/h5p/content/")
    assert response["Content-Security-Policy"] == "sandbox"


# --- xAPI -------------------------------------------------------------------------


def test_an_answer_completes_the_lesson_and_moves_the_course(activity, learner_lo1):
    client = ready_client(learner_lo1)
    lesson, activity_id = activity["lesson"], activity["id"]
    wrong = post_statement(client, lesson, activity_id, statement(lesson, activity_id, raw=0))
    assert wrong.json() == {"success": True, "counted": True, "lesson_completed": False, "score": 0}
    right = post_statement(client, lesson, activity_id, statement(lesson, activity_id, raw=1))
    assert right.json()["lesson_completed"] is True
    result = H5PResult.objects.get(user=learner_lo1, activity_id=activity_id)
    assert (result.attempts, result.best_score) == (2, 100)
    progress = LessonProgress.objects.get(user=learner_lo1, lesson=lesson)
    assert progress.is_completed and progress.best_score == 100
    statements = H5PStatement.objects.filter(user=learner_lo1)
    assert statements.count() == 2
    assert statements.last().raw["actor"]["mbox"] == "mailto:ktos@example.org"  # kept as evidence
    # A worse attempt later changes neither the best score nor completion.
    post_statement(client, lesson, activity_id, statement(lesson, activity_id, raw=0))
    result.refresh_from_db()
    progress.refresh_from_db()
    assert (result.attempts, result.best_score, progress.is_completed) == (3, 100, True)
    # "Download my data" holds the results and every statement as received.
    assert SECTIONS["h5p_results"](learner_lo1)[0]["best_score"] == 100
    assert [row["score"] for row in SECTIONS["h5p_statements"](learner_lo1)] == [0, 1, 0]


def test_the_posted_actor_is_ignored(activity, learner_lo1, learner_lo2):
    client = ready_client(learner_lo1)
    lesson, activity_id = activity["lesson"], activity["id"]
    forged = statement(lesson, activity_id, actor={"mbox": f"mailto:{learner_lo2.email}"})
    assert post_statement(client, lesson, activity_id, forged).status_code == 200
    assert H5PResult.objects.get().user == learner_lo1
    assert not H5PResult.objects.filter(user=learner_lo2).exists()


def test_scores_are_scaled_on_the_server(activity, learner_lo1):
    client = ready_client(learner_lo1)
    lesson, activity_id = activity["lesson"], activity["id"]
    data = statement(lesson, activity_id, raw=5, maximum=10)
    data["result"]["score"]["scaled"] = 42
    assert post_statement(client, lesson, activity_id, data).json()["score"] == 50
    stored_statement = H5PStatement.objects.get()
    assert (stored_statement.score_raw, stored_statement.score_scaled) == (5, 0.5)


def forged(lesson, activity_id, **score):
    data = statement(lesson, activity_id)
    data["result"]["score"] = score
    return data


@pytest.mark.parametrize(
    "score",
    [
        {"raw": 0, "min": -99, "max": 1},  # a forged minimum stretching the scale
        {"raw": 0, "min": 0.5, "max": 1},
        {"raw": -5, "min": 0, "max": 1},
        {"raw": 500, "min": 0, "max": 1},
        {"raw": 1, "max": 0},
        {"raw": 1},
        {"raw": "1", "max": 1},
    ],
)
def test_a_score_outside_the_activity_range_is_refused(activity, learner_lo1, score):
    client = ready_client(learner_lo1)
    lesson, activity_id = activity["lesson"], activity["id"]
    response = post_statement(client, lesson, activity_id, forged(lesson, activity_id, **score))
    assert response.status_code == 400
    assert "zakres" in response.json()["message"]
    assert not H5PStatement.objects.exists() and not H5PResult.objects.exists()
    progress = LessonProgress.objects.filter(user=learner_lo1, lesson=lesson).first()
    assert progress is None or not progress.is_completed
    # A valid statement still counts.
    valid = post_statement(client, lesson, activity_id, statement(lesson, activity_id, raw=1))
    assert valid.json()["lesson_completed"] is True


def test_the_maximum_is_fixed_by_the_learners_first_scored_statement(
    activity, learner_lo1, learner_lo2
):
    lesson, activity_id = activity["lesson"], activity["id"]
    client = ready_client(learner_lo1)
    first = statement(lesson, activity_id, raw=0, maximum=10)
    assert post_statement(client, lesson, activity_id, first).status_code == 200
    cheat = statement(lesson, activity_id, raw=1, maximum=1)
    response = post_statement(client, lesson, activity_id, cheat)
    assert response.status_code == 400
    assert "Maksymalna liczba punktów" in response.json()["message"]
    assert H5PStatement.objects.count() == 1
    assert H5PResult.objects.get(user=learner_lo1).best_score == 0
    # Another learner is not bound by this learner's statements.
    Enrolment.objects.create(user=learner_lo2, course=activity["course"], method="self")
    other = ready_client(learner_lo2)
    assert post_statement(other, lesson, activity_id, cheat).json()["score"] == 100


def test_child_and_non_ending_statements_are_stored_but_do_not_count(activity, learner_lo1):
    client = ready_client(learner_lo1)
    lesson, activity_id = activity["lesson"], activity["id"]
    iri = xapi.activity_iri(lesson.pk, activity_id)
    child = statement(lesson, activity_id)
    child["object"]["id"] = f"{iri}?subContentId=abc"
    child["context"] = {"contextActivities": {"parent": [{"id": iri}]}}
    assert post_statement(client, lesson, activity_id, child).json()["counted"] is False
    interacted = statement(lesson, activity_id, verb="interacted", raw=None)
    assert post_statement(client, lesson, activity_id, interacted).json()["counted"] is False
    assert H5PStatement.objects.count() == 2
    assert not H5PResult.objects.exists()


def test_viewing_completes_score_less_content_only_when_the_block_says_so(
    catalogue, learner_lo1, admin, h5p_storage
):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    package = installed_package(admin)
    lesson = lessons[0]
    activity_id = add_h5p_block(lesson, package, complete_on_view=True)
    Enrolment.objects.create(user=learner_lo1, course=course, method="self")
    client = ready_client(learner_lo1)
    viewed = statement(lesson, activity_id, verb="experienced", raw=None)
    assert post_statement(client, lesson, activity_id, viewed).json()["lesson_completed"]


def test_failed_attempts_below_the_pass_mark_do_not_complete(activity, learner_lo1):
    lesson, activity_id = activity["lesson"], activity["id"]
    h5p_services.h5p_statement_record(
        user=learner_lo1, lesson=lesson, activity_id=activity_id,
        statement=statement(lesson, activity_id, verb="failed", raw=None),
    )  # fmt: skip
    h5p_services.h5p_statement_record(
        user=learner_lo1, lesson=lesson, activity_id=activity_id,
        statement=statement(lesson, activity_id, raw=1, maximum=2),
    )  # fmt: skip
    result = H5PResult.objects.get()
    assert (result.attempts, result.best_score, result.completed_at) == (2, 50, None)


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("not_enrolled", 403),
        ("wrong_activity", 404),
        ("wrong_object", 400),
        ("oversized", 413),
        ("bad_json", 400),
        ("not_an_object", 400),
        ("get", 405),
    ],
)
def test_bad_xapi_posts_store_nothing(activity, learner_lo1, learner_lo2, case, status):
    lesson, activity_id = activity["lesson"], activity["id"]
    client = ready_client(learner_lo2 if case == "not_enrolled" else learner_lo1)
    data = statement(lesson, activity_id)
    url_activity = activity_id
    if case == "wrong_activity":
        url_activity = "not-a-block"
    elif case == "wrong_object":
        data["object"]["id"] = xapi.activity_iri(activity["lessons"][0].pk, activity_id)
    elif case == "oversized":
        data["padding"] = "x" * (70 * 1024)
    elif case == "bad_json":
        data = b"{not json"
    elif case == "not_an_object":
        data = "[1, 2]"
    if case == "get":
        response = client.get(f"/courses/lessons/{lesson.pk}/h5p/{activity_id}/xapi/")
    else:
        response = post_statement(client, lesson, url_activity, data)
    assert response.status_code == status
    if case not in ("get",):
        assert "error" in response.json()
    assert not H5PStatement.objects.exists() and not H5PResult.objects.exists()


def test_xapi_needs_the_csrf_token(activity, learner_lo1):
    client = ready_client(learner_lo1, enforce_csrf_checks=True)
    lesson, activity_id = activity["lesson"], activity["id"]
    response = post_statement(client, lesson, activity_id, statement(lesson, activity_id))
    assert response.status_code == 403
    client.get(lesson.url)  # the page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = post_statement(
        client, lesson, activity_id, statement(lesson, activity_id), HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 200


def test_anonymous_xapi_is_refused(client, activity):
    lesson, activity_id = activity["lesson"], activity["id"]
    response = post_statement(client, lesson, activity_id, statement(lesson, activity_id))
    assert response.status_code == 302
    assert not H5PStatement.objects.exists()


def test_a_pending_package_takes_no_statements(activity, learner_lo1):
    H5PPackage.objects.update(status=H5PPackage.Status.PENDING)
    lesson, activity_id = activity["lesson"], activity["id"]
    response = post_statement(
        ready_client(learner_lo1), lesson, activity_id, statement(lesson, activity_id)
    )
    assert response.status_code == 404


# --- saved state --------------------------------------------------------------------


def user_data_url(activity, data_type="state", sub="0"):
    lesson_id, activity_id = activity["lesson"].pk, activity["id"]
    return f"/courses/lessons/{lesson_id}/h5p/{activity_id}/user-data/{data_type}/{sub}/"


def test_saved_state_comes_back_on_the_lesson_page(activity, learner_lo1):
    client = ready_client(learner_lo1)
    state = json.dumps({"selected": 0, "checked": True})
    response = client.post(
        user_data_url(activity), {"data": state, "preload": "1", "invalidate": "1"}
    )
    assert response.json() == {"success": True, "data": None}
    page = client.get(activity["lesson"].url).content.decode()
    assert json.dumps(state)[1:-1] in page.replace("\\u0022", '\\"')
    saved = H5PUserData.objects.get()
    assert saved.directory == activity["package"].directory
    # "0" deletes it, as H5P core does.
    client.post(user_data_url(activity), {"data": "0", "preload": "0", "invalidate": "1"})
    assert not H5PUserData.objects.exists()


def test_state_of_a_replaced_package_is_not_restored(activity, learner_lo1, admin):
    client = ready_client(learner_lo1)
    client.post(user_data_url(activity), {"data": '{"selected": 1}', "preload": "1"})
    packages.h5p_package_replace(
        package=activity["package"], file=upload(valid_package()), by=admin
    )
    assert "\\u0022selected\\u0022" not in client.get(activity["lesson"].url).content.decode()


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("not_enrolled", 403),
        ("wrong_activity", 404),
        ("oversized", 413),
        ("bad_json", 400),
        ("missing_data", 400),
        ("get", 405),
    ],
)
def test_bad_user_data_posts_store_nothing(activity, learner_lo1, learner_lo2, case, status):
    client = ready_client(learner_lo2 if case == "not_enrolled" else learner_lo1)
    url = user_data_url(activity)
    data = {"data": '{"selected": 0}', "preload": "1"}
    if case == "wrong_activity":
        url = url.replace(activity["id"], "not-a-block")
    elif case == "oversized":
        data["data"] = json.dumps({"x": "y" * (70 * 1024)})
    elif case == "bad_json":
        data["data"] = "{nope"
    elif case == "missing_data":
        del data["data"]
    response = client.get(url) if case == "get" else client.post(url, data)
    assert response.status_code == status
    assert not H5PUserData.objects.exists()


def test_user_data_needs_the_csrf_token(activity, learner_lo1):
    client = ready_client(learner_lo1, enforce_csrf_checks=True)
    response = client.post(user_data_url(activity), {"data": "{}", "preload": "1"})
    assert response.status_code == 403
    assert not H5PUserData.objects.exists()


# --- lesson page and progress grid ------------------------------------------------------


def test_lesson_page_renders_the_player_settings(activity, learner_lo1):
    page = ready_client(learner_lo1).get(activity["lesson"].url).content.decode()
    assert "h5p-standalone/main.bundle.js" in page
    assert "courses/js/h5p-player.js" in page
    assert f"h5p-config-{activity['id']}" in page
    assert ":contentId/user-data/:dataType/:subContentId/" in page


def test_progress_grid_shows_h5p_score_and_attempts(activity, learner_lo1, coordinator_county):
    lesson, activity_id = activity["lesson"], activity["id"]
    for raw in (0, 1):
        h5p_services.h5p_statement_record(
            user=learner_lo1, lesson=lesson, activity_id=activity_id,
            statement=statement(lesson, activity_id, raw=raw),
        )  # fmt: skip
    client = Client()
    client.force_login(coordinator_county)
    response = client.get(f"/admin/progress/{activity['course'].pk}/")
    cell = response.context["rows"][0]["cells"][1]
    assert (cell.h5p_attempts, cell.h5p_best) == (2, 100)
    assert "H5P: 100%" in response.content.decode()


def test_storage_names_are_under_the_h5p_prefix():
    assert storage.content_name("abc", "content/x.json") == "h5p/content/abc/content/x.json"
    assert storage.upload_name("abc") == "h5p/uploads/abc.h5p"
