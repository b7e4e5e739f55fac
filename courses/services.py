"""Writes on courses: enrolment (self, assigned), lesson progress and quiz
attempts. Keyword-only, atomic; refusals raise CourseError with one of the
message constants below."""

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from lms.errors import ServiceError

from . import certificates, emails, heartbeat_sql, quiz
from .h5p import xapi
from .models import (
    Attendance,
    CoursePage,
    Enrolment,
    H5PPackage,
    H5PResult,
    H5PStatement,
    H5PUserData,
    LearningSession,
    LessonPage,
    LessonProgress,
    LiveSession,
    QuizAttempt,
)

ENROLMENT_CLOSED = _("This course is not open for self-enrolment. Ask your coordinator.")
NOT_ENROLLED = _("You are not enrolled on this course.")
LESSON_UNAVAILABLE = _("This lesson is not available.")
BUTTON_NOT_ALLOWED = _("This lesson is completed in another way, not with the button.")
QUIZ_NOT_FOUND = _("This quiz does not exist in this lesson. Reload the page and try again.")
VISIT_UNKNOWN = _("This page visit is not known. Reload the lesson.")
TOO_FREQUENT = _("Too many heartbeats; slow down.")
NO_ATTEMPTS_LEFT = _("You have used all attempts for this quiz.")
H5P_ACTIVITY_NOT_FOUND = _(
    "This H5P activity does not exist in this lesson. Reload the page and try again."
)
H5P_NOT_READY = _("This H5P activity is not available yet.")
H5P_BAD_USER_DATA = _("The saved state of an H5P activity is not valid.")
H5P_SCORE_MAX_CHANGED = _("The score's maximum differs from the one this activity reported before.")


class CourseError(ServiceError):
    """A refused course operation (enrolment, progress, quiz)."""


@dataclass(frozen=True)
class AssignResult:
    created: list[Enrolment]
    already_enrolled: int


def course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.ancestor_of(lesson).get()


def active_enrolment(*, user: User, course: CoursePage) -> Enrolment | None:
    return Enrolment.objects.active().filter(user=user, course=course).first()


@transaction.atomic
def enrolment_self(*, user: User, course: CoursePage) -> Enrolment:
    """A learner joins a course open for self-enrolment (idempotent)."""
    existing = active_enrolment(user=user, course=course)
    if existing:
        return existing
    if not (course.live and course.self_enrolment and user.is_active):
        raise CourseError(ENROLMENT_CLOSED)
    return _enrol(user=user, course=course, by=user, method=Enrolment.Method.SELF, deadline=None)


def _enrol(*, user, course, by, method, deadline) -> Enrolment:
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                user=user, course=course, enrolled_by=by, method=method, deadline=deadline
            )
    except IntegrityError:  # a concurrent request enrolled them first
        return Enrolment.objects.active().get(user=user, course=course)


@transaction.atomic
def enrolment_assign(
    *,
    course: CoursePage,
    users,
    by: User,
    method: str,
    deadline: date | None,
    notify: bool = True,
) -> AssignResult:
    """Enrol the given people (already active enrolments are left as they
    are) and, unless told not to, email the newly assigned once the
    transaction commits."""
    users = list(users)
    enrolled = set(
        Enrolment.objects.active()
        .filter(course=course, user__in=users)
        .values_list("user_id", flat=True)
    )
    created = [
        _enrol(user=user, course=course, by=by, method=method, deadline=deadline)
        for user in users
        if user.pk not in enrolled and user.is_active
    ]
    if notify:
        transaction.on_commit(lambda: emails.send_assignments(created))
    return AssignResult(created=created, already_enrolled=len(enrolled))


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by: User) -> Enrolment:
    """End an enrolment; the row stays as history."""
    if enrolment.withdrawn_at is None:
        enrolment.withdrawn_at = timezone.now()
        enrolment.withdrawn_by = by
        enrolment.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return enrolment


