"""Writes on a learner's SCORM activity: launching a SCO (the attempt it
continues or a new one) and what the SCO commits. The server decides: the
learner is who is logged in, an attempt is only ever written by its own
learner, every value is checked against the data model (courses.scorm.cmi),
completion and a pass never go back, and the package's own time is kept
beside ours, never credited. Progress moves through the progress services."""

import base64
import contextlib
import datetime as dt
import hashlib
import json
import secrets
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses.catalogue import services as catalogue_services
from courses.models import (
    Cmi5Session,
    CoursePage,
    LessonPage,
    LessonProgress,
    ScormAttempt,
    ScormPackage,
    ScormSequencingState,
)
from courses.progress import services as progress_services
from courses.scorm import cmi, cmi5, commit_sql
from courses.scorm import manifest as manifests

ACTIVITY_NOT_FOUND = _(
    "This package activity does not exist in this lesson. Reload the page and try again."
)
NOT_READY = _("This package is not available yet: it waits for an administrator's approval.")
UNIT_NOT_FOUND = _("This part of the package does not exist. Reload the page and try again.")
ATTEMPT_NOT_FOUND = _("This attempt does not exist or is not yours.")
OUTDATED_FILES = _("The package was replaced. Reload the page to continue with its new version.")

# How an attempt ended: exiting without "suspend" once the SCO is completed
# (or with SCORM 2004's "normal", a logout, a time-out) ends it; the next
# launch starts a new attempt. A suspended or unfinished attempt resumes.
ENDING_EXITS = {"normal", "logout", "time-out"}


def _activity(*, lesson: LessonPage, activity_id: str) -> dict:
    activity = lesson.package_activities().get(activity_id)
    if activity is None or activity["package"] is None:
        raise catalogue_services.CourseError(ACTIVITY_NOT_FOUND)
    if not activity["package"].is_ready:
        raise catalogue_services.CourseError(NOT_READY)
    return activity


def mastery(activity: dict, unit: manifests.Unit) -> float | None:
    """The scaled score a unit needs: the block's pass mark, else the
    package's own mastery score, else none (completing it is enough)."""
    if activity["pass_mark"] is not None:
        return activity["pass_mark"] / 100
    return unit.mastery


def _ended(attempt: ScormAttempt) -> bool:
    if not attempt.commits or attempt.exit == "suspend":
        return False
    return attempt.exit in ENDING_EXITS or attempt.completion_status == cmi.COMPLETED


@transaction.atomic
def scorm_attempt_launch(
    *, user: User, lesson: LessonPage, activity_id: str, unit_index: int
) -> ScormAttempt:
    """The attempt a learner plays when they start a SCO: the one they left
    (suspended or unfinished, on files that still exist), or a new one."""
    course = progress_services.lesson_course_checked(user=user, lesson=lesson)
    activity = _activity(lesson=lesson, activity_id=activity_id)
    package: ScormPackage = activity["package"]
    units = package.units
    if not 0 <= unit_index < len(units):
        raise catalogue_services.CourseError(UNIT_NOT_FOUND)
    unit = units[unit_index]
    last = (
        ScormAttempt.objects.select_for_update()
        .filter(user=user, lesson=lesson, activity_id=activity_id, unit=unit.identifier)
        .order_by("-number")
        .first()
    )
    current = last is not None and last.directory in (package.directory, package.previous_directory)
    if last is not None and current and not _ended(last):
        return last
    return ScormAttempt.objects.create(
        user=user, lesson=lesson, course=course, package=package, activity_id=activity_id,
        unit=unit.identifier, number=(last.number + 1) if last else 1,
        directory=package.directory,
    )  # fmt: skip


def _done(attempt: ScormAttempt, needed: float | None) -> bool:
    """Completed, and passed where a mastery score applies: by the package's
    own success status, or by a score at the mark when it reports none."""
    if attempt.completion_status != cmi.COMPLETED:
        return False
    if needed is None:
        return attempt.success_status != cmi.FAILED
    if attempt.best_score is not None:
        return attempt.best_score >= round(needed * 100)
    return attempt.success_status == cmi.PASSED


