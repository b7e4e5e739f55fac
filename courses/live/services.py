"""Writes on live sessions: a learner's check-in with the session's code,
the trainer's attendance register (every change kept as history), the
reminder emails; and who may manage a session and whom they see on its
register. Keyword-only and atomic; refusals raise LiveSessionError with one
of the message constants below, and store nothing."""

import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from accounts import scopes
from accounts.models import User
from courses import emails
from courses.catalogue import selectors as catalogue_selectors
from courses.live.models import checkin_code_normalise
from courses.models import Attendance, AttendanceChange, CoursePage, LiveSession
from courses.progress import services as progress_services
from lms.errors import ServiceError

logger = logging.getLogger(__name__)

CHECKIN_CODE_UNKNOWN = _(
    "This code does not match any live session of this course. "
    "Check the code your trainer shows and try again."
)
CHECKIN_CLOSED = _(
    "Check-in for this session is not open now: it opens shortly before the start "
    "and closes when the session ends."
)
CHECKIN_NOT_EXPECTED = _("You are not expected at this session, so you cannot check in to it.")
CHECKIN_USED = _("You have already checked in to this session.")
CHECKIN_ALREADY_MARKED = _("Your trainer has already recorded your attendance at this session.")
CHECKIN_TOO_MANY = _("Too many wrong codes. Wait a few minutes and try again.")
MARK_NOT_ALLOWED = _("You cannot mark attendance for this session: you do not teach its course.")
MARK_UNKNOWN_LEARNER = _(
    "Some of the learners are not on this session's register; nothing was saved."
)
MARK_BAD_STATUS = _("Choose one of the attendance statuses; nothing was saved.")

# Wrong codes a learner may type per course before waiting (a code has
# 31^6 values and is valid for an hour or two: this keeps guessing hopeless).
CHECKIN_MAX_FAILURES = 10
CHECKIN_FAILURE_SECONDS = 600


class LiveSessionError(ServiceError):
    """A refused check-in or attendance change."""


def sessions_managed_by(user):
    """Sessions a user may edit and keep the register of: all of them for
    administrators and coordinators, a trainer's for the courses they teach."""
    sessions = LiveSession.objects.select_related("course", "trainer")
    if catalogue_selectors.sees_every_course(user):
        return sessions
    if scopes.may_teach(user):
        return sessions.filter(course__in=CoursePage.objects.filter(trainers=user))
    return sessions.none()


def may_manage(user, session: LiveSession) -> bool:
    if catalogue_selectors.sees_every_course(user):
        return True
    return scopes.may_teach(user) and teaches(user, session)


def teaches(user, session: LiveSession) -> bool:
    """Whether the user is one of the trainers of the session's course (as
    stored: not the in-memory list of a page being edited)."""
    return CoursePage.objects.filter(pk=session.course_id, trainers=user).exists()


def register_learners(*, session: LiveSession, viewer):
    """Whom the register lists: the learners expected at the session and
    anyone already recorded on it; the course's trainers and administrators
    see them all, a coordinator those in their scope."""
    recorded = Attendance.objects.filter(session=session).values("user_id")
    expected = session.expected_learners().values("pk")
    learners = User.objects.filter(pk__in=expected) | User.objects.filter(pk__in=recorded)
    if not (scopes.may_see_everyone(viewer) or teaches(viewer, session)):
        learners = learners.filter(pk__in=scopes.participants_in_scope(viewer).values("pk"))
    return learners.select_related("institution").order_by("last_name", "first_name", "pk")


def _wrong_codes(*, user: User, course: CoursePage, add: bool) -> int:
    """Wrong codes the user has typed on the course in the current window,
    counting one more if `add`: django-ratelimit's counter in the shared
    cache, so every process sees the same count. Only wrong codes count: a
    learner who mistypes once and then checks in is never held up."""
    usage = get_usage(
        None,  # the key below needs no request, and a service has none
        group="live-checkin-wrong-code",
        key=lambda group, request: f"{user.pk}:{course.pk}",
        rate=(CHECKIN_MAX_FAILURES, CHECKIN_FAILURE_SECONDS),
        increment=add,
    )
    if usage is None:  # RATELIMIT_ENABLE = False
        return 0
    # A cache that cannot count reports limit 0: refuse rather than allow guessing.
    return usage["count"] if usage["limit"] else CHECKIN_MAX_FAILURES


def _find_session(*, user, course, code: str) -> LiveSession:
    if _wrong_codes(user=user, course=course, add=False) >= CHECKIN_MAX_FAILURES:
        raise LiveSessionError(CHECKIN_TOO_MANY)
    code = checkin_code_normalise(code)
    session = (
        LiveSession.objects.filter(course=course, checkin_code=code).order_by("-starts_at").first()
        if code
        else None
    )
    if session is None:
        _wrong_codes(user=user, course=course, add=True)
        raise LiveSessionError(CHECKIN_CODE_UNKNOWN)
    return session


