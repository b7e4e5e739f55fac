"""Enrolment from the course page. The learner's pages themselves (the
catalogue, course and lesson pages, "my courses") show the learner's
progress, so they live in `courses.progress.views`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.catalogue import services as catalogue_services
from courses.models import CoursePage


@require_POST
@login_required
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        catalogue_services.enrolment_self(user=request.user, course=course)
    except catalogue_services.CourseError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are enrolled. Good luck!"))
    return redirect(course.url)
