"""The activity report: the evidence of remote participation. One row per
participant, course and day: when the person logged in first and out last
that day, their learning sessions on the course that day and the effective
(active, lesson visible) time they add up to.

A "day" is a calendar day in the site's time zone (Europe/Warsaw), and a
session belongs to the day it started on. Rows come from learning sessions:
a day with a login but no learning on a reported course has no row, since
a login is not tied to any course. Login and logout times are the person's,
whatever they did after logging in, so two courses on one day show the same
times. The last logout is the last logout or session expiry of that day;
either may be missing (a login the day before, a browser closed).

The SCORM/cmi5 column counts the distinct package parts (a unit of a
package activity in a lesson: lesson, activity, SCO/AU) of that course the
person worked on that day: an attempt counts on the local day it started
and on the day of its last commit. An attempt keeps only its last commit
moment, not each commit, so the days in between of an attempt that ran
over several days are not counted; and, rows coming from learning
sessions, a day with package commits but no learning session has no row.

`activity_groups` is the read (one query for any number of rows); the
login times and the package parts come in one more query each per batch of
rows (for a page or a file of up to `LOGIN_BATCH` rows); the rest are pure
functions."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.models import LoginEvent
from courses.models import LearningSession, ScormAttempt
from courses.reports import scope
from courses.reports.base import TableReport, batched, register
from courses.reports.filters import PeriodFilterForm, ReportFilterForm

COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Date"), 11),
    (gettext_lazy("Full name"), 26),
    (gettext_lazy("Institution"), 30),
    (gettext_lazy("Course"), 30),
    (gettext_lazy("First login"), 10),
    (gettext_lazy("Last logout"), 10),
    (gettext_lazy("Learning sessions"), 10),
    (gettext_lazy("First session start"), 10),
    (gettext_lazy("Last seen"), 10),
    (gettext_lazy("Effective time (h:mm)"), 12),
    (gettext_lazy("SCORM/cmi5 parts worked on"), 12),
]
# Rows whose login times and package parts are fetched together (one query each).
LOGIN_BATCH = 2000
LOGOUT_KINDS = (LoginEvent.Kind.LOGOUT, LoginEvent.Kind.EXPIRED)


def local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The period's first moment and the moment after its last day, in the
    site's time zone (so the database can use its indexes on the times)."""
    zone = timezone.get_default_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min), zone),
    )


def _local_day(field_name: str) -> TruncDate:
    return TruncDate(field_name, tzinfo=timezone.get_default_timezone())


def reported_enrolments(form: ReportFilterForm):
    """The enrolments whose learning the report shows: in the user's scope
    (as for attendance), not withdrawn, on the chosen course and institution."""
    data = form.cleaned_data
    enrolments = scope.report_enrolments(form.user).filter(withdrawn_at__isnull=True)
    if data.get("course"):
        enrolments = enrolments.filter(course=data["course"])
    if form.institution_ids is not None:
        enrolments = enrolments.filter(user__institution_id__in=form.institution_ids)
    return enrolments


def on_reported_enrolments(rows, form: ReportFilterForm):
    """The rows of a queryset of a person's work on a course (sessions,
    package attempts) that belong to a reported enrolment, so that every
    such report is scoped as the attendance list is. The course is also
    compared on the rows themselves, which lets the database use their index."""
    enrolled = reported_enrolments(form).filter(
        user_id=OuterRef("user_id"), course_id=OuterRef("course_id")
    )
    rows = rows.filter(Exists(enrolled))
    if course := form.cleaned_data.get("course"):
        rows = rows.filter(course=course)
    return rows


def activity_sessions(form: ReportFilterForm):
    """Learning sessions started in the period on a reported enrolment's course."""
    data = form.cleaned_data
    start, end = local_bounds(data["period_from"], data["period_to"])
    sessions = LearningSession.objects.filter(started_at__gte=start, started_at__lt=end)
    return on_reported_enrolments(sessions, form).annotate(day=_local_day("started_at"))


def activity_groups(form: ReportFilterForm):
    """One dict per participant, course and day with the sessions' figures,
    in date, name and course order."""
    return (
        activity_sessions(form)
        .values(
            "day",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__institution__name",
            "course_id",
            "course__title",
        )
        .annotate(
            sessions=Count("pk"),
            first_start=Min("started_at"),
            last_seen=Max("last_seen_at"),
            active=Sum("active_seconds"),
        )
        .order_by(
            "day", "user__last_name", "user__first_name", "user_id", "course__title", "course_id"
        )
    )


def login_times(user_ids: Iterable[int], start: date, end: date) -> dict:
    """(user id, day) → (first login, last logout or expiry) of that day, for
    these people and the days of the period; one query."""
    first, last = local_bounds(start, end)
    events = (
        LoginEvent.objects.filter(user_id__in=set(user_ids), at__gte=first, at__lt=last)
        .annotate(day=_local_day("at"))
        .values("user_id", "day")
        .annotate(
            first_login=Min("at", filter=Q(kind=LoginEvent.Kind.LOGIN)),
            last_logout=Max("at", filter=Q(kind__in=LOGOUT_KINDS)),
        )
        .order_by()
    )
    return {
        (event["user_id"], event["day"]): (event["first_login"], event["last_logout"])
        for event in events
    }


