"""SCORM endpoints for learners: the extracted package files (after an
access check), the launch of a SCO (its attempt and the data it resumes
from) and the SCO's commits.

Files: only for a logged-in learner enrolled on the course of a live lesson
that uses the package (or staff who manage packages), from the package's
current or previous folder, of an approved package. The package's pages
run its scripts on our origin (the SCORM API is reached through the
parent window), under a policy that lets them load only our own files;
every other file is sandboxed (courses.package_files).

Launch and commit: POST only, CSRF-checked, login, enrolment and the
attempt's owner checked in the services, bodies capped at
`SCORM_MAX_COMMIT_BYTES`. Answers follow scorm-again's expectation
(`{"result": true, "errorCode": 0}`)."""

import json
import posixpath
import urllib.parse

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from courses.archives import PackageError, check_path
from courses.catalogue import services as catalogue_services
from courses.models import LessonPage, ScormPackage
from courses.package_files import package_file_response
from courses.progress import services as progress_services
from courses.scorm import cmi5, manifest, storage
from courses.scorm import services as scorm_services
from courses.scorm.validation import WEB_EXTENSIONS

BODY_TOO_LARGE = _("The request is too large.")
BAD_JSON = _("The request is not valid JSON.")
# What the package's own pages may do: run their (inline) scripts and load
# our files, nothing from elsewhere; be framed only by our lesson page.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
PLAYER_POLICIES = {
    "html": PAGE_POLICY,
    "htm": PAGE_POLICY,
    "xhtml": PAGE_POLICY,
    "js": None,
    "mjs": None,
    "css": None,
}
# Told to the runtime with a refusal (SCORM's "general exception"); the SCO's
# Commit then answers "false".
GENERAL_EXCEPTION = 101


def package_file(request, lesson_id: int, package_id: int, directory: str, path: str):
    """A file of an extracted package, for the player of a lesson."""
    found = catalogue_services.lesson_package_for_files(
        user=request.user, lesson_id=lesson_id, packages=ScormPackage.objects.ready(),
        package_id=package_id, directory=directory, block_type="scorm",
        manager_permission="courses.change_scormpackage",
    )  # fmt: skip
    if found is None:
        return HttpResponse(status=403)
    try:
        parts = check_path(path)
    except PackageError:
        raise Http404 from None
    extension = posixpath.splitext(parts[-1])[1].lstrip(".").lower()
    if any(part.startswith(".") for part in parts) or extension not in WEB_EXTENSIONS:
        raise Http404
    return package_file_response(
        storage.scorm_storage(),
        storage.content_name(directory, path),
        extension,
        accel_prefix=settings.SCORM_ACCEL_REDIRECT_PREFIX,
        policies=PLAYER_POLICIES,
    )


def _status_for(error: catalogue_services.CourseError) -> int:
    statuses = {
        progress_services.NOT_ENROLLED: 403,
        progress_services.LESSON_UNAVAILABLE: 404,
        scorm_services.ACTIVITY_NOT_FOUND: 404,
        scorm_services.NOT_READY: 404,
        scorm_services.UNIT_NOT_FOUND: 404,
        scorm_services.NOT_SEQUENCED: 404,
        scorm_services.ATTEMPT_NOT_FOUND: 404,
        scorm_services.OUTDATED_FILES: 409,
    }
    return statuses.get(error.message, 400)


def _error(message, status: int) -> JsonResponse:
    return JsonResponse(
        {"result": False, "errorCode": GENERAL_EXCEPTION, "message": str(message)}, status=status
    )


def _json_body(request):
    if len(request.body) > settings.SCORM_MAX_COMMIT_BYTES:
        return None, _error(BODY_TOO_LARGE, 413)
    try:
        return json.loads(request.body.decode("utf-8")), None
    except (UnicodeDecodeError, ValueError):
        return None, _error(BAD_JSON, 400)


def _body_too_large(request) -> bool:
    try:
        length = int(request.headers.get("Content-Length") or 0)
    except ValueError:
        return True
    return length > settings.SCORM_MAX_COMMIT_BYTES


