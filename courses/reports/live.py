"""Live-session attendance (lista obecności z zajęć na żywo), two reports:

- per session: one row per session and learner expected at it (or recorded
  on it), with the session's date, start, end and duration, the status and
  the check-in time; totals count the attended rows and their hours;
- per course: one row per learner and course with sessions in the period:
  sessions expected, attended (present or late), excused, absent or not
  recorded, planned and attended hours and the attendance share.

Sessions belong to the period by their start (a local calendar day in
Europe/Warsaw); durations are real elapsed time between the stored UTC
moments, so a session across a clock change lasts what it lasted. Both
read value rows in SQL in list order and add what they need per chunk, so a
page or a file costs a fixed number of queries."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, timedelta

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.catalogue import selectors as catalogue_selectors
from courses.exports import hours_minutes
from courses.live.models import status_labels
from courses.models import Attendance, LiveSession
from courses.reports import scope
from courses.reports.activity import local_bounds
from courses.reports.base import TableReport, batched, described_filters, register
from courses.reports.filters import PeriodFilterForm
from lms.ids import IdModelChoiceField

SESSION_OUT_OF_SCOPE = gettext_lazy("You cannot report on this session. Choose one from the list.")
CHUNK = 2000


class LiveFilterForm(PeriodFilterForm):
    """The shared filters and, optionally, one session (the list of a
    single class, to print and sign)."""

    session = IdModelChoiceField(
        label=gettext_lazy("Live session"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("all sessions"),
        error_messages={"invalid_choice": SESSION_OUT_OF_SCOPE},
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, user=user, **kwargs)
        self.fields["session"].queryset = (
            LiveSession.objects.filter(course__in=catalogue_selectors.courses_in_scope(user))
            .select_related("course")
            .order_by("-starts_at")
        )


def _sessions(form):
    """The sessions of a valid form: on the user's report courses, starting
    within the period, of the chosen course or the one chosen session."""
    data = form.cleaned_data
    start, end = local_bounds(data["period_from"], data["period_to"])
    sessions = LiveSession.objects.filter(
        course__in=catalogue_selectors.courses_in_scope(form.user),
        starts_at__gte=start,
        starts_at__lt=end,
    )
    if data.get("course"):
        sessions = sessions.filter(course=data["course"])
    if data.get("session"):
        sessions = sessions.filter(pk=data["session"].pk)
    return sessions


def _expected_at(session_ref, institution_ref):
    """SQL: the session is for everyone enrolled or for the learner's institution."""
    through = LiveSession.expected_institutions.through
    return ~Exists(through.objects.filter(livesession_id=session_ref)) | Exists(
        through.objects.filter(livesession_id=session_ref, institution_id=institution_ref)
    )


def elapsed(row: dict) -> timedelta:
    """A session's real duration (in UTC: see LiveSession.duration)."""
    return row["ends_at"].astimezone(UTC) - row["starts_at"].astimezone(UTC)


def _visible_enrolments(form):
    enrolments = scope.report_enrolments(form.user).filter(withdrawn_at__isnull=True)
    if form.institution_ids is not None:
        enrolments = enrolments.filter(user__institution_id__in=form.institution_ids)
    return enrolments


# ---------------------------------------------------------------- per session

SESSION_COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Date"), 11),
    (gettext_lazy("Start"), 7),
    (gettext_lazy("End"), 7),
    (gettext_lazy("Duration (h:mm)"), 9),
    (gettext_lazy("Session"), 26),
    (gettext_lazy("Course"), 26),
    (gettext_lazy("Full name"), 24),
    (gettext_lazy("Institution"), 28),
    (gettext_lazy("Position"), 16),
    (gettext_lazy("Status"), 14),
    (gettext_lazy("Checked in"), 9),
]


def session_pairs(form):
    """One value row per (session, learner expected at it or recorded on
    it) in list order: the session's date and time, then the names."""
    sessions = _sessions(form)
    mine = Attendance.objects.filter(session_id=OuterRef("session_id"), user_id=OuterRef("user_id"))
    return (
        _visible_enrolments(form)
        .filter(course__live_sessions__in=sessions)
        # The same join as the filter above: one row per enrolment and session.
        .annotate(
            session_id=F("course__live_sessions__id"),
            session_title=F("course__live_sessions__title"),
            starts_at=F("course__live_sessions__starts_at"),
            ends_at=F("course__live_sessions__ends_at"),
        )
        .filter(
            _expected_at(OuterRef("session_id"), OuterRef("user__institution_id")) | Exists(mine)
        )
        .annotate(
            status=Subquery(mine.values("status")[:1]),
            checked_in_at=Subquery(mine.values("checked_in_at")[:1]),
        )
        .values(
            "pk",
            "user_id",
            "user__first_name",
            "user__last_name",
            "user__institution__name",
            "user__position",
            "course__title",
            "session_id",
            "session_title",
            "starts_at",
            "ends_at",
            "status",
            "checked_in_at",
        )
        .order_by("starts_at", "session_id", "user__last_name", "user__first_name", "pk")
    )


