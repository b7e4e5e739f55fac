"""The learning dashboard on the Wagtail admin home page: headline numbers
and five charts (completion by institution, completion by course, weekly
effective learning time, competence gain by course and by institution) for
whoever may see reports, within their report scope (a coordinator's
institutions, a trainer's courses, everything for administrators).

`dashboard_data` is the read: eight queries whatever the number of learners.
The charts are drawn on the server, so the page needs no chart library: the
completion charts as HTML rows (a label that wraps, an SVG bar), the weekly
chart as inline SVG whose geometry `activity_chart` computes, the gain
charts as HTML rows with a pre-test and a post-test bar (`gain_chart`); each
chart is
shown beside a table of the same figures, which is what assistive technology
reads."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Avg, Count, Exists, FloatField, OuterRef, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from courses.models import Certificate, CompetenceAssessment, LearningSession
from courses.reports import scope

TOP = 10  # institutions and courses shown, by number of enrolments
WEEKS = 8
ACTIVE_DAYS = 7


@dataclass(frozen=True)
class Figures:
    """The numbers at a glance."""

    enrolled: int
    active: int
    completed: int
    overdue: int
    certificates: int


@dataclass(frozen=True)
class Completion:
    """Enrolments and completions of one institution or course."""

    label: str
    enrolled: int
    completed: int

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


@dataclass(frozen=True)
class Week:
    """Effective learning time in the week starting on Monday `start`."""

    start: date
    seconds: int

    @property
    def end(self) -> date:
        return self.start + timedelta(days=6)

    @property
    def hours(self) -> float:
        return round(self.seconds / 3600, 1)


@dataclass(frozen=True)
class Gain:
    """Competence assessments of one course or institution: how many were
    assessed, how many gained the competences, the mean pre- and post-test
    scores (%; no pre-test mean when everyone skipped it)."""

    label: str
    assessed: int
    gained: int
    mean_before: float | None
    mean_after: float | None

    @property
    def percent(self) -> int:
        return round(100 * self.gained / self.assessed) if self.assessed else 0


@dataclass(frozen=True)
class Dashboard:
    figures: Figures
    by_institution: list[Completion]
    by_course: list[Completion]
    weeks: list[Week]
    gain_by_course: list[Gain] = field(default_factory=list)
    gain_by_institution: list[Gain] = field(default_factory=list)


def _completion(rows, label_key: str, fallback: str) -> list[Completion]:
    return [
        Completion(label=row[label_key] or fallback, enrolled=row["n"], completed=row["done"])
        for row in rows
    ]


def _score_mean(key: str) -> Avg:
    """The mean of a score stored in the assessments' results (a percent),
    leaving out JSON nulls (a skipped pre-test), which SQLite would read as 0."""
    return Avg(Cast(KT(f"results__{key}"), FloatField()), filter=~Q(**{f"results__{key}": None}))


def _gain(rows, label_key: str, fallback: str) -> list[Gain]:
    return [
        Gain(
            label=row[label_key] or fallback,
            assessed=row["n"],
            gained=row["gained"],
            mean_before=None if row["before"] is None else round(row["before"], 1),
            mean_after=None if row["after"] is None else round(row["after"], 1),
        )
        for row in rows
    ]


def dashboard_data(user, *, now: datetime | None = None) -> Dashboard:
    """Everything the panel shows, for `user`'s report scope, in eight queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    visible = scope.report_enrolments(user)
    active = visible.filter(withdrawn_at__isnull=True).order_by()
    completed = Q(completed_at__isnull=False)

    figures = active.aggregate(
        enrolled=Count("pk"),
        completed=Count("pk", filter=completed),
        overdue=Count("pk", filter=Q(deadline__lt=today, completed_at__isnull=True)),
    )
    certificates = (
        Certificate.objects.valid().filter(enrolment__in=visible.values("pk")).order_by().count()
    )
    # A learning session counts when it belongs to an enrolment the user may see.
    sessions = LearningSession.objects.filter(
        Exists(visible.filter(user_id=OuterRef("user_id"), course_id=OuterRef("course_id")))
    ).order_by()
    active_learners = sessions.filter(
        last_seen_at__gte=now - timedelta(days=ACTIVE_DAYS)
    ).aggregate(n=Count("user_id", distinct=True))["n"]

    first_week = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
    since = timezone.make_aware(datetime.combine(first_week, datetime.min.time()))
    per_week = {
        timezone.localtime(row["week"]).date(): row["seconds"]
        for row in sessions.filter(started_at__gte=since)
        .annotate(week=TruncWeek("started_at"))
        .values("week")
        .annotate(seconds=Sum("active_seconds"))
    }
    weeks = [
        Week(start=start, seconds=per_week.get(start) or 0)
        for start in (first_week + timedelta(weeks=n) for n in range(WEEKS))
    ]

    by_institution = (
        active.values("user__institution_id", "user__institution__name")
        .annotate(n=Count("pk"), done=Count("pk", filter=completed))
        .order_by("-n", "user__institution__name")[:TOP]
    )
    by_course = (
        active.values("course_id", "course__title")
        .annotate(n=Count("pk"), done=Count("pk", filter=completed))
        .order_by("-n", "course__title")[:TOP]
    )
    # Competence gain: the assessed (graded) records of the active enrolments.
    assessments = CompetenceAssessment.objects.filter(
        enrolment__in=active.values("pk"), assessed_at__isnull=False
    ).order_by()
    gain_figures = {
        "n": Count("pk"),
        "gained": Count("pk", filter=Q(gained=True)),
        "before": _score_mean("score_before"),
        "after": _score_mean("score_after"),
    }
    gain_by_course = (
        assessments.values("enrolment__course_id", "enrolment__course__title")
        .annotate(**gain_figures)
        .order_by("-n", "enrolment__course__title")[:TOP]
    )
    gain_by_institution = (
        assessments.values("enrolment__user__institution_id", "enrolment__user__institution__name")
        .annotate(**gain_figures)
        .order_by("-n", "enrolment__user__institution__name")[:TOP]
    )
    return Dashboard(
        figures=Figures(active=active_learners, certificates=certificates, **figures),
        by_institution=_completion(by_institution, "user__institution__name", _("No institution")),
        by_course=_completion(by_course, "course__title", ""),
        weeks=weeks,
        gain_by_course=_gain(gain_by_course, "enrolment__course__title", ""),
        gain_by_institution=_gain(
            gain_by_institution, "enrolment__user__institution__name", _("No institution")
        ),
    )


