"""Live sessions for learners: the sessions listed on the course page and on
"my courses" (one query each, whatever their number), the check-in with a
code, and the "add to calendar" file."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import ics, live_sessions
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
    upcoming = defaultdict(list)
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


@require_POST
@login_required
def checkin(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        attendance = live_sessions.live_checkin(
            user=request.user, course=course, code=request.POST.get("code", "")
        )
    except live_sessions.LiveSessionError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You are checked in to “%(title)s”.") % {"title": attendance.session.title},
        )
    return redirect(course.url + "#live-sessions")


@login_required
def calendar_file(request, pk):
    """The session as an .ics file, for the learners expected at it and the
    people who manage it."""
    session = get_object_or_404(LiveSession.objects.select_related("course"), pk=pk)
    if not (session.is_expected(request.user) or live_sessions.may_manage(request.user, session)):
        raise Http404
    course_url = request.build_absolute_uri(session.course.url)
    description = [_("Course: %(course)s") % {"course": session.course.title}]
    if session.meeting_url:
        description.append(
            _("The meeting link appears on the course page %(minutes)s minutes before the start.")
            % {"minutes": settings.LIVE_SESSION_EARLY_MINUTES}
        )
    description.append(course_url)
    body = ics.session_calendar(
        uid=f"live-session-{session.pk}@{request.get_host().split(':')[0]}",
        title=f"{session.title} – {session.course.title}",
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        stamp=timezone.now(),
        description="\n".join(description),
        location=session.room or _("Online meeting"),
        url=course_url,
    )
    response = HttpResponse(body, content_type=ics.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="zajecia-{session.pk}.ics"'
    return response