def _apply(attempt: ScormAttempt, commit: cmi.Commit, now: dt.datetime) -> None:
    if attempt.completion_status != cmi.COMPLETED:
        attempt.completion_status = commit.completion
    if attempt.success_status != cmi.PASSED:
        attempt.success_status = commit.success
    for name in ("score_raw", "score_min", "score_max", "score_scaled"):
        setattr(attempt, name, getattr(commit, name))
    percent = commit.score_percent
    if percent is not None:
        attempt.best_score = max(attempt.best_score or 0, round(min(percent, 100)))
    attempt.location = commit.location
    attempt.suspend_data = commit.suspend_data
    attempt.exit = commit.exit
    attempt.interactions = commit.interactions
    reported = commit.total_seconds or commit.session_seconds
    attempt.reported_seconds = max(attempt.reported_seconds, reported)
    attempt.commits += 1
    attempt.updated_at = now
    if attempt.completion_status == cmi.COMPLETED and attempt.completed_at is None:
        attempt.completed_at = now


# What a commit changes in an attempt (a narrower UPDATE than the whole row).
COMMITTED_FIELDS = [
    "completion_status", "success_status", "score_raw", "score_min", "score_max",
    "score_scaled", "best_score", "location", "suspend_data", "exit", "interactions",
    "reported_seconds", "commits", "updated_at", "completed_at", "done_at",
]  # fmt: skip


def _block_settings(body: list, activity_id: str) -> dict | None:
    """A package block's settings (package id, required, pass mark) read
    from the lesson's raw stream data, without building the body or loading
    the snippet."""
    for item in body:
        if item.get("id") == activity_id and item.get("type") == "scorm":
            value = item.get("value") or {}
            return {
                "package": value.get("package"),
                "required": value.get("required", True),
                "pass_mark": value.get("pass_mark"),
            }
    return None


def scorm_commit_record(
    *, user: User, attempt_id: int, data
) -> tuple[ScormAttempt, LessonProgress]:
    """Store what a SCO committed for the learner's own attempt and let it
    move progress; raises CourseError (nothing stored) for an attempt that
    is not theirs, a package no longer in the lesson or invalid data.
    Most commits move nothing but the attempt: they cost one read and one
    conditional write (courses.scorm.commit_sql). A commit that moves
    progress, the first one before a progress row exists, and one that
    raced another commit of the same attempt take the locked path."""
    context = commit_sql.commit_context(user_id=user.pk, attempt_id=attempt_id)
    if context is None:
        raise catalogue_services.CourseError(ATTEMPT_NOT_FOUND)
    if not context.lesson_live:
        raise catalogue_services.CourseError(progress_services.LESSON_UNAVAILABLE)
    if not context.enrolled:
        raise catalogue_services.CourseError(progress_services.NOT_ENROLLED)
    attempt, package = context.attempt, context.package
    activity = _block_settings(context.lesson_body, attempt.activity_id)
    if activity is None or activity["package"] != package.pk:
        raise catalogue_services.CourseError(ACTIVITY_NOT_FOUND)
    if not package.is_ready:
        raise catalogue_services.CourseError(NOT_READY)
    if attempt.directory not in (package.directory, package.previous_directory):
        raise catalogue_services.CourseError(OUTDATED_FILES)
    try:
        commit = cmi.commit_read(package.version, data)
    except cmi.CommitError as error:
        raise catalogue_services.CourseError(error.message) from None
    unit = next((unit for unit in package.units if unit.identifier == attempt.unit), None)
    needed = mastery(activity, unit) if unit is not None else None
    progress, read_commits = context.progress, attempt.commits
    _apply(attempt, commit, timezone.now())
    change = _progress_change(attempt, progress, unit=unit, needed=needed)
    if progress is not None and change is not STATUS:  # (no row: STATUS)
        better = change is BEST_SCORE
        with transaction.atomic() if better else contextlib.nullcontext():
            if commit_sql.attempt_write(
                attempt=attempt, fields=COMMITTED_FIELDS, read_commits=read_commits
            ):
                if better:
                    progress.best_score = attempt.best_score
                    commit_sql.progress_best_score_raise(progress=progress)
                return attempt, progress
    with transaction.atomic():
        attempt = (
            ScormAttempt.objects.select_for_update()
            .only("user", "lesson", "course", "unit", *COMMITTED_FIELDS)
            .get(pk=attempt.pk)
        )
        return _commit_store(attempt, commit, user=user, unit=unit, needed=needed)


