"""The four-stage competence document (nabycie kompetencji) for the grant
settlement, for the courses, institution and period of the filters: one
document covering every course in scope with participants assessed in the
period (the evidence pack holds it once, like the other reports).

- I. Zakres (scope): each course, its target group, the framework and the
  competences (area, code, Polish name) with their target levels;
- II. Wzorzec (standard): every standard version the participants were
  assessed against, with its date, its outcomes (code, text, competence,
  target level, pass criterion) and its minimum gain;
- III. Ocena (assessment): each participant assessed in the period, their
  institution (and gender where the installation collects it), version,
  date, the post-test score and whether they met each outcome, and
  whether they gained the competences;
- IV. Porównanie (comparison): the pre- and post-test scores and the gain
  of each participant, then the persons assessed and gained per
  institution and per gender, each person counted once.

Which participants: enrolments as in the indicator summary (the user's
scope, not withdrawn, the chosen course and institution) whose
`CompetenceAssessment` was assessed in the period. Everything is read from
the frozen standards and the stored results, never from the editable
course, so the document states what participants were assessed against.

A fixed number of queries for any number of participants: the assessments
(one query), their standard versions, the courses' target groups and the
framework areas' names (one each), the settings; the rest are pure."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.models import AccountSettings, User
from courses import exports
from courses.models import CompetenceArea, CompetenceAssessment, CompetenceStandard, CoursePage
from courses.reports import documents
from courses.reports.activity import local_bounds, reported_enrolments
from courses.reports.base import TableReport, letterhead, register, share
from courses.reports.filters import PeriodFilterForm, ReportFilterForm

SCOPE_HEADING = gettext_lazy("I. Scope")
STANDARD_HEADING = gettext_lazy("II. Standard")
ASSESSMENT_HEADING = gettext_lazy("III. Assessment")
COMPARISON_HEADING = gettext_lazy("IV. Comparison")

SCOPE_COLUMNS = [
    (gettext_lazy("Course"), 30),
    (gettext_lazy("Target group"), 26),
    (gettext_lazy("Framework"), 16),
    (gettext_lazy("Competence area"), 26),
    (gettext_lazy("Competence"), 34),
    (gettext_lazy("Target level"), 10),
]
STANDARD_COLUMNS = [
    (gettext_lazy("Course"), 30),
    (gettext_lazy("Version"), 8),
    (gettext_lazy("In force since"), 16),
    (gettext_lazy("Outcome"), 8),
    (gettext_lazy("Learning outcome"), 40),
    (gettext_lazy("Competence"), 30),
    (gettext_lazy("Target level"), 10),
    (gettext_lazy("Pass criterion (%)"), 10),
    (gettext_lazy("Minimum gain (percentage points)"), 12),
]
PARTICIPANT_COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Full name"), 26),
    (gettext_lazy("Institution"), 30),
]
GENDER_COLUMN = (gettext_lazy("Gender"), 12)
ASSESSMENT_COLUMNS = [
    (gettext_lazy("Course"), 30),
    (gettext_lazy("Version"), 8),
    (gettext_lazy("Assessed at"), 16),
    (gettext_lazy("Outcomes: post-test score, met"), 40),
    (gettext_lazy("Post-test score (%)"), 10),
    (gettext_lazy("Competences gained"), 10),
]
COMPARISON_COLUMNS = [
    *PARTICIPANT_COLUMNS,
    (gettext_lazy("Course"), 30),
    (gettext_lazy("Pre-test score (%)"), 10),
    (gettext_lazy("Post-test score (%)"), 10),
    (gettext_lazy("Gain (percentage points)"), 12),
]
COUNT_COLUMNS = [
    (gettext_lazy("Persons assessed"), 10),
    (gettext_lazy("Persons who gained competences"), 12),
    (gettext_lazy("Share gained (%)"), 12),
]
INSTITUTION_COUNT_COLUMNS = [(gettext_lazy("Institution"), 40), *COUNT_COLUMNS]
GENDER_COUNT_COLUMNS = [(gettext_lazy("Gender"), 40), *COUNT_COLUMNS]


def headers(columns) -> list:
    return [header for header, _width in columns]


def widths(columns) -> list:
    return [width for _header, width in columns]


def assessment_columns(by_gender: bool) -> list:
    return [*PARTICIPANT_COLUMNS, *([GENDER_COLUMN] if by_gender else []), *ASSESSMENT_COLUMNS]


# --- Reads --------------------------------------------------------------------


def assessed_in_period(form: ReportFilterForm):
    """The assessments of the reported enrolments graded in the period, in
    list order, each with its learner, institution, course and version
    (the version's content is read once per version, not per row)."""
    first, last = local_bounds(*form.period)
    return (
        CompetenceAssessment.objects.filter(
            enrolment__in=reported_enrolments(form),
            assessed_at__gte=first,
            assessed_at__lt=last,
        )
        .select_related("enrolment__user__institution", "enrolment__course", "standard")
        .defer("standard__content")
        .order_by(
            "enrolment__course__title",
            "enrolment__user__last_name",
            "enrolment__user__first_name",
            "pk",
        )
    )


@dataclass
class Reference:
    """What the document reads besides the assessments: the standard
    versions used, each course's target groups, and the areas' names."""

    standards: list[CompetenceStandard]
    audiences: dict[int, list[str]]
    areas: dict[tuple[str, str], str]


def reference_load(assessments: list[CompetenceAssessment]) -> Reference:
    """The standard versions of the assessments, with their courses' target
    groups and the names of the framework areas they name, in three queries."""
    standards = list(
        CompetenceStandard.objects.filter(pk__in={a.standard_id for a in assessments})
        .select_related("course")
        .order_by("course__title", "course_id", "number")
    )
    audiences = defaultdict(list)
    through = CoursePage.audiences.through.objects.filter(
        coursepage_id__in={standard.course_id for standard in standards}
    ).order_by("audience__name")
    for course_id, name in through.values_list("coursepage_id", "audience__name"):
        audiences[course_id].append(name)
    areas = {
        (framework, code): name
        for framework, code, name in CompetenceArea.objects.filter(
            framework__code__in=_framework_codes(standards)
        ).values_list("framework__code", "code", "name")
    }
    return Reference(standards=standards, audiences=dict(audiences), areas=areas)


def _framework_code(content: dict, competence: dict) -> str:
    return competence.get("framework") or (content.get("framework") or {}).get("code") or ""


def _framework_codes(standards: Iterable[CompetenceStandard]) -> set[str]:
    return {
        _framework_code(standard.content, outcome["competence"])
        for standard in standards
        for outcome in standard.content.get("outcomes", [])
        if outcome.get("competence")
    }


# --- Sections (pure) ----------------------------------------------------------


def competence_label(competence: dict | None) -> str:
    """A competence as a document names it: its code and Polish name."""
    return f"{competence['code']} {competence['name']}" if competence else ""


def scope_rows(reference: Reference) -> Iterator[list]:
    """I. Zakres: per course the target group, the framework and each
    competence its outcomes develop, with the target level; a competence
    aimed at the same level in several versions is listed once."""
    seen = set()
    for standard in reference.standards:
        content = standard.content
        framework = (content.get("framework") or {}).get("name", "")
        target_group = ", ".join(reference.audiences.get(standard.course_id, []))
        for outcome in content.get("outcomes", []):
            competence = outcome.get("competence")
            if not competence:
                continue
            key = (standard.course_id, competence["code"], outcome.get("target_level"))
            if key in seen:
                continue
            seen.add(key)
            area_code = competence.get("area", "")
            area_name = reference.areas.get((_framework_code(content, competence), area_code), "")
            yield [
                standard.course.title,
                target_group,
                framework,
                f"{area_code} {area_name}".strip(),
                competence_label(competence),
                outcome.get("target_level"),
            ]


def standard_rows(reference: Reference) -> Iterator[list]:
    """II. Wzorzec: every outcome of every version, with its criteria."""
    for standard in reference.standards:
        content = standard.content
        for outcome in content.get("outcomes", []):
            yield [
                standard.course.title,
                standard.number,
                standard.frozen_at,
                outcome["code"],
                outcome.get("text", ""),
                competence_label(outcome.get("competence")),
                outcome.get("target_level"),
                outcome.get("pass_percent"),
                content.get("min_gain", 0),
            ]


def full_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".strip()


def gender_label(gender: str) -> str:
    return str(User.Gender(gender).label) if gender else _("not given")


class ParticipantCells:
    """The cells that start a participant's row; the words are looked up
    once per document, not once per row."""

    def __init__(self, by_gender: bool):
        self.by_gender = by_gender
        self.no_institution = _("no institution")
        self.met = _("%(code)s: %(score)s%% (met)")
        self.not_met = _("%(code)s: %(score)s%% (not met)")

    def start(self, number: int, assessment: CompetenceAssessment, gender=False) -> list:
        user = assessment.enrolment.user
        cells = [number, full_name(user), self.institution(user)]
        if gender and self.by_gender:
            cells.append(gender_label(user.gender))
        return cells

    def institution(self, user: User) -> str:
        return user.institution.name if user.institution else self.no_institution

    def outcomes(self, results: dict) -> str:
        """Each outcome's post-test score and whether it met its criterion."""
        return "; ".join(
            (self.met if outcome.get("met") else self.not_met)
            % {
                "code": outcome["code"],
                "score": "–" if outcome.get("after") is None else outcome["after"],
            }
            for outcome in results.get("outcomes", [])
        )


def assessment_rows(assessments: Iterable[CompetenceAssessment], by_gender: bool) -> Iterator:
    """III. Ocena: one row per participant and course."""
    cells = ParticipantCells(by_gender)
    for number, assessment in enumerate(assessments, start=1):
        results = assessment.results or {}
        yield [
            *cells.start(number, assessment, gender=True),
            assessment.enrolment.course.title,
            assessment.standard.number,
            assessment.assessed_at,
            cells.outcomes(results),
            results.get("score_after"),
            bool(assessment.gained),
        ]


def comparison_rows(assessments: Iterable[CompetenceAssessment]) -> Iterator[list]:
    """IV. Porównanie: pre-test against post-test, per participant and course."""
    cells = ParticipantCells(False)
    for number, assessment in enumerate(assessments, start=1):
        results = assessment.results or {}
        yield [
            *cells.start(number, assessment),
            assessment.enrolment.course.title,
            results.get("score_before"),
            results.get("score_after"),
            results.get("gain"),
        ]


@dataclass
class Persons:
    """Persons assessed and persons who gained competences in one group."""

    assessed: set
    gained: set

    def cells(self) -> list:
        return [len(self.assessed), len(self.gained), share(len(self.gained), len(self.assessed))]


def _counted(assessments: Iterable[CompetenceAssessment], group) -> tuple[list[list], list]:
    """Rows of persons assessed and gained per group (`group(user)`), and the
    totals, each person counted once (a person who gained on one course of
    two counts as gained)."""
    groups: dict[str, Persons] = defaultdict(lambda: Persons(set(), set()))
    total = Persons(set(), set())
    for assessment in assessments:
        user = assessment.enrolment.user
        for counted in (groups[group(user)], total):
            counted.assessed.add(user.pk)
            if assessment.gained:
                counted.gained.add(user.pk)
    rows = [[name, *groups[name].cells()] for name in sorted(groups)]
    return rows, [_("Total (each person counted once)"), *total.cells()]


def institution_counts(assessments) -> tuple[list[list], list]:
    cells = ParticipantCells(False)
    return _counted(assessments, cells.institution)


def gender_counts(assessments) -> tuple[list[list], list]:
    return _counted(assessments, lambda user: gender_label(user.gender))


@dataclass
class Part:
    """One table of the document: a sheet of the XLSX, a table of the PDF."""

    section: str
    sheet: str
    columns: list
    rows: list
    totals: list | None = None
    caption: str = ""


def document_parts(
    assessments: list[CompetenceAssessment], reference: Reference, by_gender: bool
) -> list[Part]:
    """The four sections' tables, from what was fetched."""
    by_institution, institution_total = institution_counts(assessments)
    parts = [
        Part(str(SCOPE_HEADING), str(SCOPE_HEADING), SCOPE_COLUMNS, list(scope_rows(reference))),
        Part(
            str(STANDARD_HEADING),
            str(STANDARD_HEADING),
            STANDARD_COLUMNS,
            list(standard_rows(reference)),
        ),
        Part(
            str(ASSESSMENT_HEADING),
            str(ASSESSMENT_HEADING),
            assessment_columns(by_gender),
            list(assessment_rows(assessments, by_gender)),
        ),
        Part(
            str(COMPARISON_HEADING),
            str(COMPARISON_HEADING),
            COMPARISON_COLUMNS,
            list(comparison_rows(assessments)),
            caption=_("Pre-test and post-test per participant"),
        ),
        Part(
            str(COMPARISON_HEADING),
            _("IV. By institution"),
            INSTITUTION_COUNT_COLUMNS,
            by_institution,
            institution_total,
            caption=_("Persons who gained competences, by institution"),
        ),
    ]
    if by_gender:
        by_gender_rows, gender_total = gender_counts(assessments)
        parts.append(
            Part(
                str(COMPARISON_HEADING),
                _("IV. By gender"),
                GENDER_COUNT_COLUMNS,
                by_gender_rows,
                gender_total,
                caption=_("Persons who gained competences, by gender"),
            )
        )
    return parts


# --- The report ---------------------------------------------------------------


@dataclass
class Totals:
    """The persons assessed and gained in the whole filtered set."""

    assessed: int
    gained: int
    by_gender: bool

    def row(self) -> list:
        return [
            "",
            _("Total persons assessed: %(assessed)s, of whom gained competences: %(gained)s")
            % {"assessed": self.assessed, "gained": self.gained},
            *[""] * (len(assessment_columns(self.by_gender)) - 2),
        ]


@register
class CompetenceDocumentReport(TableReport):
    """Nabycie kompetencji: the four-stage document. Its admin page lists the
    assessed participants (section III); its files hold all four sections."""

    slug = "competences"
    export_label = gettext_lazy("competence gain document")
    menu_label = gettext_lazy("Competence gain")
    title = gettext_lazy("Competence gain: scope, standard, assessment, comparison")
    filename = "nabycie-kompetencji"
    formats = ("xlsx", "pdf")
    form_class = PeriodFilterForm

    def __init__(self, form):
        super().__init__(form)
        self.by_gender = AccountSettings.load().report_by_gender
        self.set_columns(self, assessment_columns(self.by_gender))

    def objects(self):
        return assessed_in_period(self.form)

    def row_source(self, objects):
        return objects

    def rows(self, objects, totals):
        return assessment_rows(objects, self.by_gender)

    def new_totals(self):
        return None

    def page_totals(self, objects):
        figures = objects.order_by().aggregate(
            assessed=Count("enrolment__user_id", distinct=True),
            gained=Count("enrolment__user_id", distinct=True, filter=Q(gained=True)),
        )
        return Totals(by_gender=self.by_gender, **figures)

    def parts(self, objects) -> list[Part]:
        assessments = list(objects)
        return document_parts(assessments, reference_load(assessments), self.by_gender)

    def xlsx_write(self, objects, output) -> None:
        exports.xlsx_write_sheets(
            output,
            [
                exports.Sheet(part.sheet, headers(part.columns), rows, widths(part.columns))
                for part in self.parts(objects)
                for rows in [part.rows + ([part.totals] if part.totals else [])]
            ],
        )

    def pdf_bytes(self, objects) -> bytes:
        sections: dict[str, documents.Section] = {}
        for part in self.parts(objects):
            section = sections.setdefault(part.section, documents.Section(part.section))
            section.tables.append(
                documents.Table(headers(part.columns), part.rows, part.caption, part.totals)
            )
        return documents.render_sections_pdf(
            title=str(self.title),
            filters=self.described_filters(),
            sections=list(sections.values()),
            **letterhead(),
        )
