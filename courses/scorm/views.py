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
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from courses.archives import PackageError, check_path
from courses.catalogue import services as catalogue_services
from courses.models import LessonPage, ScormPackage
from courses.package_files import package_file_response
from courses.progress import services as progress_services
from courses.scorm import services as scorm_services
from courses.scorm import storage
from courses.scorm.validation import WEB_EXTENSIONS

BODY_TOO_LARGE = _("The request is too large.")
BAD_JSON = _("The request is not valid JSON.")
DIRECTORY = re.compile(r"^[0-9a-f]{32}$")
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
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    if not DIRECTORY.match(directory):
        raise Http404
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    package = get_object_or_404(ScormPackage.objects.ready(), pk=package_id)
    if directory not in (package.directory, package.previous_directory):
        raise Http404
    if not lesson.uses_package("scorm", package.pk):
        raise Http404
    if not catalogue_services.may_see_package_files(
        user=request.user, lesson=lesson, manager_permission="courses.change_scormpackage"
    ):
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
    activity = lesson.package_activities()[activity_id]
    return JsonResponse(
        {
            "attempt": attempt.pk,
            "number": attempt.number,
            "version": package.version,
            "commitUrl": reverse("courses:scorm_commit", args=[attempt.pk]),
            "launchUrl": f"{address}?{unit.query}" if unit.query else address,
            "cmi": scorm_services.resume_data(
                user=request.user, attempt=attempt, activity=activity
            ),
            "summary": scorm_services.attempt_summary(attempt),
        }
    )


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
