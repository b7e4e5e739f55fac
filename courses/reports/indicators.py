"""The indicator summary for the grant settlement: per institution and per
course in the period, the unique persons trained, enrolments, completions,
the completion rate and the effective hours delivered; the persons trained
and the persons who gained competences, both split by gender when the
installation collects it.

Which enrolments count: those in the user's scope (as for attendance), not
withdrawn, on the chosen course and institution, and active in the period
(enrolled by its end, not completed before its start unless their
competences were assessed in it). A person is trained
when they completed a course in the period; hours are the effective time
of the learning sessions started in the period on those enrolments. A
person gained competences when one of those enrolments has a competence
assessment with competences gained and assessed in the period (the
four-stage document, `competence_document`, lists the same persons).
Institution rows are by the participant's own institution (not rolled up
to the unit above). The totals count every person once, however many
courses or rows they appear in.

Three grouped queries whatever the number of rows (by institution, by
course, totals), plus the settings; the rest are pure functions."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.models import AccountSettings, User
from courses.models import CompetenceAssessment, LearningSession
from courses.reports.activity import local_bounds, reported_enrolments
from courses.reports.base import ONE_DECIMAL, TableReport, register, share
from courses.reports.filters import PeriodFilterForm, ReportFilterForm

COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (pgettext_lazy("indicator row", "Group"), 12),
    (gettext_lazy("Name"), 40),
    (gettext_lazy("Persons trained"), 12),
]
GENDER_COLUMNS = [
    (gettext_lazy("of whom women"), 10),
    (gettext_lazy("of whom men"), 10),
    (gettext_lazy("of whom gender not given"), 12),
]
GAINED_COLUMNS = [(gettext_lazy("Persons who gained competences"), 14)]
GAINED_GENDER_COLUMNS = [
    (gettext_lazy("of whom women (competences)"), 12),
    (gettext_lazy("of whom men (competences)"), 12),
    (gettext_lazy("of whom gender not given (competences)"), 14),
]
FIGURE_COLUMNS = [
    (gettext_lazy("Enrolled"), 10),
    (gettext_lazy("Completed"), 10),
    (gettext_lazy("Completion rate (%)"), 12),
    (gettext_lazy("Effective hours"), 12),
]
GENDERS = (User.Gender.FEMALE, User.Gender.MALE, "")


def columns(by_gender: bool) -> list:
    return [
        *COLUMNS,
        *(GENDER_COLUMNS if by_gender else []),
        *GAINED_COLUMNS,
        *(GAINED_GENDER_COLUMNS if by_gender else []),
        *FIGURE_COLUMNS,
    ]


def indicator_enrolments(form: ReportFilterForm):
    """The counted enrolments, each with its effective seconds in the period
    and whether competences were gained on it in the period."""
    first, last = local_bounds(*form.period)
    seconds = (
        LearningSession.objects.filter(
            user_id=OuterRef("user_id"),
            course_id=OuterRef("course_id"),
            started_at__gte=first,
            started_at__lt=last,
        )
        .values("user_id")
        .annotate(total=Sum("active_seconds"))
        .values("total")[:1]
    )
    assessed = CompetenceAssessment.objects.filter(
        enrolment_id=OuterRef("pk"), assessed_at__gte=first, assessed_at__lt=last
    )
    return (
        reported_enrolments(form)
        # Whole local days compared on the stored moments: a per-row date
        # cast (a Python function on SQLite) made 100,000 enrolments slow.
        # An enrolment completed before the period still counts when its
        # competences were assessed in it (a post-test taken after the
        # last lesson), so the persons who gained are those the four-stage
        # document lists.
        .filter(enrolled_at__lt=last)
        .filter(~Q(completed_at__lt=first) | Exists(assessed))
        .annotate(
            effective=Coalesce(Subquery(seconds), Value(0)),
            gained=Exists(assessed.filter(gained=True)),
        )
    )


def _figures(form: ReportFilterForm) -> dict:
    """The aggregates every row and the totals compute."""
    first, last = local_bounds(*form.period)
    trained = Q(completed_at__gte=first, completed_at__lt=last)
    figures = {
        "persons": Count("user_id", distinct=True, filter=trained),
        "enrolled": Count("pk"),
        "completed": Count("pk", filter=trained),
        "seconds": Sum("effective"),
    }
    figures["gained_persons"] = Count("user_id", distinct=True, filter=Q(gained=True))
    for gender in GENDERS:
        figures[f"persons_{gender}"] = Count(
            "user_id", distinct=True, filter=trained & Q(user__gender=gender)
        )
        figures[f"gained_{gender}"] = Count(
            "user_id", distinct=True, filter=Q(gained=True, user__gender=gender)
        )
    return figures


@dataclass
class Figures:
    """One row's (or the totals') numbers."""

    persons: int
    enrolled: int
    completed: int
    seconds: int
    by_gender: tuple[int, int, int]
    gained: int = 0
    gained_by_gender: tuple[int, int, int] = (0, 0, 0)

    @classmethod
    def of(cls, values: dict) -> "Figures":
        return cls(
            persons=values["persons"] or 0,
            enrolled=values["enrolled"] or 0,
            completed=values["completed"] or 0,
            seconds=values["seconds"] or 0,
            by_gender=tuple(values[f"persons_{gender}"] or 0 for gender in GENDERS),
            gained=values["gained_persons"] or 0,
            gained_by_gender=tuple(values[f"gained_{gender}"] or 0 for gender in GENDERS),
        )

    def cells(self, by_gender: bool) -> list:
        rate = share(self.completed, self.enrolled)
        hours = (Decimal(self.seconds) / 3600).quantize(ONE_DECIMAL, ROUND_HALF_UP)
        return [
            self.persons,
            *(self.by_gender if by_gender else ()),
            self.gained,
            *(self.gained_by_gender if by_gender else ()),
            self.enrolled,
            self.completed,
            rate,
            hours,
        ]


@dataclass
class IndicatorRow:
    group: str  # "institution" or "course"
    name: str
    figures: Figures


class IndicatorRows(list):
    """The rows, fetched whole (a few per institution and course), with the
    queryset methods the report views and writers call."""

    def count(self) -> int:
        return len(self)

    def iterator(self, chunk_size=None):
        return iter(self)


def indicator_rows(form: ReportFilterForm) -> tuple[IndicatorRows, Figures]:
    """The institution rows, then the course rows, then the totals, in three queries."""
    enrolments = indicator_enrolments(form).order_by()
    figures = _figures(form)
    by_institution = (
        enrolments.values("user__institution_id", "user__institution__name")
        .annotate(**figures)
        .order_by("user__institution__name", "user__institution_id")
    )
    by_course = (
        enrolments.values("course_id", "course__title")
        .annotate(**figures)
        .order_by("course__title", "course_id")
    )
    rows = IndicatorRows(
        [
            IndicatorRow(
                "institution",
                values["user__institution__name"] or _("no institution"),
                Figures.of(values),
            )
            for values in by_institution
        ]
        + [
            IndicatorRow("course", values["course__title"], Figures.of(values))
            for values in by_course
        ]
    )
    return rows, Figures.of(enrolments.aggregate(**figures))


GROUP_LABELS = {
    "institution": pgettext_lazy("indicator row", "institution"),
    "course": pgettext_lazy("indicator row", "course"),
}


def indicator_row(number: int, row: IndicatorRow, by_gender: bool) -> list:
    return [number, str(GROUP_LABELS[row.group]), row.name, *row.figures.cells(by_gender)]


@dataclass
class Totals:
    """The totals row: computed in SQL over all counted enrolments, so each
    person counts once (the rows above may name them twice)."""

    figures: Figures
    by_gender: bool

    def row(self) -> list:
        return [
            "",
            "",
            _("Total (each person counted once)"),
            *self.figures.cells(self.by_gender),
        ]


def indicator_table(rows: Iterable[IndicatorRow], by_gender: bool) -> Iterator[list]:
    for number, row in enumerate(rows, start=1):
        yield indicator_row(number, row, by_gender)


@register
class IndicatorReport(TableReport):
    """Wskaźniki: persons trained, persons who gained competences,
    completions and hours per institution and course, in every format (the
    CSV streams like every report's). The status filter does not apply
    (completion in the period is what counts), so the form has none."""

    slug = "indicators"
    export_label = gettext_lazy("indicator summary")
    menu_label = gettext_lazy("Indicators")
    title = gettext_lazy("Indicator summary")
    filename = "wskazniki"
    sheet_name = gettext_lazy("Indicators")
    form_class = PeriodFilterForm

    def __init__(self, form):
        super().__init__(form)
        self.by_gender = AccountSettings.load().report_by_gender
        self.set_columns(self, columns(self.by_gender))
        self._totals = None

    def objects(self):
        rows, totals = indicator_rows(self.form)
        self._totals = Totals(totals, self.by_gender)
        return rows

    def rows(self, objects, totals):
        return indicator_table(objects, self.by_gender)

    def new_totals(self):
        return self._totals

    def page_totals(self, objects):
        return self._totals
