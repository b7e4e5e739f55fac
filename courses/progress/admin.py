"""The progress grid in the Wagtail admin: learners by lessons for one
course, within the viewer's scope."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.generic import View

from accounts import scopes
from courses.catalogue.selectors import courses_in_scope, may_see_enrolments
from courses.models import Enrolment, LessonProgress
from courses.progress import sections
from courses.progress.grid import progress_grid
from lms.ids import parse_id


class ProgressGridView(View):
    """Learners by lessons for one course, limited to the viewer's scope (a
    coordinator's institutions; a trainer's own courses, whose learners they
    all see). A fixed number of queries whatever the size of the grid."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_enrolments(request.user):
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def visible_courses(self):
        return courses_in_scope(self.request.user).live()

    def enrolments(self, course):
        user = self.request.user
        enrolments = Enrolment.objects.active().filter(course=course)
        if not course.trainers.filter(pk=user.pk).exists():
            enrolments = enrolments.filter(user__in=scopes.participants_in_scope(user))
        institution_id = parse_id(self.request.GET.get("institution"))
        if institution_id is not None:
            enrolments = enrolments.filter(user__institution_id=institution_id)
        return enrolments.select_related("user", "user__institution").order_by(
            "user__last_name", "user__first_name"
        )

    def get(self, request, course_id=None):
        courses = list(self.visible_courses())
        if course_id is None:
            return TemplateResponse(
                request, "courses/admin/progress_index.html", {"courses": courses}
            )
        course = next((c for c in courses if c.pk == course_id), None)
        if course is None:
            raise Http404
        lessons = list(course.lessons())
        enrolments = list(self.enrolments(course))
        user_ids = [enrolment.user_id for enrolment in enrolments]
        progress = LessonProgress.objects.filter(course=course, user_id__in=user_ids)
        status = request.GET.get("status", "")
        cells: dict = {}
        for contributor in sections.GRID_CELLS:  # H5P results
            for key, values in contributor(course, user_ids).items():
                cells.setdefault(key, {}).update(values)
        grid = progress_grid(
            lessons=lessons, enrolments=enrolments, progress=progress, status=status, cells=cells
        )
        return TemplateResponse(
            request,
            "courses/admin/progress_grid.html",
            {
                "course": course,
                "lessons": lessons,
                **grid,
                "institutions": scopes.institutions_in_scope(request.user).order_by("name"),
                "selected": {"institution": request.GET.get("institution", ""), "status": status},
            },
        )