# What a commit changes in the learner's progress in the lesson (None: nothing).
BEST_SCORE = "best score"  # a higher best score only: no completion rule reads it
STATUS = "status"  # the attempt becomes done, or the row is new or unopened: re-evaluated


def _becomes_done(attempt: ScormAttempt, *, unit, needed) -> bool:
    return unit is not None and attempt.done_at is None and _done(attempt, needed)


def _progress_change(attempt: ScormAttempt, progress: LessonProgress | None, *, unit, needed):
    """How the commit applied to `attempt` changes the learner's progress."""
    if (
        _becomes_done(attempt, unit=unit, needed=needed)
        or progress is None
        or progress.first_opened_at is None
        or progress.status == LessonProgress.Status.NOT_STARTED
    ):
        return STATUS
    if (attempt.best_score or 0) > (progress.best_score or 0):
        return BEST_SCORE
    return None


def _commit_store(attempt: ScormAttempt, commit: cmi.Commit, *, user, unit, needed):
    now = timezone.now()
    lesson = LessonPage.objects.get(pk=attempt.lesson_id)
    progress = progress_services.progress_for_update(
        user=user, lesson=lesson, course=attempt.course_id
    )
    _apply(attempt, commit, now)
    change = _progress_change(attempt, progress, unit=unit, needed=needed)
    if _becomes_done(attempt, unit=unit, needed=needed):
        attempt.done_at = now
    attempt.save(update_fields=COMMITTED_FIELDS)
    if change is None:
        return attempt, progress
    if attempt.best_score is not None:
        progress.best_score = max(progress.best_score or 0, attempt.best_score)
    progress.first_opened_at = progress.first_opened_at or now
    course = CoursePage.objects.get(pk=attempt.course_id)
    return attempt, progress_services.progress_advance(progress, lesson, course)


def resume_data(*, user: User, attempt: ScormAttempt, activity: dict) -> dict:
    """What the runtime loads before the SCO starts (scorm-again's
    loadFromJSON): who the learner is, and where they left off."""
    package = attempt.package
    unit = next(unit for unit in package.units if unit.identifier == attempt.unit)
    needed = mastery(activity, unit)
    resuming = attempt.commits > 0 and attempt.exit == "suspend"
    name = f"{user.last_name}, {user.first_name}".strip(", ") or user.email
    if package.version == manifests.SCORM12:
        status = (
            attempt.success_status if attempt.success_status in (cmi.PASSED, cmi.FAILED)
            else "completed" if attempt.completion_status == cmi.COMPLETED
            else "incomplete" if attempt.commits else "not attempted"
        )  # fmt: skip
        core = {
            "student_id": str(user.pk), "student_name": name,
            "lesson_location": attempt.location, "lesson_status": status,
            "entry": "resume" if resuming else ("" if attempt.commits else "ab-initio"),
            "credit": "credit", "lesson_mode": "normal",
            "total_time": _timespan_12(attempt.reported_seconds),
        }  # fmt: skip
        data = {"core": core, "suspend_data": attempt.suspend_data, "launch_data": unit.launch_data}
        if needed is not None:
            data["student_data"] = {"mastery_score": str(round(needed * 100))}
        return {"cmi": data}
    data = {
        "learner_id": str(user.pk), "learner_name": name, "location": attempt.location,
        "suspend_data": attempt.suspend_data, "launch_data": unit.launch_data,
        "entry": "resume" if resuming else "ab-initio", "credit": "credit", "mode": "normal",
        "completion_status": attempt.completion_status,
        "success_status": attempt.success_status,
        "total_time": f"PT{attempt.reported_seconds:.2f}S",
    }  # fmt: skip
    if needed is not None:
        data["scaled_passing_score"] = str(needed)
    return {"cmi": data}


NOT_SEQUENCED = _("This package has no sequencing to keep.")
BAD_SEQUENCING_STATE = _("The sequencing state sent is not valid.")


def _sequenced_package(*, user: User, lesson: LessonPage, activity_id: str) -> ScormPackage:
    progress_services.lesson_course_checked(user=user, lesson=lesson)
    package = _activity(lesson=lesson, activity_id=activity_id)["package"]
    if not package.manifest.get("activity_tree"):
        raise catalogue_services.CourseError(NOT_SEQUENCED)
    return package