@dataclass
class SessionTotals:
    rows: int = 0
    attended: int = 0
    hours: timedelta = timedelta()

    def __post_init__(self):
        self.sessions = set()

    def add(self, row: dict) -> None:
        self.rows += 1
        self.sessions.add(row["session_id"])
        if row["status"] in Attendance.ATTENDED:
            self.attended += 1
            self.hours += elapsed(row)

    def row(self) -> list:
        return [
            "",
            "",
            "",
            "",
            self.hours,
            _("Total: %(sessions)s sessions, %(attended)s of %(rows)s attended")
            % {"sessions": len(self.sessions), "attended": self.attended, "rows": self.rows},
            "",
            _("Hours attended (h:mm): %(hours)s") % {"hours": hours_minutes(self.hours)},
            *[""] * 4,
        ]


class SessionRowWriter:
    """Value rows to typed list rows; the words and the zone looked up once."""

    def __init__(self):
        self.zone = timezone.get_default_timezone()
        self.labels = status_labels()
        self.not_recorded = _("not recorded")

    def row(self, number: int, row: dict) -> list:
        starts = row["starts_at"].astimezone(self.zone)
        ends = row["ends_at"].astimezone(self.zone)
        checked = row["checked_in_at"]
        return [
            number,
            starts.date(),
            starts.time().replace(tzinfo=None),
            ends.time().replace(tzinfo=None),
            elapsed(row),
            row["session_title"],
            row["course__title"],
            f"{row['user__first_name']} {row['user__last_name']}".strip(),
            row["user__institution__name"] or "",
            row["user__position"],
            self.labels.get(row["status"], self.not_recorded),
            checked.astimezone(self.zone).time().replace(tzinfo=None, microsecond=0)
            if checked
            else None,
        ]


def _described_with_session(report) -> list[tuple[str, str]]:
    lines = described_filters(report.form)
    session = report.form.cleaned_data.get("session")
    if session is not None:
        lines.append((str(_("Live session")), str(session)))
    return lines


@register
class LiveSessionAttendanceReport(TableReport):
    """Lista obecności per live session: who was expected, their status and
    check-in, with each session's date, start, end and duration."""

    slug = "live-session-attendance"
    export_label = gettext_lazy("live-session attendance list")
    menu_label = gettext_lazy("Live sessions: attendance list")
    title = gettext_lazy("Live sessions: attendance list")
    filename = "lista-obecnosci-zajecia"
    sheet_name = gettext_lazy("Sessions")
    columns = SESSION_COLUMNS
    signatures = True
    form_class = LiveFilterForm

    def objects(self):
        return session_pairs(self.form)

    def rows(self, objects, totals):
        writer = SessionRowWriter()
        for number, row in enumerate(objects, start=1):
            totals.add(row)
            yield writer.row(number, row)

    def new_totals(self):
        return SessionTotals()

    def page_totals(self, objects):
        totals = SessionTotals()
        for row in objects.iterator(chunk_size=CHUNK):
            totals.add(row)
        return totals

    def described_filters(self):
        return _described_with_session(self)


# ----------------------------------------------------------------- per course

COURSE_COLUMNS = [
    (pgettext_lazy("row number", "No."), 5),
    (gettext_lazy("Full name"), 26),
    (gettext_lazy("Institution"), 30),
    (gettext_lazy("Position"), 16),
    (gettext_lazy("Course"), 30),
    (gettext_lazy("Sessions"), 9),
    (gettext_lazy("Attended"), 9),
    (gettext_lazy("Excused"), 9),
    (gettext_lazy("Absent or not recorded"), 11),
    (gettext_lazy("Session hours (h:mm)"), 10),
    (gettext_lazy("Hours attended (h:mm)"), 10),
    (gettext_lazy("Attendance (%)"), 10),
]


def course_enrolments(form):
    """Active enrolments in scope with at least one session in the period
    that the learner is expected at, as value rows in list order."""
    sessions = _sessions(form).filter(course_id=OuterRef("course_id"))
    expected = sessions.filter(
        _expected_at(OuterRef("pk"), OuterRef(OuterRef("user__institution_id")))
    )
    recorded = sessions.filter(
        Exists(
            Attendance.objects.filter(
                session_id=OuterRef("pk"), user_id=OuterRef(OuterRef("user_id"))
            )
        )
    )
    return (
        _visible_enrolments(form)
        .filter(Q(Exists(expected)) | Q(Exists(recorded)))
        .values(
            "pk",
            "user_id",
            "course_id",
            "user__first_name",
            "user__last_name",
            "user__institution_id",
            "user__institution__name",
            "user__position",
            "course__title",
        )
        .order_by("course__title", "user__last_name", "user__first_name", "pk")
    )


