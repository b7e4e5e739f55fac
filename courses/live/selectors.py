"""Reads on live sessions: the sessions listed on the course page and on
"my courses" (one query each, whatever their number), and the share of
sessions a learner attended that the course's completion rule reads."""

from collections import defaultdict

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import User
from courses.models import Attendance, AttendanceSettings, CoursePage, LiveSession

# Upcoming sessions shown per course on "my courses".
MY_COURSES_UPCOMING = 3


def _item(session, now, labels=None) -> dict:
    status = getattr(session, "my_status", None)
    return {
        "session": session,
        "is_open": session.is_open(now),
        # Only expected learners get here (the queries select their sessions).
        "show_link": bool(session.meeting_url) and session.is_open(now),
        "is_past": session.ends_at < now,
        "status": status,
        "status_label": (labels or {}).get(status, ""),
        "attended": status in Attendance.ATTENDED,
        "early_minutes": settings.LIVE_SESSION_EARLY_MINUTES,
    }


def course_live_sessions(request, course: CoursePage) -> dict:
    """The learner's sessions of a course (they must be enrolled): upcoming
    ones with the calendar file and, shortly before the start, the meeting
    link; past ones with their status; and the share attended against the
    course's rule. One query, plus the status words when there are sessions."""
    user = request.user
    mine = Attendance.objects.filter(session=OuterRef("pk"), user=user).values("status")[:1]
    sessions = list(
        LiveSession.objects.filter(course=course)
        .expecting(user)
        .annotate(my_status=Subquery(mine))
        .order_by("starts_at", "pk")
    )
    if not sessions:
        return {"sessions": [], "upcoming": [], "past": []}
    labels = AttendanceSettings.load(request_or_site=request).labels()
    now = timezone.now()
    items = [_item(session, now, labels) for session in sessions]
    attended = sum(item["attended"] for item in items)
    return {
        "sessions": items,
        "upcoming": [item for item in items if not item["is_past"]],
        "past": [item for item in items if item["is_past"]],
        "checkin_open": any(item["is_open"] and not item["status"] for item in items),
        "attended": attended,
        "expected": len(items),
        "percent": round(100 * attended / len(items)),
        "required": course.live_attendance_min_percent,
    }


def upcoming_by_course(user, courses) -> dict[int, list[dict]]:
    """Course id -> the learner's next sessions, for "my courses" (one query)."""
    if not courses:
        return {}
    now = timezone.now()
    upcoming: defaultdict[int, list[dict]] = defaultdict(list)
    sessions = (
        LiveSession.objects.filter(course__in=courses)
        .expecting(user)
        .upcoming(now)
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        if len(upcoming[session.course_id]) < MY_COURSES_UPCOMING:
            upcoming[session.course_id].append(_item(session, now))
    return dict(upcoming)


def live_attendance_share(*, user: User, course: CoursePage) -> tuple[int, int]:
    """(sessions attended, sessions expected at) for a learner on a course:
    every session of the course they are expected at, past or future, and
    those where they were present or late."""
    sessions = LiveSession.objects.filter(course=course).expecting(user)
    expected = sessions.count()
    attended = (
        Attendance.objects.attended().filter(user=user, session__in=sessions).count()
        if expected
        else 0
    )
    return attended, expected


def live_attendance_met(*, user: User, course: CoursePage) -> bool:
    """The course's live-session rule: at least the required share of the
    sessions the learner is expected at. A learner expected at no session
    does not meet a rule that asks for attendance (nothing was attended)."""
    if not course.live_attendance_min_percent:
        return True
    attended, expected = live_attendance_share(user=user, course=course)
    return bool(expected) and attended * 100 >= course.live_attendance_min_percent * expected


def course_page_section(request, course: CoursePage, enrolment) -> dict:
    """The live sessions on an enrolled learner's course page (a section of
    courses.progress.sections)."""
    return {"live": course_live_sessions(request, course)}


def my_courses_section(user, courses) -> dict[int, dict]:
    """Each course's next sessions on "my courses" (a section of
    courses.progress.sections; one query)."""
    upcoming = upcoming_by_course(user, courses)
    return {course.pk: {"live_sessions": upcoming.get(course.pk, [])} for course in courses}


def live_attendance_rule(user_id: int, course: CoursePage) -> bool:
    """The live-attendance completion rule as progress asks it (a rule of
    courses.progress.rules): no query when the course asks for none."""
    if not course.live_attendance_min_percent:
        return True
    return live_attendance_met(user=User.objects.get(pk=user_id), course=course)
