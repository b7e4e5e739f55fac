"""Hand-written SQL for the hot write paths: the heartbeat (every learner
posts one every 30 seconds) and the opening of a lesson (every lesson page
view). The ORM spent more time compiling the heartbeat's three statements
than the database spent running them, and its upsert (`bulk_create`) wraps
the one statement in a transaction of its own (BEGIN and COMMIT: two more
round trips per page), so they are written once here, in SQL that SQLite and
PostgreSQL both accept; the services in `courses.progress.services` keep all
the decisions."""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from courses.models import CoursePage, Enrolment, LearningSession, LessonPage, LessonProgress


@dataclass(frozen=True)
class VisitState:
    """What one heartbeat needs to know about its page visit, in one read."""

    session_id: int
    course_id: int
    lesson_id: int
    last_beat: int
    last_seen_at: datetime
    last_credited: datetime
    lesson_live: bool
    enrolled: bool
    time_rules: bool


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def aware(value) -> datetime:
    """SQLite hands back text for computed columns, PostgreSQL a datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# Only table names from model metadata are formatted into the statements;
# every value goes in as a parameter.
def _state_sql() -> str:
    return f"""
        SELECT s.id, s.course_id, s.lesson_id, s.last_beat, s.last_seen_at,
               (SELECT MAX(o.last_seen_at) FROM {_table(LearningSession)} o
                 WHERE o.user_id = %s),
               p.live,
               EXISTS (SELECT 1 FROM {_table(Enrolment)} e
                        WHERE e.user_id = %s AND e.course_id = s.course_id
                          AND e.withdrawn_at IS NULL),
               EXISTS (SELECT 1 FROM {_table(Enrolment)} e
                        WHERE e.user_id = %s AND e.course_id = s.course_id
                          AND e.withdrawn_at IS NULL AND e.completed_at IS NULL),
               l.complete_min_seconds, c.completion_min_time_percent
          FROM {_table(LearningSession)} s
          JOIN {_table(Page)} p ON p.id = s.lesson_id
          JOIN {_table(LessonPage)} l ON l.page_ptr_id = s.lesson_id
          JOIN {_table(CoursePage)} c ON c.page_ptr_id = s.course_id
         WHERE s.user_id = %s AND s.visit = %s
         ORDER BY s.started_at DESC
         LIMIT 1"""  # noqa: S608


def visit_state(*, user_id: int, visit: str) -> VisitState | None:
    """The learner's newest session of this page visit with its lesson's
    state, the enrolment, the rules and the learner's last credited moment
    in any tab; None for a visit that is not theirs."""
    with connection.cursor() as cursor:
        cursor.execute(_state_sql(), [user_id, user_id, user_id, user_id, visit])
        row = cursor.fetchone()
    if row is None:
        return None
    (session_id, course_id, lesson_id, last_beat, last_seen_at, last_credited, live,
     enrolled, completing, lesson_min_seconds, course_min_percent) = row  # fmt: skip
    return VisitState(
        session_id=session_id,
        course_id=course_id,
        lesson_id=lesson_id,
        last_beat=last_beat,
        last_seen_at=aware(last_seen_at),
        last_credited=aware(last_credited),
        lesson_live=bool(live),
        enrolled=bool(enrolled),
        # The course's share (most courses ask one) matters only until the
        # course is completed: then a beat need not re-evaluate anything for it.
        time_rules=bool(lesson_min_seconds or (course_min_percent and completing)),
    )


def credit_write(*, state: VisitState, user_id: int, credit: int, now: datetime, beat: int) -> None:
    """Add the credited seconds to the session and the lesson's progress;
    `now` is the new credited moment of the session."""
    moment = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table(LearningSession)} SET active_seconds = active_seconds + %s,"  # noqa: S608
            " last_seen_at = %s, last_beat = %s WHERE id = %s",
            [credit, moment, beat, state.session_id],
        )
        cursor.execute(
            f"UPDATE {_table(LessonProgress)} SET effective_seconds = effective_seconds + %s"  # noqa: S608
            " WHERE user_id = %s AND lesson_id = %s",
            [credit, user_id, state.lesson_id],
        )


def opening_upsert(*, user_id: int, lesson_id: int, course_id: int, now: datetime) -> None:
    """Record an opening of the lesson in one statement: a new progress row
    (in progress, first and last opened now), or only `last_opened_at` moved
    on the learner's existing row (its status and first opening untouched)."""
    moment = connection.ops.adapt_datetimefield_value(now)
    status = LessonProgress.Status.IN_PROGRESS.value
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_table(LessonProgress)}"  # noqa: S608
            " (user_id, lesson_id, course_id, status, first_opened_at, last_opened_at,"
            " effective_seconds, quiz_summary) VALUES (%s, %s, %s, %s, %s, %s, 0, '{}')"
            " ON CONFLICT (user_id, lesson_id) DO UPDATE"
            " SET last_opened_at = excluded.last_opened_at",
            [user_id, lesson_id, course_id, status, moment, moment],
        )
