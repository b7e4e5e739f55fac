"""The attendance and progress report (lista obecności): one row per
enrolment in the filtered set, with when the learner enrolled, started and
completed, their effective learning time, their result and certificate
number, and totals. `attendance_enrolments` is the read (one query for any
number of rows); the rest are pure functions over what it fetched."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, IntegerField, Min, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
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
HEADERS = [header for header, _width in COLUMNS]
WIDTHS = [width for _header, width in COLUMNS]

# Status codes computed in SQL, so the status filter runs in the database.
_STATUS_CODES = {Status.ENROLLED: 0, Status.IN_PROGRESS: 1, Status.COMPLETED: 2, Status.OVERDUE: 3}


def _progress(field_aggregate):
    return Subquery(
        LessonProgress.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id"))
        .values("user")
        .annotate(value=field_aggregate)
        .values("value")[:1]
    )


def attendance_enrolments(form: ReportFilterForm):
    """The enrolments of a valid filter form, within the user's scope and
    active in the period (enrolled by its end, not completed before its
    start), with their progress figures annotated."""
    data = form.cleaned_data
    start, end = data["period_from"], data["period_to"]
    today = timezone.localdate()
    enrolments = (
        scope.report_enrolments(form.user)
        .filter(withdrawn_at__isnull=True, enrolled_at__date__lte=end)
        .exclude(completed_at__date__lt=start)
    )
    if data.get("course"):
        enrolments = enrolments.filter(course=data["course"])
    if form.institution_ids is not None:
        enrolments = enrolments.filter(user__institution_id__in=form.institution_ids)
    enrolments = enrolments.annotate(
        started=_progress(Min("first_opened_at")),
        effective=Coalesce(_progress(Sum("effective_seconds")), Value(0)),
        done=Coalesce(
            _progress(Count("pk", filter=Q(status=LessonProgress.Status.COMPLETED))), Value(0)
        ),
        certificate_number=Subquery(
            Certificate.objects.valid().filter(enrolment=OuterRef("pk")).values("number")[:1]
        ),
    ).annotate(
        status_code=Case(
            When(completed_at__isnull=False, then=Value(_STATUS_CODES[Status.COMPLETED])),
            When(deadline__lt=today, then=Value(_STATUS_CODES[Status.OVERDUE])),
            When(started__isnull=True, then=Value(_STATUS_CODES[Status.ENROLLED])),
            default=Value(_STATUS_CODES[Status.IN_PROGRESS]),
            output_field=IntegerField(),
        )
    )
    if data.get("status"):
        enrolments = enrolments.filter(status_code=_STATUS_CODES[data["status"]])
    return enrolments.select_related("user", "user__institution", "course").order_by(
        "course__title", "user__last_name", "user__first_name", "pk"
    )


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


def result_text(enrolment, lesson_count: int) -> str:
    """The learner's result in words, with the lessons done where unfinished."""
    code = enrolment.status_code
    if code == _STATUS_CODES[Status.COMPLETED]:
        return pgettext("course result", "completed")
    done = f"{min(enrolment.done, lesson_count)}/{lesson_count}"
    if code == _STATUS_CODES[Status.OVERDUE]:
        return _("overdue (%(done)s lessons)") % {"done": done}
    if code == _STATUS_CODES[Status.ENROLLED]:
        return pgettext("course result", "not started")
    return _("in progress (%(done)s lessons)") % {"done": done}


def _local_date(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def attendance_row(number: int, enrolment, lesson_count: int) -> list:
    user = enrolment.user
    return [
        number,
        user.get_full_name(),
        user.institution.name if user.institution else "",
        user.position,
        enrolment.course.title,
        _local_date(enrolment.enrolled_at),
        _local_date(enrolment.started),
        _local_date(enrolment.completed_at),
        timedelta(seconds=enrolment.effective),
        result_text(enrolment, lesson_count),
        enrolment.certificate_number or "",
    ]


@dataclass
class Totals:
    """The figures under the table."""

    participants: int = 0
    completed: int = 0
    effective: timedelta = timedelta()

    def add(self, enrolment) -> None:
        self.participants += 1
        self.completed += enrolment.completed_at is not None
        self.effective += timedelta(seconds=enrolment.effective)

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
    for number, enrolment in enumerate(enrolments, start=1):
        totals.add(enrolment)
        yield attendance_row(number, enrolment, counts.get(enrolment.course_id, 0))


def attendance_totals(enrolments) -> Totals:
    """Totals of the whole filtered set, in one query."""
    figures = enrolments.order_by().aggregate(
        participants=Count("pk"),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
        effective=Sum("effective"),
    )
    return Totals(
        participants=figures["participants"],
        completed=figures["completed"],
        effective=timedelta(seconds=figures["effective"] or 0),
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
    headers = HEADERS
    widths = WIDTHS
    signatures = True

    def objects(self):
        enrolments = attendance_enrolments(self.form)
        self.counts = lesson_counts(enrolments.values_list("course_id", flat=True).distinct())
        return enrolments

    def rows(self, objects, totals):
        return attendance_rows(objects, self.counts, totals)

    def new_totals(self):
        return Totals()

    def page_totals(self, objects):
        return attendance_totals(objects)
