"""The learning dashboard on the Wagtail admin home page: headline numbers
and three charts (completion by institution, completion by course, weekly
effective learning time) for whoever may see reports, within their report
scope (a coordinator's institutions, a trainer's courses, everything for
administrators).

`dashboard_data` is the read: six queries whatever the number of learners.
The charts are drawn on the server, so the page needs no chart library: the
completion charts as HTML rows (a label that wraps, an SVG bar), the weekly
chart as inline SVG whose geometry `activity_chart` computes; each chart is
shown beside a table of the same figures, which is what assistive technology
reads."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from courses.models import Certificate, LearningSession
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
class Dashboard:
    figures: Figures
    by_institution: list[Completion]
    by_course: list[Completion]
    weeks: list[Week]


def _completion(rows, label_key: str, fallback: str) -> list[Completion]:
    return [
        Completion(label=row[label_key] or fallback, enrolled=row["n"], completed=row["done"])
        for row in rows
    ]


def dashboard_data(user, *, now: datetime | None = None) -> Dashboard:
    """Everything the panel shows, for `user`'s report scope, in six queries."""
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
    return Dashboard(
        figures=Figures(active=active_learners, certificates=certificates, **figures),
        by_institution=_completion(by_institution, "user__institution__name", _("No institution")),
        by_course=_completion(by_course, "course__title", ""),
        weeks=weeks,
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
            "top": TOP,
        }