def package_parts_by_day(
    user_ids: Iterable[int], course_ids: Iterable[int], start: date, end: date
) -> dict[tuple[int, int, date], int]:
    """(user id, course id, day) → the distinct package parts the person
    worked on in that course that day (see the module's docstring: the day
    an attempt started and the day of its last commit), for these people
    and courses and the days of the period; one query."""
    first, last = local_bounds(start, end)
    attempts = (
        ScormAttempt.objects.filter(
            user_id__in=set(user_ids),
            course_id__in=set(course_ids),
            started_at__lt=last,
            updated_at__gte=first,
        )
        .annotate(started_on=_local_day("started_at"), committed_on=_local_day("updated_at"))
        .values_list(
            "user_id", "course_id", "lesson_id", "activity_id", "unit", "started_on", "committed_on"
        )
        .order_by()
    )
    parts: dict[tuple[int, int, date], set] = defaultdict(set)
    for user_id, course_id, lesson_id, activity_id, unit, *days in attempts:
        for day in set(days):
            parts[(user_id, course_id, day)].add((lesson_id, activity_id, unit))
    return {key: len(worked_on) for key, worked_on in parts.items()}


def time_on(day: date, moment: datetime | None):
    """A moment as the local time of day when it falls on `day`, else as the
    full local date and time (a session that ran past midnight), so a
    printed row never reads as if it ended before it began."""
    if moment is None:
        return None
    local = timezone.localtime(moment, timezone.get_default_timezone())
    return local.time().replace(second=0, microsecond=0) if local.date() == day else local


def full_name(group: dict) -> str:
    return f"{group['user__first_name']} {group['user__last_name']}".strip()


def activity_row(number: int, group: dict, logins: dict, package_parts: dict) -> list:
    day = group["day"]
    first_login, last_logout = logins.get((group["user_id"], day), (None, None))
    return [
        number,
        day,
        full_name(group),
        group["user__institution__name"] or "",
        group["course__title"],
        time_on(day, first_login),
        time_on(day, last_logout),
        group["sessions"],
        time_on(day, group["first_start"]),
        time_on(day, group["last_seen"]),
        timedelta(seconds=group["active"] or 0),
        package_parts.get((group["user_id"], group["course_id"], day), 0),
    ]


@dataclass
class Totals:
    """The figures under the table: people, person-days (a person learning
    on one day, whatever the number of courses) and the effective time."""

    people: int = 0
    days: int = 0
    effective: timedelta = timedelta()
    _people: set = field(default_factory=set, repr=False)
    _days: set = field(default_factory=set, repr=False)

    def add(self, group: dict) -> None:
        self._people.add(group["user_id"])
        self._days.add((group["user_id"], group["day"]))
        self.people, self.days = len(self._people), len(self._days)
        self.effective += timedelta(seconds=group["active"] or 0)

    def row(self) -> list:
        """The totals as the last row of an export."""
        return [
            "",
            "",
            _("Total – participants: %(people)s, person-days: %(days)s")
            % {"people": self.people, "days": self.days},
            *[""] * 7,
            self.effective,
            "",
        ]


def activity_rows(groups: Iterable[dict], start: date, end: date, totals: Totals) -> Iterator:
    """Numbered rows with each person's login times and package parts merged
    in, adding up the totals as they go; both are read once per batch of rows."""
    number = 0
    for batch in batched(groups, LOGIN_BATCH):
        user_ids = {group["user_id"] for group in batch}
        logins = login_times(user_ids, start, end)
        package_parts = package_parts_by_day(
            user_ids, {group["course_id"] for group in batch}, start, end
        )
        for group in batch:
            number += 1
            totals.add(group)
            yield activity_row(number, group, logins, package_parts)


def activity_totals(form: ReportFilterForm) -> Totals:
    """Totals of the whole filtered set, in two queries."""
    sessions = activity_sessions(form).order_by()
    figures = sessions.aggregate(
        people=Count("user_id", distinct=True), effective=Sum("active_seconds")
    )
    return Totals(
        people=figures["people"],
        days=sessions.values("user_id", "day").distinct().count(),
        effective=timedelta(seconds=figures["effective"] or 0),
    )


@register
class ActivityReport(TableReport):
    """Remote-participation evidence: logins, sessions and effective time
    per participant, course and day. The status filter does not apply (a
    day's activity is not an enrolment's state), so the form has none."""

    slug = "activity"
    export_label = gettext_lazy("activity report (remote participation)")
    menu_label = gettext_lazy("Activity (remote participation)")
    title = gettext_lazy("Activity and remote participation")
    filename = "aktywnosc"
    sheet_name = gettext_lazy("Activity")
    columns = COLUMNS
    signatures = True
    form_class = PeriodFilterForm

    def objects(self):
        return activity_groups(self.form)

    def rows(self, objects, totals):
        data = self.form.cleaned_data
        return activity_rows(objects, data["period_from"], data["period_to"], totals)

    def new_totals(self):
        return Totals()

    def page_totals(self, objects):
        return activity_totals(self.form)


HEADERS = ActivityReport.headers
