"""Hand-written SQL for the SCORM commit, the package runtime's hot write
path (a SCO commits every few seconds while a learner works in it), like
the heartbeat's in `courses.progress.heartbeat_sql`: the ORM spent more
time compiling the commit's five reads than the database spent running
them. One statement reads everything a commit checks and decides with; one
conditional UPDATE writes it. The decisions stay in
`courses.scorm.services`."""

import json
from dataclasses import dataclass

from django.db import connection
from wagtail.models import Page

from courses.models import (
    Enrolment,
    LessonPage,
    LessonProgress,
    ScormAttempt,
    ScormPackage,
)
from courses.progress.heartbeat_sql import aware

# The attempt's columns a commit reads, in the order the statement selects them.
ATTEMPT_COLUMNS = (
    "id", "user_id", "lesson_id", "course_id", "package_id", "activity_id", "unit",
    "directory", "completion_status", "success_status", "best_score",
    "reported_seconds", "commits", "completed_at", "done_at",
)  # fmt: skip


@dataclass(frozen=True)
class CommitContext:
    """What one commit needs, in one read: the learner's attempt (with the
    columns a commit reads), its package, the lesson's state and body, the
    enrolment and the learner's progress row in the lesson (None before
    one exists)."""

    attempt: ScormAttempt
    package: ScormPackage
    lesson_live: bool
    lesson_body: list
    enrolled: bool
    progress: LessonProgress | None


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _units_column() -> str:
    """The manifest's list of SCOs/AUs, without the rest of it (a SCORM
    2004 manifest carries its whole activity tree)."""
    if connection.vendor == "postgresql":
        return "k.manifest -> 'units'"
    return "json_extract(k.manifest, '$.units')"


def _json(value):
    """SQLite hands back JSON as text, PostgreSQL already decoded."""
    return json.loads(value) if isinstance(value, str) else value


def _moment(value):
    return None if value is None else aware(value)


# Only table and column names from model metadata are formatted into the
# statement; every value goes in as a parameter.
def _context_sql() -> str:
    attempt = ", ".join(f"a.{column}" for column in ATTEMPT_COLUMNS)
    return f"""
        SELECT {attempt},
               k.version, k.directory, k.previous_directory, k.approved_at, {_units_column()},
               p.live, l.body,
               EXISTS (SELECT 1 FROM {_table(Enrolment)} e
                        WHERE e.user_id = a.user_id AND e.course_id = a.course_id
                          AND e.withdrawn_at IS NULL),
               g.id, g.status, g.first_opened_at, g.best_score
          FROM {_table(ScormAttempt)} a
          JOIN {_table(ScormPackage)} k ON k.id = a.package_id
          JOIN {_table(Page)} p ON p.id = a.lesson_id
          JOIN {_table(LessonPage)} l ON l.page_ptr_id = a.lesson_id
          LEFT JOIN {_table(LessonProgress)} g
            ON g.user_id = a.user_id AND g.lesson_id = a.lesson_id
         WHERE a.id = %s AND a.user_id = %s"""  # noqa: S608


def commit_context(*, user_id: int, attempt_id: int) -> CommitContext | None:
    """Everything a commit of the learner's attempt checks; None for an
    attempt that does not exist or is not theirs."""
    with connection.cursor() as cursor:
        cursor.execute(_context_sql(), [attempt_id, user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    count = len(ATTEMPT_COLUMNS)
    fields = dict(zip(ATTEMPT_COLUMNS, row[:count], strict=True))
    for name in ("completed_at", "done_at"):
        fields[name] = _moment(fields[name])
    (version, directory, previous_directory, approved_at, units, live, body, enrolled,
     progress_id, status, first_opened_at, progress_best) = row[count:]  # fmt: skip
    package = ScormPackage(
        id=fields["package_id"], version=version, directory=directory,
        previous_directory=previous_directory,
        approved_at=_moment(approved_at),
        manifest={"units": _json(units) or []},
    )  # fmt: skip
    progress = None
    if progress_id is not None:
        progress = LessonProgress(
            id=progress_id, user_id=user_id, lesson_id=fields["lesson_id"],
            course_id=fields["course_id"], status=status, best_score=progress_best,
            first_opened_at=_moment(first_opened_at),
        )  # fmt: skip
    return CommitContext(
        attempt=ScormAttempt(**fields),
        package=package,
        lesson_live=bool(live),
        lesson_body=_json(body) or [],
        enrolled=bool(enrolled),
        progress=progress,
    )


def attempt_write(*, attempt: ScormAttempt, fields: list[str], read_commits: int) -> bool:
    """Write the committed fields, only if no other commit of the attempt
    was stored since it was read (`read_commits`): one statement, no
    transaction of its own. False when another one was (nothing written)."""
    columns = [ScormAttempt._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{connection.ops.quote_name(field.column)} = %s" for field in columns)
    values = [field.get_db_prep_save(getattr(attempt, field.attname), connection)
              for field in columns]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table(ScormAttempt)} SET {assignments}"  # noqa: S608
            " WHERE id = %s AND commits = %s",
            [*values, attempt.pk, read_commits],
        )
        return cursor.rowcount == 1


def progress_best_score_raise(*, progress: LessonProgress) -> None:
    """Raise the stored best score of the learner in the lesson to the
    progress row's `best_score`, never lower it."""
    score = progress.best_score
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_table(LessonProgress)} SET best_score = %s"  # noqa: S608
            " WHERE id = %s AND (best_score IS NULL OR best_score < %s)",
            [score, progress.pk, score],
        )