def _checked(*, user: User, lesson: LessonPage) -> CoursePage:
    """The lesson's course, read with the learner's enrolment in one query."""
    if not lesson.live:
        raise CourseError(LESSON_UNAVAILABLE)
    enrolled = Enrolment.objects.active().filter(user=user, course=OuterRef("pk"))
    course = CoursePage.objects.ancestor_of(lesson).annotate(enrolled=Exists(enrolled)).get()
    if not course.enrolled:
        raise CourseError(NOT_ENROLLED)
    return course


def _progress_for_update(*, user: User, lesson: LessonPage, course: CoursePage) -> LessonProgress:
    """The learner's progress row in the lesson, locked; one query once it exists."""
    rows = LessonProgress.objects.select_for_update().filter(user=user, lesson=lesson)
    progress = rows.first()
    if progress is None:
        try:
            with transaction.atomic():
                LessonProgress.objects.create(user=user, lesson=lesson, course=course)
        except IntegrityError:  # created concurrently; the row exists now
            pass
        progress = rows.get()
    return progress


def _lesson_conditions_met(progress: LessonProgress, lesson: LessonPage) -> bool:
    conditions = []
    if lesson.complete_on_open:
        conditions.append(progress.first_opened_at is not None)
    if lesson.complete_by_button:
        conditions.append(progress.marked_done_at is not None)
    if lesson.complete_by_quiz:
        quiz_ids = {quiz_id for quiz_id, _value in lesson.quizzes()}
        passed = set(
            QuizAttempt.objects.filter(
                user=progress.user_id, lesson=lesson, passed=True
            ).values_list("quiz_id", flat=True)
        )
        conditions.append(quiz_ids <= passed)
    if lesson.complete_by_h5p:
        required = {key for key, value in lesson.h5p_activities().items() if value["required"]}
        completed = set(
            H5PResult.objects.filter(
                user=progress.user_id, lesson=lesson, completed_at__isnull=False
            ).values_list("activity_id", flat=True)
        )
        conditions.append(required <= completed)
    if lesson.complete_min_seconds:
        conditions.append(progress.effective_seconds >= lesson.complete_min_seconds)
    if not conditions:  # no rule chosen: opening the lesson is enough
        conditions.append(progress.first_opened_at is not None)
    return all(conditions)


def _advance(progress: LessonProgress, lesson: LessonPage, course: CoursePage) -> LessonProgress:
    """Move the status forward (never back) and complete the course when the
    last required lesson is done."""
    now = timezone.now()
    if not progress.is_completed and _lesson_conditions_met(progress, lesson):
        progress.status = LessonProgress.Status.COMPLETED
        progress.completed_at = now
    elif progress.status == LessonProgress.Status.NOT_STARTED:
        progress.status = LessonProgress.Status.IN_PROGRESS
    progress.save()
    if progress.is_completed:
        _complete_course_if_done(user_id=progress.user_id, course=course, now=now)
    return progress


def live_attendance_share(*, user: User, course: CoursePage) -> tuple[int, int]:
    """(sessions attended, sessions expected at) for a learner on a course:
    every session of the course they are expected at, past or future, and
    those where they were present or late."""
    sessions = LiveSession.objects.filter(course=course).expecting(user)
    expected = sessions.count()
    attended = (
        Attendance.objects.attended().filter(user=user, session__in=sessions).count()
        if expected
        else 0
    )
    return attended, expected


def live_attendance_met(*, user: User, course: CoursePage) -> bool:
    """The course's live-session rule: at least the required share of the
    sessions the learner is expected at. A learner expected at no session
    does not meet a rule that asks for attendance (nothing was attended)."""
    if not course.live_attendance_min_percent:
        return True
    attended, expected = live_attendance_share(user=user, course=course)
    return bool(expected) and attended * 100 >= course.live_attendance_min_percent * expected


def course_completion_check(*, user: User, course: CoursePage) -> None:
    """Re-evaluate course completion after something outside the lessons
    changed (live-session attendance)."""
    _complete_course_if_done(user_id=user.pk, course=course, now=timezone.now())