def live_checkin(*, user: User, course: CoursePage, code: str) -> Attendance:
    """A learner checks in to a session of the course with the code the
    trainer shows: only within the session's window, only if expected at
    it, only once. Present, or late when it is well after the start."""
    # Wrong codes are counted outside the transaction below, whose refusal
    # rolls back (the cache may live in the database).
    session = _find_session(user=user, course=course, code=code)
    return _checkin(user=user, course=course, session=session)


@transaction.atomic
def _checkin(*, user: User, course: CoursePage, session: LiveSession) -> Attendance:
    now = timezone.now()
    if not session.is_open(now):
        raise LiveSessionError(CHECKIN_CLOSED)
    if not session.is_expected(user):
        raise LiveSessionError(CHECKIN_NOT_EXPECTED)
    existing = Attendance.objects.filter(session=session, user=user).first()
    if existing is not None:
        raise LiveSessionError(CHECKIN_USED if existing.checked_in_at else CHECKIN_ALREADY_MARKED)
    late_after = session.starts_at + timedelta(minutes=settings.LIVE_SESSION_LATE_MINUTES)
    status = Attendance.Status.LATE if now > late_after else Attendance.Status.PRESENT
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                session=session,
                user=user,
                status=status,
                checked_in_at=now,
                marked_by=user,
                marked_at=now,
            )
    except IntegrityError:  # a second tab checked in at the same moment
        raise LiveSessionError(CHECKIN_USED) from None
    AttendanceChange.objects.create(
        attendance=attendance,
        changed_by=user,
        changed_at=now,
        from_status="",
        to_status=status,
        source=AttendanceChange.Source.CHECKIN,
    )
    progress_services.course_completion_check(user=user, course=course)
    return attendance


@transaction.atomic
def attendance_mark(*, session: LiveSession, by: User, statuses: dict) -> int:
    """The trainer's register: set the statuses given (learner id -> status;
    learners left out keep theirs), record each change with who and when,
    and re-check course completion for those now attending. All or
    nothing; returns how many statuses changed."""
    if not may_manage(by, session):
        raise LiveSessionError(MARK_NOT_ALLOWED)
    statuses = {int(user_id): status for user_id, status in statuses.items() if status}
    if any(status not in Attendance.Status.values for status in statuses.values()):
        raise LiveSessionError(MARK_BAD_STATUS)
    allowed = set(
        register_learners(session=session, viewer=by)
        .filter(pk__in=list(statuses))
        .values_list("pk", flat=True)
    )
    if set(statuses) - allowed:
        raise LiveSessionError(MARK_UNKNOWN_LEARNER)
    existing = {
        attendance.user_id: attendance
        for attendance in Attendance.objects.select_for_update().filter(
            session=session, user_id__in=list(statuses)
        )
    }
    now = timezone.now()
    changes, attending = [], []
    for user_id, status in statuses.items():
        attendance = existing.get(user_id)
        if attendance is None:
            attendance = Attendance.objects.create(
                session=session, user_id=user_id, status=status, marked_by=by, marked_at=now
            )
            previous = ""
        elif attendance.status != status:
            previous = attendance.status
            attendance.status, attendance.marked_by, attendance.marked_at = status, by, now
            attendance.save(update_fields=["status", "marked_by", "marked_at"])
        else:
            continue
        changes.append(
            AttendanceChange(
                attendance=attendance,
                changed_by=by,
                changed_at=now,
                from_status=previous,
                to_status=status,
                source=AttendanceChange.Source.REGISTER,
            )
        )
        if status in Attendance.ATTENDED:
            attending.append(user_id)
    AttendanceChange.objects.bulk_create(changes)
    if session.course.live_attendance_min_percent:
        for learner in User.objects.filter(pk__in=attending):
            progress_services.course_completion_check(user=learner, course=session.course)
    return len(changes)


def due_for_reminder(*, now=None):
    """Sessions starting within LIVE_SESSION_REMINDER_HOURS that have not
    been reminded of yet."""
    now = now or timezone.now()
    return LiveSession.objects.filter(
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(hours=settings.LIVE_SESSION_REMINDER_HOURS),
    ).select_related("course")


def live_session_reminders_send(*, now=None) -> int:
    """Email every expected learner of each session due for a reminder, once:
    the session is claimed (`reminded_at`) before its emails go, so parallel
    runs never send twice. Returns how many emails were sent."""
    now = now or timezone.now()
    sent = 0
    for session in due_for_reminder(now=now):
        with transaction.atomic():
            claimed = LiveSession.objects.filter(pk=session.pk, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if not claimed:
                continue
            learners = list(session.expected_learners().filter(is_active=True))
            transaction.on_commit(
                functools.partial(emails.send_live_session_reminders, session, learners)
            )
        sent += len(learners)
    logger.info("Live-session reminders: %d sent", sent)
    return sent
