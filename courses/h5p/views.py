"""H5P endpoints for learners: the extracted package files (after an access
check), and the player's xAPI statements and saved state.

Files: only for a logged-in learner enrolled on the course of a live lesson
that uses the package (or staff who manage packages), from the package's
current or previous folder; the type comes from our own map, never from the
file; `nosniff` always, and a sandboxing CSP on everything but scripts and
styles, so a file opened directly cannot run code on our origin; documents
come as attachments. With `H5P_ACCEL_REDIRECT_PREFIX` set, nginx sends the
file (X-Accel-Redirect) after the same check.

xAPI and saved state: POST only, CSRF-checked, login and enrolment checked
in the services, bodies capped at `H5P_MAX_POST_BYTES`."""

import json
import posixpath
import re

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from courses.archives import PackageError, check_path
from courses.catalogue import services as catalogue_services
from courses.h5p import services as h5p_services
from courses.h5p import storage
from courses.h5p.validation import CONTENT_EXTENSIONS, LIBRARY_EXTENSIONS
from courses.models import H5PLibrary, H5PPackage, LessonPage
from courses.package_files import package_file_response
from courses.progress import services as progress_services

BODY_TOO_LARGE = _("The request is too large.")
BAD_JSON = _("The request is not valid JSON.")
BAD_USER_DATA_REQUEST = _("Saving the state needs the field “data”.")
LIBRARY_FOLDER = re.compile(r"^([A-Za-z][A-Za-z0-9._-]*)-(\d{1,5})\.(\d{1,5})$")
KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# Loaded by the player as code: the site's own policy; everything else is sandboxed.
PLAYER_POLICIES = {"js": None, "css": None}


def _storage_name(package: H5PPackage, directory: str, path: str) -> tuple[str, str]:
    """(storage name, extension) of a file of a package, or Http404."""
    try:
        parts = check_path(path)
    except PackageError:
        raise Http404 from None
    extension = posixpath.splitext(parts[-1])[1].lstrip(".").lower()
    if any(part[0] in "._" for part in parts) or not extension:
        raise Http404
    if path == "h5p.json" or (parts[0] == "content" and len(parts) > 1):
        if extension not in CONTENT_EXTENSIONS:
            raise Http404
        return storage.content_name(directory, path), extension
    if parts[0] == "libraries" and len(parts) > 2 and extension in LIBRARY_EXTENSIONS:
        folder = LIBRARY_FOLDER.match(parts[1])
        if folder is None:
            raise Http404
        match = (
            H5PLibrary.objects.filter(
                packages=package,
                approved_at__isnull=False,
                machine_name=folder[1],
                major_version=int(folder[2]),
                minor_version=int(folder[3]),
            )
            .only("directory")
            .first()
        )
        if match is None:
            raise Http404
        return storage.library_name(match.directory, "/".join(parts[2:])), extension
    raise Http404


def _file_response(name: str, extension: str) -> HttpResponse:
    return package_file_response(
        storage.h5p_storage(),
        name,
        extension,
        accel_prefix=settings.H5P_ACCEL_REDIRECT_PREFIX,
        policies=PLAYER_POLICIES,
    )


def package_file(request, lesson_id: int, package_id: int, directory: str, path: str):
    """A file of an extracted package, for the player of a lesson."""
    found = catalogue_services.lesson_package_for_files(
        user=request.user, lesson_id=lesson_id, packages=H5PPackage.objects.ready(),
        package_id=package_id, directory=directory, block_type="h5p",
        manager_permission="courses.change_h5ppackage",
    )  # fmt: skip
    if found is None:
        return HttpResponse(status=403)
    package = found[1]
    name, extension = _storage_name(package, directory, path)
    return _file_response(name, extension)


def _body_too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.H5P_MAX_POST_BYTES


def _error(message, status: int) -> JsonResponse:
    return JsonResponse(
        {"success": False, "error": str(message), "message": str(message)}, status=status
    )


def _status_for(error: catalogue_services.CourseError) -> int:
    statuses = {
        progress_services.NOT_ENROLLED: 403,
        progress_services.LESSON_UNAVAILABLE: 404,
        h5p_services.H5P_ACTIVITY_NOT_FOUND: 404,
        h5p_services.H5P_NOT_READY: 404,
    }
    return statuses.get(error.message, 400)


@require_POST
@login_required
def xapi(request, lesson_id: int, activity_id: str):
    """Store one xAPI statement of the learner's player and report progress."""
    if _body_too_large(request) or len(request.body) > settings.H5P_MAX_POST_BYTES:
        return _error(BODY_TOO_LARGE, 413)
    try:
        statement = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _error(BAD_JSON, 400)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        stored, progress = h5p_services.h5p_statement_record(
            user=request.user, lesson=lesson, activity_id=activity_id, statement=statement
        )
    except catalogue_services.CourseError as error:
        return _error(error.message, _status_for(error))
    return JsonResponse(
        {
            "success": True,
            "counted": progress is not None,
            "lesson_completed": bool(progress and progress.is_completed),
            "score": None if stored.score_scaled is None else round(stored.score_scaled * 100),
        }
    )


@require_POST
@login_required
def user_data(request, lesson_id: int, activity_id: str, data_type: str, sub_content_id: str):
    """H5P core's saved-state protocol: form fields data, preload, invalidate;
    the answer is {success, data}."""
    if _body_too_large(request):
        return _error(BODY_TOO_LARGE, 413)
    if not (KEY.match(data_type) and KEY.match(sub_content_id)):
        raise Http404
    data = request.POST.get("data")
    if data is None:
        return _error(BAD_USER_DATA_REQUEST, 400)
    if len(data.encode()) > settings.H5P_MAX_POST_BYTES:
        return _error(BODY_TOO_LARGE, 413)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        h5p_services.h5p_user_data_save(
            user=request.user, lesson=lesson, activity_id=activity_id, data_type=data_type,
            sub_content_id=sub_content_id, data=data, preload=request.POST.get("preload") == "1",
        )  # fmt: skip
    except catalogue_services.CourseError as error:
        return _error(error.message, _status_for(error))
    return JsonResponse({"success": True, "data": None})