def sequencing_state_for(*, user: User, lesson: LessonPage, activity_id: str) -> dict:
    """What the runtime evaluates a SCORM 2004 package's sequencing with:
    the activity tree read from its manifest, the shared sequencing
    definitions, and the learner's saved state in this package version
    (None on a first visit, or after the package was replaced)."""
    package = _sequenced_package(user=user, lesson=lesson, activity_id=activity_id)
    saved = (
        ScormSequencingState.objects.filter(
            user=user, lesson=lesson, activity_id=activity_id, directory=package.directory
        )
        .values_list("state", flat=True)
        .first()
    )
    return {
        "activityTree": package.manifest["activity_tree"],
        "collections": package.manifest.get("collections", {}),
        "state": saved,
    }


@transaction.atomic
def sequencing_state_save(
    *, user: User, lesson: LessonPage, activity_id: str, state: str
) -> ScormSequencingState:
    """Keep the learner's sequencing state (a JSON object, as the runtime
    serializes it) for their next visit; anything else is refused."""
    package = _sequenced_package(user=user, lesson=lesson, activity_id=activity_id)
    try:
        valid = isinstance(json.loads(state), dict)
    except ValueError:
        valid = False
    if not valid:
        raise catalogue_services.CourseError(BAD_SEQUENCING_STATE)
    saved, _created = ScormSequencingState.objects.update_or_create(
        user=user,
        lesson=lesson,
        activity_id=activity_id,
        defaults={
            "package": package,
            "directory": package.directory,
            "state": state,
            "updated_at": timezone.now(),
        },
    )
    return saved


def _timespan_12(seconds: float) -> str:
    whole, hundredths = int(seconds), int(seconds * 100) % 100
    return f"{whole // 3600:04d}:{whole % 3600 // 60:02d}:{whole % 60:02d}.{hundredths:02d}"


def attempt_summary(attempt: ScormAttempt) -> dict:
    """The attempt as the player shows it after a commit."""
    return {
        "completion": attempt.completion_status,
        "success": attempt.success_status,
        "score": attempt.best_score,
        "done": attempt.done_at is not None,
    }


FETCH_USED = _("This launch address was used already. Start the part again from the lesson.")
TOKEN_REFUSED = _("The AU's access token is not valid (any more).")


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


@transaction.atomic
def cmi5_session_start(*, attempt: ScormAttempt) -> tuple[Cmi5Session, str]:
    """A new session of the attempt's AU, with the secret of its single-use
    fetch address (returned once, kept only hashed)."""
    if attempt.registration is None:
        attempt.registration = uuid.uuid4()
        attempt.save(update_fields=["registration"])
    secret = secrets.token_urlsafe(24)
    session = Cmi5Session.objects.create(
        attempt=attempt, session_id=uuid.uuid4(), fetch_secret_hash=_sha256(secret)
    )
    return session, secret


@transaction.atomic
def cmi5_token_fetch(*, session_id, secret: str) -> str:
    """The auth token of a session, handed out once through its fetch
    address (cmi5 section 8.2): the value for the AU's Basic header."""
    session = (
        Cmi5Session.objects.select_for_update()
        .filter(session_id=session_id, fetch_secret_hash=_sha256(secret))
        .first()
    )
    if session is None or session.fetched_at is not None:
        raise catalogue_services.CourseError(FETCH_USED)
    token = secrets.token_urlsafe(32)
    session.token_hash = _sha256(token)
    session.fetched_at = timezone.now()
    session.save(update_fields=["token_hash", "fetched_at"])
    return base64.b64encode(f"{session.session_id}:{token}".encode()).decode()


def cmi5_session_for(*, authorization: str, user: User) -> Cmi5Session:
    """The live session whose token the AU sent, if it belongs to the user
    who is logged in (the token is bound to the learner)."""
    scheme, _space, value = authorization.partition(" ")
    try:
        session_id, _colon, token = base64.b64decode(value, validate=True).decode().partition(":")
        session_uuid = uuid.UUID(session_id)
    except (ValueError, UnicodeDecodeError):
        raise catalogue_services.CourseError(TOKEN_REFUSED) from None
    session = (
        Cmi5Session.objects.select_related("attempt__package", "attempt__lesson")
        .filter(session_id=session_uuid, terminated_at__isnull=True)
        .exclude(token_hash="")
        .first()
    )
    if (
        scheme.lower() != "basic"
        or session is None
        or not secrets.compare_digest(session.token_hash, _sha256(token))
        or session.attempt.user_id != user.pk
    ):
        raise catalogue_services.CourseError(TOKEN_REFUSED)
    return session


