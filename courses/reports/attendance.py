"""The attendance and progress report (lista obecności): one row per
enrolment in the filtered set, with when the learner enrolled, started and
completed, their effective learning time, their result and certificate
number, and totals. `attendance_enrolments` is the read (value rows);
`with_progress` adds the progress per chunk of rows; the rest are pure
functions over what they fetched."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from ..models import Certificate, CoursePage, LessonPage, LessonProgress
from . import scope
from .base import TableReport, register
from .filters import ReportFilterForm, Status

COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Full name"), 28),
    (gettext_lazy("Institution"), 34),
    (gettext_lazy("Position"), 20),
    (gettext_lazy("Course"), 34),
    (gettext_lazy("Enrolled"), 12),
    (gettext_lazy("Started"), 12),
    (gettext_lazy("Completed"), 12),
    (gettext_lazy("Effective time (h:mm)"), 12),
    (gettext_lazy("Result"), 24),
    (gettext_lazy("Certificate number"), 18),
]


# The enrolment columns a row needs, read as plain values (no model objects:
# a 100,000-row export would spend most of its time building them).
FIELDS = (
    "pk",
    "user_id",
    "course_id",
    "user__first_name",
    "user__last_name",
    "user__institution__name",
    "user__position",
    "course__title",
    "enrolled_at",
    "completed_at",
    "deadline",
)
# Rows enriched with progress and certificates per chunk: three queries each.
CHUNK = 2000


def day_start(day: date) -> datetime:
    """The first moment of a day in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _started():
    return Exists(
        LessonProgress.objects.filter(
            user=OuterRef("user_id"), course=OuterRef("course_id"), first_opened_at__isnull=False
        )
    )


def attendance_enrolments(form: ReportFilterForm):
    """The enrolments of a valid filter form, within the user's scope and
    active in the period (enrolled by its end, not completed before its
    start), as value rows in list order. Progress comes per chunk
    (`with_progress`); only the status filter looks at it in SQL."""
    data = form.cleaned_data
    start, end = data["period_from"], data["period_to"]
    today = timezone.localdate()
    # Whole local days, compared on the stored moments (no per-row date casts).
    enrolments = (
        scope.report_enrolments(form.user)
        .filter(withdrawn_at__isnull=True, enrolled_at__lt=day_start(end + timedelta(days=1)))
        .exclude(completed_at__lt=day_start(start))
    )
    if data.get("course"):
        enrolments = enrolments.filter(course=data["course"])
    if form.institution_ids is not None:
        enrolments = enrolments.filter(user__institution_id__in=form.institution_ids)
    status = data.get("status")
    if status == Status.COMPLETED:
        enrolments = enrolments.filter(completed_at__isnull=False)
    elif status == Status.OVERDUE:
        enrolments = enrolments.filter(completed_at__isnull=True, deadline__lt=today)
    elif status:
        not_overdue = Q(deadline__isnull=True) | Q(deadline__gte=today)
        enrolments = (
            enrolments.filter(not_overdue, completed_at__isnull=True)
            .annotate(started=_started())
            .filter(started=status == Status.IN_PROGRESS)
        )
    return enrolments.values(*FIELDS).order_by(
        "course__title", "user__last_name", "user__first_name", "pk"
    )