# The weekly chart's geometry, in SVG user units; the SVG scales to the panel's width.
CHART_WIDTH = 640
COLUMN_CHART_HEIGHT = 240
PLOT_TOP = 28
PLOT_BOTTOM = 204
COLUMN_WIDTH = 44


@dataclass(frozen=True)
class Column:
    start: date
    hours: float
    x: float
    y: float
    height: float
    centre: float
    text_y: float


def activity_chart(weeks: list[Week]) -> dict:
    """Vertical columns of effective hours per week, scaled to the busiest week."""
    slot = CHART_WIDTH / max(len(weeks), 1)
    highest = max((week.seconds for week in weeks), default=0)
    plot = PLOT_BOTTOM - PLOT_TOP
    columns = []
    for index, week in enumerate(weeks):
        height = round(plot * week.seconds / highest, 1) if highest else 0
        centre = round(slot * index + slot / 2, 1)
        columns.append(
            Column(
                start=week.start,
                hours=week.hours,
                x=round(centre - COLUMN_WIDTH / 2, 1),
                y=round(PLOT_BOTTOM - height, 1),
                height=height,
                centre=centre,
                text_y=round(PLOT_BOTTOM - height - 6, 1),
            )
        )
    return {
        "width": CHART_WIDTH,
        "height": COLUMN_CHART_HEIGHT,
        "baseline": PLOT_BOTTOM,
        "label_y": PLOT_BOTTOM + 22,
        "column_width": COLUMN_WIDTH,
        "columns": columns,
    }


@dataclass(frozen=True)
class GainBars:
    """One row of a gain chart: the bars' lengths on a 0–100 scale."""

    gain: Gain
    before: float
    after: float


def gain_chart(rows: list[Gain]) -> list[GainBars]:
    """A pre-test and a post-test bar per row, as long as the mean scores
    (percentages, so the scale is fixed: 100 is the whole track); a missing
    pre-test mean draws no bar."""
    return [
        GainBars(
            gain=row,
            before=min(max(row.mean_before or 0, 0), 100),
            after=min(max(row.mean_after or 0, 0), 100),
        )
        for row in rows
    ]


class DashboardPanel(Component):
    """The dashboard as a panel of Wagtail's admin home page."""

    name = "courses_dashboard"
    template_name = "courses/admin/dashboard_panel.html"
    order = 50  # above Wagtail's own panels (moderation, recent edits, locks)

    class Media:
        css = {"all": ["courses/admin/dashboard.css"]}

    def get_context_data(self, parent_context):
        data = dashboard_data(parent_context["request"].user)
        return {
            "figures": data.figures,
            "by_institution": data.by_institution,
            "by_course": data.by_course,
            "weeks": data.weeks,
            "activity_chart": activity_chart(data.weeks),
            "gain_by_course": gain_chart(data.gain_by_course),
            "gain_by_institution": gain_chart(data.gain_by_institution),
            "top": TOP,
        }