def cmi5_launch_data(*, session: Cmi5Session, return_url: str) -> dict:
    attempt = session.attempt
    lesson = attempt.lesson.specific
    activity = lesson.package_activities().get(attempt.activity_id) or {"pass_mark": None}
    unit = next(unit for unit in attempt.package.units if unit.identifier == attempt.unit)
    return cmi5.launch_data(
        session_id=str(session.session_id), move_on=unit.move_on,
        mastery=mastery(activity, unit), return_url=return_url,
    )  # fmt: skip


@transaction.atomic
def cmi5_statements_record(
    *, user: User, session_id, statements: list
) -> tuple[ScormAttempt, LessonProgress]:
    """Store the statements an AU sent in one request, all or none, after
    checking each against cmi5's rules; they move the attempt and progress."""
    session = Cmi5Session.objects.select_for_update().get(session_id=session_id)
    attempt = (
        ScormAttempt.objects.select_for_update()
        .select_related("package", "lesson")
        .get(pk=session.attempt_id, user=user)
    )
    lesson = attempt.lesson.specific
    course = progress_services.lesson_course_checked(user=user, lesson=lesson)
    activity = _activity(lesson=lesson, activity_id=attempt.activity_id)
    unit = next(unit for unit in attempt.package.units if unit.identifier == attempt.unit)
    needed = mastery(activity, unit)
    state = cmi5.SessionState(
        initialized=session.initialized_at is not None,
        terminated=session.terminated_at is not None,
        judged=any(verb in (cmi5.PASSED, cmi5.FAILED) for verb in _verbs(session)),
        completed=attempt.completion_status == cmi.COMPLETED,
        passed=attempt.success_status == cmi.PASSED,
    )
    now = timezone.now()
    try:
        read = [
            cmi5.statement_read(
                data,
                activity_id=unit.identifier,
                registration=str(attempt.registration),
                session_id=str(session.session_id),
            )
            for data in statements
        ]
        for statement in read:
            cmi5.order_check(state, statement, needed)
    except cmi5.StatementError as error:
        raise catalogue_services.CourseError(error.message) from None
    for statement, data in zip(read, statements, strict=True):
        _cmi5_apply(attempt, session, statement, now)
        session.statements.append(data)
    session.save()
    attempt.commits += len(read)
    attempt.updated_at = now
    if attempt.done_at is None and cmi5.move_on_met(
        unit.move_on,
        completed=attempt.completion_status == cmi.COMPLETED,
        passed=attempt.success_status == cmi.PASSED,
    ):
        attempt.done_at = now
    attempt.save()
    progress = progress_services.progress_for_update(user=user, lesson=lesson, course=course)
    if attempt.best_score is not None:
        progress.best_score = max(progress.best_score or 0, attempt.best_score)
    progress.first_opened_at = progress.first_opened_at or now
    return attempt, progress_services.progress_advance(progress, lesson, course)


def _verbs(session: Cmi5Session) -> list[str]:
    return [data["verb"]["id"].removeprefix(cmi5.VERBS) for data in session.statements]


def _cmi5_apply(attempt, session, statement: cmi5.Statement, now) -> None:
    if statement.verb == cmi5.INITIALIZED:
        session.initialized_at = now
    elif statement.verb == cmi5.TERMINATED:
        session.terminated_at = now
        ended = attempt.done_at is not None or attempt.completion_status == cmi.COMPLETED
        attempt.exit = "normal" if ended else "suspend"
    elif statement.verb == cmi5.COMPLETED:
        attempt.completion_status = cmi.COMPLETED
        attempt.completed_at = attempt.completed_at or now
    elif statement.verb in (cmi5.PASSED, cmi5.FAILED):
        if attempt.success_status != cmi.PASSED:
            attempt.success_status = statement.verb
        if statement.score_scaled is not None:
            percent = round(max(0.0, statement.score_scaled) * 100)
            attempt.score_scaled = statement.score_scaled
            attempt.best_score = max(attempt.best_score or 0, percent)
