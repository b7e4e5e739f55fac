"""The overdue learners screen in the Wagtail admin (Reports menu): who is
past their deadline without completing, within the viewer's report scope,
and a button that emails a reminder to the ones ticked."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import View
from wagtail.admin.paginator import WagtailPaginator

from courses.catalogue import selectors as catalogue_selectors
from courses.reports import overdue
from lms.ids import parse_ids

PER_PAGE = 100
NOTHING_SELECTED = gettext_lazy("Tick at least one learner to remind.")


class OverdueView(View):
    template_name = "courses/admin/overdue.html"

    def dispatch(self, request, *args, **kwargs):
        if not catalogue_selectors.is_course_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        enrolments = overdue.overdue_enrolments(request.user)
        page_obj = WagtailPaginator(enrolments, PER_PAGE).get_page(request.GET.get("p"))
        return TemplateResponse(
            request,
            self.template_name,
            {"page_obj": page_obj, "rows": overdue.overdue_rows(page_obj.object_list)},
        )

    def post(self, request):
        submitted = set(request.POST.getlist("enrolment"))
        if not submitted:
            messages.error(request, NOTHING_SELECTED)
            return redirect("courses_overdue")
        # Only ids on the viewer's own overdue list count; anything else is ignored.
        enrolments = list(
            overdue.overdue_enrolments(request.user).filter(pk__in=parse_ids(submitted))
        )
        sent = overdue.reminders_send(enrolments=enrolments, by=request.user)
        if sent:
            messages.success(
                request,
                ngettext(
                    "A reminder was emailed to %(count)d learner.",
                    "Reminders were emailed to %(count)d learners.",
                    sent,
                )
                % {"count": sent},
            )
        skipped = len(submitted) - sent
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d selected learner is not on your overdue list; "
                    "no reminder was sent to them.",
                    "%(count)d selected learners are not on your overdue list; "
                    "no reminders were sent to them.",
                    skipped,
                )
                % {"count": skipped},
            )
        return redirect("courses_overdue")
