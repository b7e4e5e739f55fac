"""Coordinator screens in the Wagtail admin: assigning a course to chosen
learners, to whole institutions, or to everyone the coordinator imported,
with a deadline; and the scoped list of enrolments with withdrawal."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from accounts import roles, scopes
from accounts.admin_views import PARTICIPANT_POLICY
from accounts.models import Institution, User
from courses.catalogue import services as catalogue_services
from courses.catalogue.selectors import may_see_enrolments
from courses.dates import REPORT_DATE_LAST
from courses.models import CoursePage, Enrolment
from lms.ids import IdModelChoiceField, IdModelMultipleChoiceField, parse_id

NOTHING_CHOSEN = gettext_lazy("Choose learners, institutions or everyone you imported.")


DEADLINE_OUT_OF_RANGE = gettext_lazy("Give a deadline between today and %(last)s.")


class AssignForm(forms.Form):
    course = IdModelChoiceField(
        label=gettext_lazy("Course"), queryset=CoursePage.objects.live().order_by("title")
    )
    learners = IdModelMultipleChoiceField(
        label=gettext_lazy("Learners"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    institutions = IdModelMultipleChoiceField(
        label=gettext_lazy("Whole institutions (their current members)"),
        queryset=Institution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    everyone_imported = forms.BooleanField(
        label=gettext_lazy("Everyone I imported or invited"), required=False
    )
    deadline = forms.DateField(
        label=gettext_lazy("Deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=gettext_lazy("Empty: the course's default deadline, if it has one."),
    )

    def clean_deadline(self):
        """A deadline already past would make the learner overdue at once, and
        one past the reports' range could not be reported on."""
        deadline = self.cleaned_data["deadline"]
        if deadline is not None and not timezone.localdate() <= deadline <= REPORT_DATE_LAST:
            raise forms.ValidationError(
                DEADLINE_OUT_OF_RANGE,
                code="out_of_range",
                params={"last": REPORT_DATE_LAST.isoformat()},
            )
        return deadline

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learners"].queryset = (
            scopes.participants_in_scope(for_user)
            .filter(roles.holds(roles.TAKE_COURSES), is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["institutions"].queryset = scopes.institutions_in_scope(for_user).filter(
            is_active=True
        )

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("learners")
            or cleaned.get("institutions")
            or cleaned.get("everyone_imported")
        ):
            raise forms.ValidationError(NOTHING_CHOSEN)
        return cleaned


class AssignCourseView(View):
    template_name = "courses/admin/assign.html"

    def dispatch(self, request, *args, **kwargs):
        if not PARTICIPANT_POLICY.user_has_permission(request.user, "change"):
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        initial = {"course": request.GET.get("course")}
        form = AssignForm(initial=initial, for_user=request.user)
        return TemplateResponse(request, self.template_name, {"form": form})

    def post(self, request):
        form = AssignForm(request.POST, for_user=request.user)
        if not form.is_valid():
            return TemplateResponse(request, self.template_name, {"form": form})
        data = form.cleaned_data
        course = data["course"]
        deadline = data["deadline"]
        if deadline is None and course.default_deadline_days:
            deadline = timezone.localdate() + timedelta(days=course.default_deadline_days)
        learners = form.fields["learners"].queryset
        routes = [
            (Enrolment.Method.ASSIGNED, list(data["learners"])),
            (
                Enrolment.Method.INSTITUTION,
                list(learners.filter(institution__in=data["institutions"])),
            ),
            (
                Enrolment.Method.IMPORTED,
                list(learners.filter(invitations__sent_by=request.user).distinct())
                if data["everyone_imported"]
                else [],
            ),
        ]
        created = already = 0
        for method, users in routes:
            if users:
                result = catalogue_services.enrolment_assign(
                    course=course, users=users, by=request.user, method=method, deadline=deadline
                )
                created += len(result.created)
                already += result.already_enrolled
        messages.success(
            request,
            _(
                "“%(course)s”: %(created)d learners enrolled and notified by email, "
                "%(already)d were already enrolled."
            )
            % {"course": course.title, "created": created, "already": already},
        )
        return redirect(reverse("courses_enrolments") + f"?course={course.pk}")


class EnrolmentListView(View):
    """Enrolments newest first: a coordinator's people (who may be withdrawn
    here) or, for a trainer, the learners of the courses they teach."""

    template_name = "courses/admin/enrolments.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_enrolments(request.user):
            return redirect("wagtailadmin_home")
        self.can_manage = PARTICIPANT_POLICY.user_has_permission(request.user, "change")
        return super().dispatch(request, *args, **kwargs)

    def scoped(self):
        user = self.request.user
        enrolments = Enrolment.objects.select_related(
            "user", "user__institution", "course", "enrolled_by"
        )
        if self.can_manage:
            return enrolments.filter(user__in=scopes.participants_in_scope(user))
        return enrolments.filter(course__trainers=user)

    def get(self, request):
        enrolments = self.scoped()
        course_id = parse_id(request.GET.get("course"))
        if course_id is not None:
            enrolments = enrolments.filter(course_id=course_id)
        return TemplateResponse(request, self.template_name, {"enrolments": enrolments[:500]})

    def post(self, request):
        enrolment_id = parse_id(request.POST.get("enrolment"))
        if enrolment_id is None:
            raise Http404
        enrolment = get_object_or_404(self.scoped(), pk=enrolment_id)
        catalogue_services.enrolment_withdraw(enrolment=enrolment, by=request.user)
        messages.success(request, _("The enrolment was withdrawn; its history is kept."))
        return redirect("courses_enrolments")