def _complete_course_if_done(*, user_id: int, course: CoursePage, now) -> None:
    """Decide course completion the moment its last condition holds: every
    required lesson completed and, when the course asks for them, enough
    effective time and enough live-session attendance. Stored once; later
    rule changes (or attendance corrections) never take it away."""
    required = set(course.lessons().filter(is_required=True).values_list("pk", flat=True))
    progress = LessonProgress.objects.filter(user_id=user_id, course=course)
    done = set(
        progress.filter(status=LessonProgress.Status.COMPLETED).values_list("lesson_id", flat=True)
    )
    if not required <= done:
        return
    if course.completion_min_time_percent:
        needed = float(course.hours) * 3600 * course.completion_min_time_percent / 100
        spent = progress.aggregate(total=Sum("effective_seconds"))["total"] or 0
        if spent < needed:
            return
    if course.live_attendance_min_percent and not live_attendance_met(
        user=User.objects.get(pk=user_id), course=course
    ):
        return
    # The filter on completed_at makes this fire exactly once, also under concurrency.
    completed = (
        Enrolment.objects.active()
        .filter(user_id=user_id, course=course, completed_at__isnull=True)
        .update(completed_at=now)
    )
    if completed:
        enrolment = (
            Enrolment.objects.active()
            .select_related("user", "course")
            .get(user_id=user_id, course=course)
        )
        course_completion_announce(enrolment=enrolment)


def course_completion_announce(*, enrolment: Enrolment) -> None:
    """Tell the rest of the platform that a learner completed a course: the
    certificate is issued in the completion's own transaction, and the
    learner gets an email once it commits."""
    certificates.certificate_issue(enrolment=enrolment)
    transaction.on_commit(lambda: emails.send_completion(enrolment))


@transaction.atomic
def lesson_open(*, user: User, lesson: LessonPage) -> tuple[LessonProgress, LearningSession]:
    """Record that the learner opened the lesson and start the learning
    session its heartbeats will extend."""
    course = _checked(user=user, lesson=lesson)
    progress = _progress_for_update(user=user, lesson=lesson, course=course)
    now = timezone.now()
    progress.first_opened_at = progress.first_opened_at or now
    progress.last_opened_at = max(progress.last_opened_at or now, now)
    session = LearningSession.objects.create(
        user=user, course=course, lesson=lesson, visit=str(uuid.uuid4()),
        started_at=now, last_seen_at=now,
    )  # fmt: skip
    return _advance(progress, lesson, course), session


@transaction.atomic
def heartbeat_record(*, user: User, lesson_id: int, visit: str, beat: int) -> int:
    """Credit effective learning time for one heartbeat and return the
    seconds credited. The server decides the time: at most one interval since
    the learner's last credited moment in any tab (so two tabs never double
    time), nothing for a replayed or out-of-order beat, nothing across an
    idle gap (which starts a new session), and a refusal for beats closer
    than the minimum gap. Three queries in the common case (a fourth for the
    learner's row lock on PostgreSQL): it runs every 30 s for every learner."""
    if connection.features.has_select_for_update:  # SQLite serialises writers by itself
        User.objects.select_for_update().filter(pk=user.pk).exists()  # one learner at a time
    state = heartbeat_sql.visit_state(user_id=user.pk, visit=visit)
    if state is None or state.lesson_id != lesson_id:
        raise CourseError(VISIT_UNKNOWN)
    if not state.lesson_live:
        raise CourseError(LESSON_UNAVAILABLE)
    if not state.enrolled:
        raise CourseError(NOT_ENROLLED)
    if beat <= state.last_beat:
        return 0
    now = timezone.now()
    gap = (now - state.last_credited).total_seconds()
    if gap < settings.HEARTBEAT_MIN_GAP_SECONDS:
        raise CourseError(TOO_FREQUENT)
    if (now - state.last_seen_at).total_seconds() > settings.HEARTBEAT_IDLE_GAP_SECONDS:
        LearningSession.objects.create(
            user=user, course_id=state.course_id, lesson_id=lesson_id, visit=visit,
            last_beat=beat, started_at=now, last_seen_at=now,
        )  # fmt: skip
        return 0
    # Whole seconds, at most one interval. A leftover under a second is
    # carried to the next beat (the credited moment moves by the credit, not
    # to now), so beats never lose the fractions; a longer leftover is time
    # beyond the interval, which is not learning time, and is dropped.
    credit = min(int(gap), settings.HEARTBEAT_SECONDS)
    carried = gap - credit < 1
    seen = state.last_credited + timedelta(seconds=credit) if carried else now
    heartbeat_sql.credit_write(state=state, user_id=user.pk, credit=credit, now=seen, beat=beat)
    if credit and state.time_rules:
        # Time is a completion rule here: re-evaluate lesson and course.
        lesson = LessonPage.objects.get(pk=lesson_id)
        course = CoursePage.objects.get(pk=state.course_id)
        progress = _progress_for_update(user=user, lesson=lesson, course=course)
        _advance(progress, lesson, course)
    return credit


