"""What a lesson page posts as the learner works: marking the lesson as
done, a quiz attempt, and the heartbeats that credit effective time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from courses.catalogue import services as catalogue_services
from courses.models import LessonPage
from courses.progress import services as progress_services
from lms.ids import parse_id
from lms.redirects import safe_redirect_target

HEARTBEAT_BAD_REQUEST = gettext_lazy("A heartbeat needs the page visit and a beat number.")


@require_POST
@login_required
def lesson_done(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        progress = progress_services.lesson_mark_done(user=request.user, lesson=lesson)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    if progress.is_completed:
        messages.success(request, _("Lesson completed."))
    return redirect(
        safe_redirect_target(request, request.POST.get("next_url"), fallback=lesson.url)
    )


@require_POST
@login_required
def quiz_submit(request, lesson_id, quiz_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        attempt = progress_services.quiz_attempt_submit(
            user=request.user, lesson=lesson, quiz_id=quiz_id, data=request.POST
        )
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
        return redirect(f"{lesson.url}?retry={quiz_id}#quiz-{quiz_id}")
    if attempt.passed:
        messages.success(request, _("Quiz passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.warning(
            request,
            _("Score %(score)s%%: not passed yet. See the feedback below.")
            % {"score": attempt.score},
        )
    return redirect(f"{lesson.url}#quiz-{quiz_id}")


@require_POST
@login_required
def heartbeat(request, lesson_id):
    """Credit effective time for a visible, active lesson page. Posted by the
    page's script (and a beacon on leaving); the answer carries no page."""
    visit = request.POST.get("visit", "")
    beat = parse_id(request.POST.get("beat"))  # counts from 1, stored like an id
    if not (beat and 0 < len(visit) <= 36):
        return JsonResponse({"error": str(HEARTBEAT_BAD_REQUEST)}, status=400)
    try:
        credited = progress_services.heartbeat_record(
            user=request.user, lesson_id=lesson_id, visit=visit, beat=beat
        )
    except catalogue_services.CourseError as error:
        statuses = {progress_services.TOO_FREQUENT: 429, progress_services.LESSON_UNAVAILABLE: 404}
        status = statuses.get(error.message, 400)
        return JsonResponse({"error": str(error.message)}, status=status)
    return JsonResponse({"credited": credited})
