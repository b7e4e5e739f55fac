"""Learners past their deadline, and the deadline reminders sent to them.

Reads: `overdue_enrolments` (the coordinator's or trainer's list, one query
for any number of rows) and `due_for_reminder` (what the daily command
sends). Write: `reminders_send`, which records the reminder on each
enrolment and emails the learners once the transaction commits."""

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses import emails
from courses.models import Enrolment, LessonProgress
from courses.reports import scope
from courses.reports.attendance import lesson_counts

logger = logging.getLogger(__name__)


def _start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _remindable():
    """Active, unfinished enrolments of people who can still log in."""
    return Enrolment.objects.active().filter(completed_at__isnull=True, user__is_active=True)


def overdue_enrolments(user, *, today: date | None = None):
    """The active enrolments within the user's report scope whose deadline has
    passed and which are not completed, with `done` (completed lessons)
    annotated; the most overdue first."""
    today = today or timezone.localdate()
    done = Subquery(
        LessonProgress.objects.filter(
            user=OuterRef("user_id"),
            course=OuterRef("course_id"),
            status=LessonProgress.Status.COMPLETED,
        )
        .values("user")
        .annotate(count=Count("pk"))
        .values("count")[:1]
    )
    return (
        _remindable()
        .filter(scope.enrolment_visibility(user), deadline__lt=today)
        .annotate(done=Coalesce(done, Value(0)))
        .select_related("user", "user__institution", "course")
        .order_by("deadline", "user__last_name", "user__first_name", "pk")
    )


def overdue_rows(enrolments: Iterable[Enrolment], *, today: date | None = None) -> list[dict]:
    """What the overdue list shows per enrolment: two more queries (lesson
    counts) for any number of rows."""
    enrolments = list(enrolments)
    today = today or timezone.localdate()
    counts = lesson_counts({enrolment.course_id for enrolment in enrolments})
    return [
        {
            "enrolment": enrolment,
            "days_overdue": (today - enrolment.deadline).days,
            "lessons": counts.get(enrolment.course_id, 0),
            "done": min(enrolment.done, counts.get(enrolment.course_id, 0)),
        }
        for enrolment in enrolments
    ]


def due_for_reminder(*, days: int, today: date | None = None):
    """Unfinished active enrolments whose deadline is exactly `days` days
    away and that have not been reminded today: what the daily command sends."""
    today = today or timezone.localdate()
    return (
        _remindable()
        .filter(deadline=today + timedelta(days=days))
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=_start_of_day(today)))
        .select_related("user", "course")
    )


@transaction.atomic
def reminders_send(*, enrolments: Iterable[Enrolment], by=None) -> int:
    """Remind each learner of their course's deadline and record when.

    Exists so that a coordinator's button and the daily command remind the
    same way and leave the same trace (`Enrolment.reminded_at`, shown on the
    overdue list and keeping the command to one reminder a day). The emails
    go out only after the timestamps are committed; `by` is the person who
    asked (None for the command), for the log. Returns how many were sent."""
    sent = emails.reminders_stamp_and_send(
        list(enrolments), field="reminded_at", send=emails.send_deadline_reminders
    )
    if sent:
        logger.info(
            "Deadline reminders: %d sent by %s",
            sent,
            f"user {by.pk}" if by else "the daily command",  # an id: logs hold no emails
        )
    return sent