@transaction.atomic
def lesson_mark_done(*, user: User, lesson: LessonPage) -> LessonProgress:
    """The learner's "mark as done" button, where the lesson's rule allows it."""
    course = _checked(user=user, lesson=lesson)
    if not lesson.complete_by_button:
        raise CourseError(BUTTON_NOT_ALLOWED)
    progress = _progress_for_update(user=user, lesson=lesson, course=course)
    progress.first_opened_at = progress.first_opened_at or timezone.now()
    progress.marked_done_at = progress.marked_done_at or timezone.now()
    return _advance(progress, lesson, course)


@transaction.atomic
def quiz_attempt_submit(*, user: User, lesson: LessonPage, quiz_id: str, data) -> QuizAttempt:
    """Grade a posted quiz on the server and store the attempt."""
    course = _checked(user=user, lesson=lesson)
    quiz_value = dict(lesson.quizzes()).get(quiz_id)
    if quiz_value is None:
        raise CourseError(QUIZ_NOT_FOUND)
    progress = _progress_for_update(user=user, lesson=lesson, course=course)
    used = QuizAttempt.objects.filter(user=user, lesson=lesson, quiz_id=quiz_id).count()
    if quiz_value["max_attempts"] and used >= quiz_value["max_attempts"]:
        raise CourseError(NO_ATTEMPTS_LEFT)
    try:
        answers = quiz.read_answers(quiz_value, data)
    except quiz.QuizInputError as error:
        raise CourseError(error.message) from None
    score, _results = quiz.grade(quiz_value, answers)
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson=lesson,
        quiz_id=quiz_id,
        number=used + 1,
        answers=answers,
        score=score,
        passed=score >= quiz_value["pass_mark"],
    )
    progress.first_opened_at = progress.first_opened_at or attempt.submitted_at
    progress.best_score = max(progress.best_score or 0, score)
    _advance(progress, lesson, course)
    return attempt


def _h5p_activity(*, lesson: LessonPage, activity_id: str) -> dict:
    activity = lesson.h5p_activities().get(activity_id)
    if activity is None:
        raise CourseError(H5P_ACTIVITY_NOT_FOUND)
    if activity["package"] is None or not activity["package"].is_ready:
        raise CourseError(H5P_NOT_READY)
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
        raise CourseError(H5P_SCORE_MAX_CHANGED)


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
    course = _checked(user=user, lesson=lesson)
    activity = _h5p_activity(lesson=lesson, activity_id=activity_id)
    try:
        read = xapi.read_statement(statement, iri=xapi.activity_iri(lesson.pk, activity_id))
    except xapi.StatementError as error:
        raise CourseError(error.message) from None
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
    progress = _progress_for_update(user=user, lesson=lesson, course=course)
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
    return stored, _advance(progress, lesson, course)


def h5p_saved_state(*, user: User, lesson: LessonPage, activity_id: str, directory: str):
    """The player's saved state (a JSON string) for resuming, if it was saved
    for the package folder the learner gets now."""
    saved = H5PUserData.objects.filter(
        user=user, lesson=lesson, activity_id=activity_id, data_type="state",
        sub_content_id="0", directory=directory,
    )  # fmt: skip
    return saved.values_list("data", flat=True).first()


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
    _checked(user=user, lesson=lesson)
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
        raise CourseError(H5P_BAD_USER_DATA) from None
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
