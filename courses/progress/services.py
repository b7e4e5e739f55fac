"""Writes on a learner's progress: opening a lesson, heartbeats, marking it
done, quiz attempts, and the completion rules that complete the lesson and
the course. Keyword-only, atomic; refusals raise CourseError with one of the
message constants below."""

import uuid
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses import emails
from courses.catalogue import quiz
from courses.catalogue.services import CourseError
from courses.models import (
    CoursePage,
    Enrolment,
    LearningSession,
    LessonPage,
    LessonProgress,
    QuizAttempt,
)
from courses.progress import heartbeat_sql, rules, selectors

NOT_ENROLLED = _("You are not enrolled on this course.")
LESSON_UNAVAILABLE = _("This lesson is not available.")
BUTTON_NOT_ALLOWED = _("This lesson is completed in another way, not with the button.")
QUIZ_NOT_FOUND = _("This quiz does not exist in this lesson. Reload the page and try again.")
VISIT_UNKNOWN = _("This page visit is not known. Reload the lesson.")
TOO_FREQUENT = _("Too many heartbeats; slow down.")
NO_ATTEMPTS_LEFT = _("You have used all attempts for this quiz.")


def lesson_course_checked(*, user: User, lesson: LessonPage) -> CoursePage:
    """The lesson's course, read with the learner's enrolment in one query."""
    if not lesson.live:
        raise CourseError(LESSON_UNAVAILABLE)
    enrolled = Enrolment.objects.active().filter(user=user, course=OuterRef("pk"))
    course = CoursePage.objects.ancestor_of(lesson).annotate(enrolled=Exists(enrolled)).get()
    if not course.enrolled:
        raise CourseError(NOT_ENROLLED)
    return course


def _in_current_attempt(attempts, *, course_id: int):
    """Quiz attempts (a queryset) annotated with `in_attempt`: submitted in
    the learner's current attempt at the course. A re-certification starts a
    new attempt; the earlier quiz attempts stay as evidence but neither pass
    a lesson nor use up its attempt limit. In the same query."""
    started = Enrolment.objects.active().filter(user=OuterRef("user"), course_id=course_id)
    return attempts.annotate(
        attempt_started=Subquery(started.values("attempt_started_at")[:1])
    ).annotate(
        in_attempt=ExpressionWrapper(
            Q(attempt_started__isnull=True) | Q(submitted_at__gte=F("attempt_started")),
            output_field=BooleanField(),
        )
    )


def progress_for_update(
    *, user: User, lesson: LessonPage, course: CoursePage | int
) -> LessonProgress:
    """The learner's progress row in the lesson, locked; one query once it
    exists. `course` is the lesson's course or its id."""
    rows = LessonProgress.objects.select_for_update().filter(user=user, lesson=lesson)
    progress = rows.first()
    if progress is None:
        course_id = course if isinstance(course, int) else course.pk
        try:
            with transaction.atomic():
                LessonProgress.objects.create(user=user, lesson=lesson, course_id=course_id)
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
        attempts = QuizAttempt.objects.filter(user=progress.user_id, lesson=lesson, passed=True)
        passed = set(
            _in_current_attempt(attempts, course_id=progress.course_id)
            .filter(in_attempt=True)
            .values_list("quiz_id", flat=True)
        )
        conditions.append(quiz_ids <= passed)
    for rule in rules.LESSON_RULES:  # the rules of the packages above (H5P)
        met = rule(progress, lesson)
        if met is not None:
            conditions.append(met)
    if lesson.complete_min_seconds:
        conditions.append(progress.effective_seconds >= lesson.complete_min_seconds)
    if not conditions:  # no rule chosen: opening the lesson is enough
        conditions.append(progress.first_opened_at is not None)
    return all(conditions)