def with_attendance(form, enrolments: Iterable[dict]) -> Iterator[dict]:
    """Each enrolment row with its sessions' figures, fetched per chunk of
    rows: the chunk's sessions, their institutions and the attendance rows
    (three queries a chunk)."""
    for chunk in batched(enrolments, CHUNK):
        sessions = list(
            _sessions(form)
            .filter(course_id__in={row["course_id"] for row in chunk})
            .values("pk", "course_id", "starts_at", "ends_at")
        )
        chosen: dict[int, set[int]] = {}
        through = LiveSession.expected_institutions.through
        for session_id, institution_id in through.objects.filter(
            livesession_id__in=[session["pk"] for session in sessions]
        ).values_list("livesession_id", "institution_id"):
            chosen.setdefault(session_id, set()).add(institution_id)
        statuses = {
            (session_id, user_id): status
            for session_id, user_id, status in Attendance.objects.filter(
                session_id__in=[session["pk"] for session in sessions],
                user_id__in={row["user_id"] for row in chunk},
            ).values_list("session_id", "user_id", "status")
        }
        by_course: dict[int, list[dict]] = {}
        for session in sessions:
            by_course.setdefault(session["course_id"], []).append(session)
        for row in chunk:
            figures = {"sessions": 0, "attended": 0, "excused": 0, "absent": 0}
            planned, attended_hours = timedelta(), timedelta()
            for session in by_course.get(row["course_id"], []):
                status = statuses.get((session["pk"], row["user_id"]))
                institutions = chosen.get(session["pk"])
                if (
                    status is None
                    and institutions
                    and row["user__institution_id"] not in institutions
                ):
                    continue  # not expected and not recorded
                duration = elapsed(session)
                figures["sessions"] += 1
                planned += duration
                if status in Attendance.ATTENDED:
                    figures["attended"] += 1
                    attended_hours += duration
                elif status == Attendance.Status.EXCUSED:
                    figures["excused"] += 1
                else:
                    figures["absent"] += 1
            yield {**row, **figures, "planned": planned, "attended_hours": attended_hours}


def share(attended: int, sessions: int) -> int:
    return round(100 * attended / sessions) if sessions else 0


@dataclass
class CourseTotals:
    participants: int = 0
    sessions: int = 0
    attended: int = 0
    planned: timedelta = timedelta()
    attended_hours: timedelta = timedelta()

    def add(self, row: dict) -> None:
        self.participants += 1
        self.sessions += row["sessions"]
        self.attended += row["attended"]
        self.planned += row["planned"]
        self.attended_hours += row["attended_hours"]

    def row(self) -> list:
        return [
            "",
            _("Total: %(count)s participants") % {"count": self.participants},
            "",
            "",
            "",
            self.sessions,
            self.attended,
            "",
            "",
            self.planned,
            self.attended_hours,
            share(self.attended, self.sessions),
        ]


def course_row(number: int, row: dict) -> list:
    return [
        number,
        f"{row['user__first_name']} {row['user__last_name']}".strip(),
        row["user__institution__name"] or "",
        row["user__position"],
        row["course__title"],
        row["sessions"],
        row["attended"],
        row["excused"],
        row["absent"],
        row["planned"],
        row["attended_hours"],
        share(row["attended"], row["sessions"]),
    ]


@register
class LiveCourseAttendanceReport(TableReport):
    """Live-session attendance per learner and course: sessions, hours and
    the share attended (what a course's attendance rule looks at)."""

    slug = "live-course-attendance"
    export_label = gettext_lazy("live-session attendance per course")
    menu_label = gettext_lazy("Live sessions: attendance per course")
    title = gettext_lazy("Live sessions: attendance per course")
    filename = "obecnosc-zajecia-kurs"
    sheet_name = gettext_lazy("Courses")
    columns = COURSE_COLUMNS
    signatures = True
    form_class = LiveFilterForm

    def objects(self):
        return course_enrolments(self.form)

    def rows(self, objects, totals):
        for number, row in enumerate(with_attendance(self.form, objects), start=1):
            totals.add(row)
            yield course_row(number, row)

    def new_totals(self):
        return CourseTotals()

    def page_totals(self, objects):
        totals = CourseTotals()
        for row in with_attendance(self.form, objects.iterator(chunk_size=CHUNK)):
            totals.add(row)
        return totals

    def described_filters(self):
        return _described_with_session(self)
