"""Live sessions for learners: the check-in with a code and the "add to
calendar" file. The sessions the learner's pages list are read in
`courses.live.selectors`."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.live import ics
from courses.live import services as live_sessions
from courses.models import CoursePage, LiveSession


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
