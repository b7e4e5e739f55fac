"""Writes on a learner's H5P activity: the xAPI statements the player posts
(scored on the server) and the player's saved state. Progress and course
completion move through the progress services."""

import json

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses.catalogue import services as catalogue_services
from courses.h5p import xapi
from courses.models import (
    H5PPackage,
    H5PResult,
    H5PStatement,
    H5PUserData,
    LessonPage,
    LessonProgress,
)
from courses.progress import services as progress_services

H5P_ACTIVITY_NOT_FOUND = _(
    "This H5P activity does not exist in this lesson. Reload the page and try again."
)
H5P_NOT_READY = _("This H5P activity is not available yet.")
H5P_BAD_USER_DATA = _("The saved state of an H5P activity is not valid.")
H5P_SCORE_MAX_CHANGED = _("The score's maximum differs from the one this activity reported before.")


def _h5p_activity(*, lesson: LessonPage, activity_id: str) -> dict:
    activity = lesson.h5p_activities().get(activity_id)
    if activity is None:
        raise catalogue_services.CourseError(H5P_ACTIVITY_NOT_FOUND)
    if activity["package"] is None or not activity["package"].is_ready:
        raise catalogue_services.CourseError(H5P_NOT_READY)
    return activity


def _h5p_finished(activity: dict, statement: xapi.Statement) -> bool:
    """Whether a statement completes the activity: an attempt reaching the
    pass mark (score-less content: any attempt but a failed one), or, where
    the block says so, viewing score-less content."""
    if statement.ends_attempt:
        if statement.percent is None:
            return statement.verb != "failed"
        return statement.percent >= activity["pass_mark"]
    return statement.is_view and activity["complete_on_view"]


def _h5p_check_score_max(
    *,
    user: User,
    lesson: LessonPage,
    activity_id: str,
    package: H5PPackage,
    statement: xapi.Statement,
) -> None:
    """A package declares no maximum score the server could read, so the
    first scored top-level statement of this learner in this activity and
    package fixes it; later ones must report the same. Pinned per learner,
    not site-wide, so that one forged first statement cannot lock every
    other learner out; a replaced package starts afresh."""
    if not statement.is_top_level or statement.score_max is None:
        return
    first_max = (
        H5PStatement.objects.filter(
            user=user,
            lesson=lesson,
            activity_id=activity_id,
            package=package,
            is_top_level=True,
            score_max__isnull=False,
        )
        .order_by("created_at", "pk")
        .values_list("score_max", flat=True)
        .first()
    )
    if first_max is not None and first_max != statement.score_max:
        raise catalogue_services.CourseError(H5P_SCORE_MAX_CHANGED)


@transaction.atomic
def h5p_statement_record(
    *, user: User, lesson: LessonPage, activity_id: str, statement: dict
) -> tuple[H5PStatement, LessonProgress | None]:
    """Store an xAPI statement the player posted and let it move progress.
    The server decides: the actor is ignored (the learner is who is logged
    in), the object must be this activity, the score is checked against the
    activity's range (0 to its maximum) and scaled here; only top-level
    statements count, attempts end with completed, answered, passed, failed
    or mastered; the best attempt is kept and completion never goes back.
    Returns the stored statement and, when it counted, the lesson progress."""
    course = progress_services.lesson_course_checked(user=user, lesson=lesson)
    activity = _h5p_activity(lesson=lesson, activity_id=activity_id)
    try:
        read = xapi.read_statement(statement, iri=xapi.activity_iri(lesson.pk, activity_id))
    except xapi.StatementError as error:
        raise catalogue_services.CourseError(error.message) from None
    _h5p_check_score_max(
        user=user, lesson=lesson, activity_id=activity_id, package=activity["package"],
        statement=read,
    )  # fmt: skip
    now = timezone.now()
    stored = H5PStatement.objects.create(
        user=user, lesson=lesson, activity_id=activity_id, package=activity["package"],
        verb=read.verb, is_top_level=read.is_top_level, ends_attempt=read.ends_attempt,
        score_raw=read.score_raw, score_max=read.score_max, score_scaled=read.scaled,
        raw=statement, created_at=now,
    )  # fmt: skip
    if not (read.ends_attempt or read.is_view):
        return stored, None
    progress = progress_services.progress_for_update(user=user, lesson=lesson, course=course)
    try:
        with transaction.atomic():
            H5PResult.objects.get_or_create(
                user=user, lesson=lesson, activity_id=activity_id, defaults={"course": course}
            )
    except IntegrityError:  # created concurrently; the row exists now
        pass
    result = H5PResult.objects.select_for_update().get(
        user=user, lesson=lesson, activity_id=activity_id
    )
    if read.ends_attempt:
        result.attempts += 1
    if read.is_view:
        result.viewed_at = result.viewed_at or now
    if read.percent is not None and read.ends_attempt:
        result.best_score = max(result.best_score or 0, read.percent)
        progress.best_score = max(progress.best_score or 0, read.percent)
    if result.completed_at is None and _h5p_finished(activity, read):
        result.completed_at = now
    result.last_statement_at = now
    result.save()
    progress.first_opened_at = progress.first_opened_at or now
    return stored, progress_services.progress_advance(progress, lesson, course)


@transaction.atomic
def h5p_user_data_save(
    *,
    user: User,
    lesson: LessonPage,
    activity_id: str,
    data_type: str,
    sub_content_id: str,
    data: str,
    preload: bool,
) -> H5PUserData | None:
    """Save (or, when H5P sends "0", delete) the player's state for one
    learner and activity. The state must be JSON; it is only ever handed
    back to the same learner."""
    progress_services.lesson_course_checked(user=user, lesson=lesson)
    activity = _h5p_activity(lesson=lesson, activity_id=activity_id)
    key: dict = {  # the lookup, typed loosely: its values are of several models
        "user": user, "lesson": lesson, "activity_id": activity_id,
        "data_type": data_type, "sub_content_id": sub_content_id,
    }  # fmt: skip
    if data == "0":
        H5PUserData.objects.filter(**key).delete()
        return None
    try:
        json.loads(data)
    except ValueError:
        raise catalogue_services.CourseError(H5P_BAD_USER_DATA) from None
    saved, _created = H5PUserData.objects.update_or_create(
        **key,
        defaults={
            "data": data,
            "preload": preload,
            "directory": activity["package"].directory,
            "updated_at": timezone.now(),
        },
    )
    return saved