@require_POST
@login_required
def launch(request, lesson_id: int, activity_id: str, unit_index: int):
    """Start (or resume) a SCO: the attempt, where its commits go, the SCO's
    address and the data the runtime loads before it starts."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        attempt = scorm_services.scorm_attempt_launch(
            user=request.user, lesson=lesson, activity_id=activity_id, unit_index=unit_index
        )
    except catalogue_services.CourseError as error:
        return _error(error.message, _status_for(error))
    package = attempt.package
    unit = package.units[unit_index]
    address = reverse(
        "courses:scorm_file", args=[lesson.pk, package.pk, attempt.directory, unit.path]
    )
    query = [unit.query] if unit.query else []
    answer = {
        "attempt": attempt.pk,
        "number": attempt.number,
        "version": package.version,
        "summary": scorm_services.attempt_summary(attempt),
    }
    if package.version == manifest.CMI5:
        session, secret = scorm_services.cmi5_session_start(attempt=attempt)
        query.append(_cmi5_parameters(request, attempt, session, secret, unit))
        answer["returnUrl"] = reverse("courses:cmi5_return")
    else:
        activity = lesson.package_activities()[activity_id]
        answer["commitUrl"] = reverse("courses:scorm_commit", args=[attempt.pk])
        answer["cmi"] = scorm_services.resume_data(
            user=request.user, attempt=attempt, activity=activity
        )
    answer["launchUrl"] = f"{address}?{'&'.join(query)}" if query else address
    return JsonResponse(answer)


def _cmi5_parameters(request, attempt, session, secret: str, unit) -> str:
    """cmi5's launch parameters (section 8.1): our xAPI endpoint, the
    session's single-use fetch address, the registration, the learner and
    the AU."""
    fetch = reverse("courses:cmi5_fetch", args=[session.session_id, secret])
    return urllib.parse.urlencode(
        {
            "endpoint": request.build_absolute_uri(
                reverse("courses:cmi5_statements").removesuffix("statements")
            ),
            "fetch": request.build_absolute_uri(fetch),
            "registration": str(attempt.registration),
            "actor": json.dumps(cmi5.actor(request.user), ensure_ascii=False),
            "activityId": unit.identifier,
        }
    )


@csrf_exempt  # the AU posts without our token: the single-use secret in the address is the check
@require_POST
def cmi5_fetch(request, session_id, secret: str):
    """The AU's auth token, once per launch; a second use is refused with
    cmi5's error document."""
    try:
        token = scorm_services.cmi5_token_fetch(session_id=session_id, secret=secret)
    except catalogue_services.CourseError as error:
        return JsonResponse({"error-code": "1", "error-text": str(error.message)}, status=403)
    return JsonResponse({"auth-token": token})


def _cmi5_session(request):
    if not request.user.is_authenticated:
        return None
    try:
        return scorm_services.cmi5_session_for(
            authorization=request.headers.get("Authorization", ""), user=request.user
        )
    except catalogue_services.CourseError:
        return None


@csrf_exempt  # xAPI clients send the session's auth token (Basic), bound to the learner
def cmi5_state(request):
    """The State resource: LMS.LaunchData for the AU's own session; other
    documents an AU may keep are accepted and not kept (the AU keeps its
    place through our attempt)."""
    session = _cmi5_session(request)
    if session is None:
        return _xapi_error(scorm_services.TOKEN_REFUSED, 401)
    if request.method in ("PUT", "POST", "DELETE"):
        return HttpResponse(status=204)
    attempt = session.attempt
    if (
        request.GET.get("stateId") != "LMS.LaunchData"
        or request.GET.get("activityId") != attempt.unit
        or request.GET.get("registration") != str(attempt.registration)
    ):
        return HttpResponse(status=404)
    return JsonResponse(
        scorm_services.cmi5_launch_data(
            session=session, return_url=request.build_absolute_uri(reverse("courses:cmi5_return"))
        )
    )


@csrf_exempt  # as cmi5_state: the auth token is the check
def cmi5_statements(request):
    """The Statements resource, POST only: the AU's statements, one or a list."""
    session = _cmi5_session(request)
    if session is None:
        return _xapi_error(scorm_services.TOKEN_REFUSED, 401)
    if request.method != "POST":
        return HttpResponse(status=405)
    if _body_too_large(request):
        return _xapi_error(BODY_TOO_LARGE, 413)
    data, refused = _json_body(request)
    if refused is not None:
        return refused
    statements = data if isinstance(data, list) else [data]
    try:
        scorm_services.cmi5_statements_record(
            user=request.user, session_id=session.session_id, statements=statements
        )
    except catalogue_services.CourseError as error:
        return _xapi_error(error.message, _status_for(error))
    return JsonResponse(
        [item.get("id", "") for item in statements if isinstance(item, dict)], safe=False
    )


def _xapi_error(message, status: int) -> JsonResponse:
    return JsonResponse({"error": str(message)}, status=status)


def cmi5_return(request):
    """Where an AU goes when it ends: the lesson page around it sees this
    page in its frame and reloads with the learner's new state."""
    return TemplateResponse(request, "courses/scorm/cmi5_return.html")


@login_required
def sequencing(request, lesson_id: int, activity_id: str):
    """GET: the package's activity tree and the learner's saved sequencing
    state; POST (the body is the state the runtime serialized): keep it."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405)
    try:
        if request.method == "GET":
            return JsonResponse(
                scorm_services.sequencing_state_for(
                    user=request.user, lesson=lesson, activity_id=activity_id
                )
            )
        if _body_too_large(request) or len(request.body) > settings.SCORM_MAX_COMMIT_BYTES:
            return _error(BODY_TOO_LARGE, 413)
        try:
            state = request.body.decode("utf-8")
        except UnicodeDecodeError:
            return _error(BAD_JSON, 400)
        scorm_services.sequencing_state_save(
            user=request.user, lesson=lesson, activity_id=activity_id, state=state
        )
    except catalogue_services.CourseError as error:
        return _error(error.message, _status_for(error))
    return JsonResponse({"result": True})


@require_POST
@login_required
def commit(request, attempt_id: int):
    """Store what the SCO committed; scorm-again reads `result`."""
    if _body_too_large(request):
        return _error(BODY_TOO_LARGE, 413)
    data, refused = _json_body(request)
    if refused is not None:
        return refused
    try:
        attempt, progress = scorm_services.scorm_commit_record(
            user=request.user, attempt_id=attempt_id, data=data
        )
    except catalogue_services.CourseError as error:
        return _error(error.message, _status_for(error))
    return JsonResponse(
        {
            "result": True,
            "errorCode": 0,
            "summary": scorm_services.attempt_summary(attempt),
            "lesson_completed": progress.is_completed,
        }
    )