def _batched(rows: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most `size` rows (itertools.batched is 3.12+)."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _in(column: str, values: list) -> tuple[str, list]:
    """`column IN (...)` and its parameters. (An `= ANY(array)` on
    PostgreSQL was measured three times slower: the planner scans.)"""
    return f"{column} IN ({', '.join(['%s'] * len(values))})", values


def _chunk_progress(users: list[int], courses: list[int]) -> dict:
    """(user, course) -> (started, effective seconds, lessons done). Written
    in SQL: with 2,000 ids a chunk, Django's preparing of each `__in` value
    took a quarter of a 100,000-row export. Only table names are formatted
    in; every value is a parameter."""
    users_in, users_params = _in("user_id", users)
    courses_in, courses_params = _in("course_id", courses)
    sql = (
        f"SELECT user_id, course_id, MIN(first_opened_at), SUM(effective_seconds),"  # noqa: S608
        f" SUM(CASE WHEN status = %s THEN 1 ELSE 0 END) FROM {_table(LessonProgress)}"
        f" WHERE {users_in} AND {courses_in} GROUP BY user_id, course_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [LessonProgress.Status.COMPLETED, *users_params, *courses_params])
        return {(user, course): rest for user, course, *rest in cursor.fetchall()}


def _chunk_certificates(enrolments: list[int]) -> dict[int, str]:
    """Enrolment -> number of its valid certificate (SQL, as above)."""
    enrolments_in, params = _in("enrolment_id", enrolments)
    sql = (
        f"SELECT enrolment_id, number FROM {_table(Certificate)}"  # noqa: S608
        f" WHERE status = %s AND {enrolments_in}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [Certificate.Status.VALID, *params])
        return dict(cursor.fetchall())


def _moment(value) -> datetime | None:
    """SQLite hands back text for an aggregate of datetimes, PostgreSQL a datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def with_progress(enrolments: Iterable[dict]) -> Iterator[dict]:
    """Each enrolment row with its progress (started, effective seconds,
    lessons done) and certificate number, fetched for a chunk of rows at a
    time, so memory stays flat and the queries stay few."""
    for chunk in _batched(enrolments, CHUNK):
        progress = _chunk_progress(
            list({row["user_id"] for row in chunk}), list({row["course_id"] for row in chunk})
        )
        numbers = _chunk_certificates([row["pk"] for row in chunk])
        for row in chunk:
            started, effective, done = progress.get((row["user_id"], row["course_id"]), (None,) * 3)
            row["started"] = _moment(started)
            row["effective"] = effective or 0
            row["done"] = done or 0
            row["certificate_number"] = numbers.get(row["pk"], "")
            yield row


def lesson_counts(course_ids: Iterable[int]) -> dict[int, int]:
    """Live required lessons per course, in two queries for any number of courses."""
    courses = list(CoursePage.objects.filter(pk__in=list(course_ids)).only("path", "depth"))
    counts = dict.fromkeys((course.pk for course in courses), 0)
    if not courses:
        return counts
    paths = {course.path: course.pk for course in courses}
    under_courses = Q()
    for path in paths:
        under_courses |= Q(path__startswith=path)
    steplen = len(courses[0].path) // courses[0].depth
    lessons = LessonPage.objects.live().filter(under_courses, is_required=True)
    for path in lessons.values_list("path", flat=True):
        for depth in range(len(path) // steplen - 1, 0, -1):
            course_id = paths.get(path[: depth * steplen])
            if course_id is not None:
                counts[course_id] += 1
                break
    return counts


def status_of(row: dict, today: date) -> str:
    """The same rules as the status filter, for one enriched row."""
    if row["completed_at"]:
        return Status.COMPLETED
    if row["deadline"] and row["deadline"] < today:
        return Status.OVERDUE
    return Status.IN_PROGRESS if row["started"] else Status.ENROLLED


class RowWriter:
    """Turns enriched rows into list rows. The words and the time zone are
    looked up once per export, not once per row (a list may have 100,000)."""

    def __init__(self, counts: dict[int, int]):
        self.counts = counts
        self.today = timezone.localdate()
        self.zone = timezone.get_current_timezone()
        self.completed = pgettext("course result", "completed")
        self.not_started = pgettext("course result", "not started")
        self.overdue = _("overdue (%(done)s lessons)")
        self.in_progress = _("in progress (%(done)s lessons)")

    def local_date(self, moment) -> date | None:
        return moment.astimezone(self.zone).date() if moment else None

    def result(self, row: dict, lesson_count: int) -> str:
        """The learner's result in words, with the lessons done where unfinished."""
        status = status_of(row, self.today)
        if status == Status.COMPLETED:
            return self.completed
        if status == Status.ENROLLED:
            return self.not_started
        done = {"done": f"{min(row['done'], lesson_count)}/{lesson_count}"}
        return (self.overdue if status == Status.OVERDUE else self.in_progress) % done

    def row(self, number: int, row: dict) -> list:
        return [
            number,
            f"{row['user__first_name']} {row['user__last_name']}".strip(),
            row["user__institution__name"] or "",
            row["user__position"],
            row["course__title"],
            self.local_date(row["enrolled_at"]),
            self.local_date(row["started"]),
            self.local_date(row["completed_at"]),
            timedelta(seconds=row["effective"]),
            self.result(row, self.counts.get(row["course_id"], 0)),
            row["certificate_number"],
        ]


@dataclass
class Totals:
    """The figures under the table."""

    participants: int = 0
    completed: int = 0
    effective: timedelta = timedelta()

    def add(self, row: dict) -> None:
        self.participants += 1
        self.completed += row["completed_at"] is not None
        self.effective += timedelta(seconds=row["effective"])

    def row(self) -> list:
        """The totals as the last row of an export."""
        return [
            "",
            _("Total: %(count)s participants, %(completed)s completed")
            % {"count": self.participants, "completed": self.completed},
            *[""] * 6,
            self.effective,
            "",
            "",
        ]


def attendance_rows(enrolments: Iterable, counts: dict[int, int], totals: Totals) -> Iterator:
    """Numbered rows, adding up the totals as they go (so a streamed export
    ends with them without a second pass)."""
    writer = RowWriter(counts)
    for number, row in enumerate(with_progress(enrolments), start=1):
        totals.add(row)
        yield writer.row(number, row)


def attendance_totals(enrolments) -> Totals:
    """Totals of the whole filtered set, in two queries."""
    figures = enrolments.order_by().aggregate(
        participants=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))
    )
    effective = LessonProgress.objects.filter(
        Exists(enrolments.filter(user_id=OuterRef("user_id"), course_id=OuterRef("course_id")))
    ).aggregate(total=Sum("effective_seconds"))["total"]
    return Totals(
        participants=figures["participants"],
        completed=figures["completed"],
        effective=timedelta(seconds=effective or 0),
    )


@register
class AttendanceReport(TableReport):
    """Lista obecności: attendance and progress per enrolment."""

    slug = "attendance"
    export_label = gettext_lazy("attendance and progress report")
    menu_label = gettext_lazy("Attendance and progress")
    title = gettext_lazy("Attendance and progress")
    filename = "lista-obecnosci"
    sheet_name = gettext_lazy("Attendance")
    columns = COLUMNS
    signatures = True

    def objects(self):
        enrolments = attendance_enrolments(self.form)
        self.counts = lesson_counts(
            enrolments.values_list("course_id", flat=True).order_by().distinct()
        )
        return enrolments

    def rows(self, objects, totals):
        return attendance_rows(objects, self.counts, totals)

    def new_totals(self):
        return Totals()

    def page_totals(self, objects):
        return attendance_totals(objects)