def progress_advance(
    progress: LessonProgress, lesson: LessonPage, course: CoursePage
) -> LessonProgress:
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
    if needed := course.min_effective_seconds:
        spent = progress.aggregate(total=Sum("effective_seconds"))["total"] or 0
        if spent < needed:
            return
    if not all(rule(user_id, course) for rule in rules.COURSE_RULES):  # live attendance
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
    registered consequences (the certificate's issue) run in the completion's
    own transaction, and the learner gets an email once it commits."""
    for handler in rules.COURSE_COMPLETED:
        handler(enrolment=enrolment)
    transaction.on_commit(lambda: emails.send_completion(enrolment))


class LessonOpening(NamedTuple):
    """What opening a lesson gives its page: the learner's progress in the
    lesson, the learning session its heartbeats extend, and the learner's
    progress rows in the whole course (for the programme's done marks)."""

    progress: LessonProgress
    session: LearningSession
    course_progress: dict[int, LessonProgress]


def lesson_open(*, user: User, lesson: LessonPage) -> LessonOpening:
    """Record that the learner opened the lesson (when first and last) and
    start the learning session its heartbeats will extend. The lesson page
    runs this on every view, so the common case is one read (enrolment and
    progress rows) and two single-statement writes (an upsert of the
    opening, the session row), each consistent on its own: no transaction
    (the session row's `create` runs in none; the upsert is hand-written
    SQL, as `bulk_create` would open one).
    Only an opening that may change the status (a row not started yet, or a
    lesson completed by opening it) takes the locked path of the other
    progress writes."""
    if not lesson.live:
        raise CourseError(LESSON_UNAVAILABLE)
    course = selectors.course_of_lesson(lesson)
    rows = selectors.enrolled_course_progress(user, course, lesson)
    if rows is None:
        raise CourseError(NOT_ENROLLED)
    now = timezone.now()
    progress = rows.get(lesson.pk)
    if _opening_may_change_status(progress, lesson):
        progress = _lesson_open_locked(user=user, lesson=lesson, course=course, now=now)
    else:
        heartbeat_sql.opening_upsert(
            user_id=user.pk, lesson_id=lesson.pk, course_id=course.pk, now=now
        )
        if progress is None:  # a first opening (a concurrent one only moves last_opened_at)
            progress = LessonProgress(
                user=user, lesson=lesson, course=course, first_opened_at=now,
                status=LessonProgress.Status.IN_PROGRESS,
            )  # fmt: skip
        progress.last_opened_at = now
    rows[lesson.pk] = progress
    session = LearningSession.objects.create(
        user=user, course=course, lesson=lesson, visit=str(uuid.uuid4()),
        started_at=now, last_seen_at=now,
    )  # fmt: skip
    return LessonOpening(progress, session, rows)


def _opening_may_change_status(progress: LessonProgress | None, lesson: LessonPage) -> bool:
    """Whether opening the lesson may move the learner's status beyond "in
    progress": a lesson completed by opening it (or with no rule at all) not
    completed yet, or a row that exists but was never opened. Every other
    rule is met by a heartbeat, the button, a quiz or an H5P result, each
    of which re-evaluates the lesson itself."""
    if progress is not None and progress.is_completed:
        return False
    no_rule = not (
        lesson.complete_by_button
        or lesson.complete_by_quiz
        or lesson.complete_by_h5p
        or lesson.complete_by_packages
        or lesson.complete_min_seconds
    )
    never_opened = progress is not None and (
        progress.first_opened_at is None or progress.status == LessonProgress.Status.NOT_STARTED
    )
    return lesson.complete_on_open or no_rule or never_opened


@transaction.atomic
def _lesson_open_locked(
    *, user: User, lesson: LessonPage, course: CoursePage, now
) -> LessonProgress:
    """Record an opening that may complete the lesson (and the course) under
    the row lock every other progress write takes."""
    progress = progress_for_update(user=user, lesson=lesson, course=course)
    progress.first_opened_at = progress.first_opened_at or now
    progress.last_opened_at = max(progress.last_opened_at or now, now)
    return progress_advance(progress, lesson, course)


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
        progress = progress_for_update(user=user, lesson=lesson, course=course)
        progress_advance(progress, lesson, course)
    return credit


@transaction.atomic
def lesson_mark_done(*, user: User, lesson: LessonPage) -> LessonProgress:
    """The learner's "mark as done" button, where the lesson's rule allows it."""
    course = lesson_course_checked(user=user, lesson=lesson)
    if not lesson.complete_by_button:
        raise CourseError(BUTTON_NOT_ALLOWED)
    progress = progress_for_update(user=user, lesson=lesson, course=course)
    progress.first_opened_at = progress.first_opened_at or timezone.now()
    progress.marked_done_at = progress.marked_done_at or timezone.now()
    return progress_advance(progress, lesson, course)


def _quiz_summary_entry(attempt: QuizAttempt, used: int) -> dict:
    """The progress row's record of a quiz after `attempt`, its newest one,
    the `used`-th of the current attempt at the course."""
    last = {key: getattr(attempt, key) for key in ("number", "score", "passed", "answers")}
    return {"attempts": used, "last": last}


@transaction.atomic
def quiz_attempt_submit(*, user: User, lesson: LessonPage, quiz_id: str, data) -> QuizAttempt:
    """Grade a posted quiz on the server and store the attempt."""
    course = lesson_course_checked(user=user, lesson=lesson)
    quiz_value = dict(lesson.quizzes()).get(quiz_id)
    if quiz_value is None:
        raise CourseError(QUIZ_NOT_FOUND)
    progress = progress_for_update(user=user, lesson=lesson, course=course)
    counts = _in_current_attempt(
        QuizAttempt.objects.filter(user=user, lesson=lesson, quiz_id=quiz_id), course_id=course.pk
    ).aggregate(total=Count("pk"), used=Count("pk", filter=Q(in_attempt=True)))
    used = counts["used"]
    if not quiz.may_attempt(quiz_value, used):
        raise CourseError(NO_ATTEMPTS_LEFT)
    try:
        answers = quiz.read_answers(quiz.questions(quiz_value), data)
    except quiz.QuizInputError as error:
        raise CourseError(error.message) from None
    score, _results = quiz.grade(quiz.questions(quiz_value), answers)
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson=lesson,
        quiz_id=quiz_id,
        number=counts["total"] + 1,  # numbered across attempts: each one is kept
        answers=answers,
        score=score,
        passed=score >= quiz_value["pass_mark"],
    )
    progress.first_opened_at = progress.first_opened_at or attempt.submitted_at
    progress.best_score = max(progress.best_score or 0, score)
    progress.quiz_summary = {
        **progress.quiz_summary,
        quiz_id: _quiz_summary_entry(attempt, used + 1),
    }
    progress_advance(progress, lesson, course)
    return attempt
