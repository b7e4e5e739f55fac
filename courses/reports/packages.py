"""The SCORM/cmi5 results report: one row per attempt at a package part (a
SCO or AU of a package activity in a lesson) by a participant in the
user's scope, as the attendance list scopes its enrolments, with what the
package last committed: statuses in words, the best score, the time the
package itself reports (shown as the package's claim, never as effective
learning time, which only our heartbeats measure), when it started, its
last commit and when the part came to count as done.

An attempt belongs to the period when it was worked on in it: started
before the period's end and last committed on or after its start (an
attempt keeps only its last commit moment). `package_attempts` is the read
(value rows, one query for any number); the parts' titles come from the
packages' manifests, each package read once per export or page; the rest
are pure functions."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.models import ScormAttempt, ScormPackage
from courses.reports.activity import full_name, local_bounds, on_reported_enrolments
from courses.reports.base import TableReport, batched, register
from courses.reports.filters import PeriodFilterForm, ReportFilterForm
from courses.scorm import cmi

COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Full name"), 24),
    (gettext_lazy("Institution"), 28),
    (gettext_lazy("Course"), 26),
    (gettext_lazy("Lesson"), 24),
    (gettext_lazy("Package"), 22),
    (gettext_lazy("Part"), 22),
    (gettext_lazy("Attempt"), 8),
    (gettext_lazy("Completion"), 13),
    (gettext_lazy("Success"), 12),
    (gettext_lazy("Score (%)"), 8),
    (gettext_lazy("Time reported by the package (h:mm)"), 12),
    (gettext_lazy("Started"), 16),
    (gettext_lazy("Last commit"), 16),
    (gettext_lazy("Done"), 16),
]
# The SCORM 1.2 and 2004 (and cmi5) status vocabularies in words; a value
# outside them (none is stored: commits are checked) would show as it is.
STATUS_WORDS = {
    cmi.COMPLETED: pgettext_lazy("package status", "completed"),
    cmi.INCOMPLETE: pgettext_lazy("package status", "incomplete"),
    cmi.NOT_ATTEMPTED: pgettext_lazy("package status", "not attempted"),
    cmi.UNKNOWN: pgettext_lazy("package status", "unknown"),
    cmi.PASSED: pgettext_lazy("package status", "passed"),
    cmi.FAILED: pgettext_lazy("package status", "failed"),
    "browsed": pgettext_lazy("package status", "browsed"),
}
# Rows whose packages are looked up together (one query for those not seen yet).
PACKAGE_BATCH = 2000
FIELDS = (
    "user_id",
    "user__first_name",
    "user__last_name",
    "user__institution__name",
    "course__title",
    "lesson_id",
    "lesson__title",
    "package_id",
    "activity_id",
    "unit",
    "number",
    "completion_status",
    "success_status",
    "best_score",
    "reported_seconds",
    "commits",
    "started_at",
    "updated_at",
    "done_at",
)


def package_attempts(form: ReportFilterForm):
    """The attempts of a valid form as value rows in list order: on a
    reported enrolment's course (the attendance scope, not withdrawn, the
    chosen course and institution), worked on in the period."""
    data = form.cleaned_data
    start, end = local_bounds(data["period_from"], data["period_to"])
    attempts = ScormAttempt.objects.filter(started_at__lt=end, updated_at__gte=start)
    return (
        on_reported_enrolments(attempts, form)
        .values(*FIELDS)
        .order_by(
            "course__title",
            "user__last_name",
            "user__first_name",
            "user_id",
            "lesson__path",
            "package__title",
            "unit",
            "number",
            "pk",
        )
    )


class PackageTitles:
    """Package id → (package title, {unit identifier: unit title}), each
    package read once (its manifest holds the parts' titles) however many
    rows or batches mention it."""

    def __init__(self):
        self.known: dict[int, tuple[str, dict[str, str]]] = {}

    def load(self, package_ids: Iterable[int]) -> None:
        missing = set(package_ids) - self.known.keys()
        if not missing:
            return
        for package in (
            ScormPackage.objects.filter(pk__in=missing).only("title", "manifest").order_by()
        ):
            units = {unit.identifier: unit.title for unit in package.units}
            self.known[package.pk] = (package.title, units)

    def titles(self, attempt: dict) -> tuple[str, str]:
        """The attempt's package title and its part's title (the identifier
        where the manifest no longer names it: a replaced package)."""
        package, units = self.known.get(attempt["package_id"], ("", {}))
        return package, units.get(attempt["unit"], attempt["unit"])


def status_word(value: str) -> str:
    return STATUS_WORDS.get(value, value)


def package_row(number: int, attempt: dict, titles: PackageTitles) -> list:
    package, part = titles.titles(attempt)
    return [
        number,
        full_name(attempt),
        attempt["user__institution__name"] or "",
        attempt["course__title"],
        attempt["lesson__title"],
        package,
        part,
        attempt["number"],
        status_word(attempt["completion_status"]),
        status_word(attempt["success_status"]),
        attempt["best_score"],
        timedelta(seconds=round(attempt["reported_seconds"])),
        attempt["started_at"],
        attempt["updated_at"] if attempt["commits"] else None,  # launched, nothing committed
        attempt["done_at"],
    ]


def part_key(attempt: dict) -> tuple:
    """A part of a person's: the same unit of the same activity in the same lesson."""
    return (attempt["user_id"], attempt["lesson_id"], attempt["activity_id"], attempt["unit"])


@dataclass
class Totals:
    """The figures under the table: attempts, and the distinct parts done
    (a part done in two attempts counts once)."""

    attempts: int = 0
    parts_done: int = 0
    _done: set = field(default_factory=set, repr=False)

    def add(self, attempt: dict) -> None:
        self.attempts += 1
        if attempt["done_at"] is not None:
            self._done.add(part_key(attempt))
            self.parts_done = len(self._done)

    def row(self) -> list:
        """The totals as the last row of an export."""
        return [
            "",
            _("Total – attempts: %(attempts)s, parts done: %(done)s")
            % {"attempts": self.attempts, "done": self.parts_done},
            *[""] * (len(COLUMNS) - 2),
        ]


def package_rows(attempts: Iterable[dict], totals: Totals) -> Iterator[list]:
    """Numbered rows, adding up the totals as they go; the packages of each
    batch of rows are read once, if not read before."""
    titles = PackageTitles()
    number = 0
    for batch in batched(attempts, PACKAGE_BATCH):
        titles.load(attempt["package_id"] for attempt in batch)
        for attempt in batch:
            number += 1
            totals.add(attempt)
            yield package_row(number, attempt, titles)


def package_totals(attempts) -> Totals:
    """Totals of the whole filtered set, in two queries."""
    attempts = attempts.order_by()
    return Totals(
        attempts=attempts.count(),
        parts_done=attempts.filter(done_at__isnull=False)
        .values("user_id", "lesson_id", "activity_id", "unit")
        .distinct()
        .count(),
    )


@register
class PackageReport(TableReport):
    """Wyniki pakietów SCORM/cmi5: every attempt in scope and period."""

    slug = "packages"
    export_label = gettext_lazy("SCORM/cmi5 results report")
    menu_label = gettext_lazy("SCORM/cmi5 results")
    title = gettext_lazy("SCORM/cmi5 results")
    filename = "wyniki-pakietow"
    sheet_name = gettext_lazy("SCORM-cmi5 results")  # no "/" in a sheet name
    columns = COLUMNS
    form_class = PeriodFilterForm

    def objects(self):
        return package_attempts(self.form)

    def rows(self, objects, totals):
        return package_rows(objects, totals)

    def new_totals(self):
        return Totals()

    def page_totals(self, objects):
        return package_totals(objects)


HEADERS = PackageReport.headers
