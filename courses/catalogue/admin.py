"""Coordinator screens in the Wagtail admin: assigning a course to chosen
learners, to whole institutions, or to everyone the coordinator imported,
with a deadline; and the scoped list of enrolments (a Wagtail listing with
pagination and filters) with withdrawal."""

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.widgets import HeaderButton

from accounts import roles, scopes
from accounts.admin_views import PARTICIPANT_POLICY
from accounts.models import Institution, User
from courses.catalogue import services as catalogue_services
from courses.catalogue.selectors import courses_in_scope, may_see_enrolments
from courses.dates import REPORT_DATE_LAST
from courses.models import CoursePage, Enrolment
from lms.ids import IdModelChoiceField, IdModelChoiceFilter, IdModelMultipleChoiceField, parse_id

NOTHING_CHOSEN = gettext_lazy("Choose learners, institutions or everyone you imported.")


DEADLINE_OUT_OF_RANGE = gettext_lazy("Give a deadline between today and %(last)s.")

STATUS_CHOICES = [
    ("active", pgettext_lazy("enrolment status", "active")),
    ("completed", pgettext_lazy("enrolment status", "completed")),
    ("withdrawn", pgettext_lazy("enrolment status", "withdrawn")),
]
STATUS_FILTERS = {
    "active": Q(withdrawn_at__isnull=True, completed_at__isnull=True),
    "completed": Q(withdrawn_at__isnull=True, completed_at__isnull=False),
    "withdrawn": Q(withdrawn_at__isnull=False),
}


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


class EnrolmentFilterSet(WagtailFilterSet):
    """Course, institution and status, each offering only what the person's
    scope holds (the view passes the scoped enrolments in)."""

    course = IdModelChoiceFilter(label=gettext_lazy("Course"), queryset=CoursePage.objects.none())
    institution = IdModelChoiceFilter(
        label=gettext_lazy("Institution"),
        field_name="user__institution",
        queryset=Institution.objects.none(),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=STATUS_CHOICES, method="filter_status"
    )

    class Meta:
        model = Enrolment
        fields = ["course", "institution", "status"]

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        self.filters["course"].queryset = courses_in_scope(user)
        self.filters["institution"].queryset = Institution.objects.filter(
            pk__in=enrolments.values("user__institution")
        ).order_by("name")

    def filter_status(self, queryset, name, value):
        return queryset.filter(STATUS_FILTERS[value])


class StatusColumn(Column):
    """Withdrawn (with the date), completed, or active: for a coordinator an
    active enrolment shows the button that withdraws it."""

    cell_template_name = "courses/admin/enrolments_status_cell.html"

    def __init__(self, *args, can_manage, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_manage = can_manage

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["can_manage"] = self.can_manage
        if self.can_manage:
            context["csrf_token"] = get_token(parent_context["request"])
        return context


def _how(enrolment) -> str:
    """The enrolment method, with the person who enrolled someone else."""
    method = enrolment.get_method_display()
    by = enrolment.enrolled_by
    if by is not None and by.pk != enrolment.user_id:
        return f"{method} ({by.get_full_name()})"
    return method


class EnrolmentListView(generic.IndexView):
    """Enrolments newest first, paginated and filtered: a coordinator's
    people (who may be withdrawn here) or, for a trainer, the learners of the
    courses they teach."""

    model = Enrolment
    # Access is the scope check in dispatch, not the model's permissions.
    permission_policy = None
    any_permission_required = None
    index_url_name = "courses_enrolments"
    index_results_url_name = "courses_enrolments_results"
    page_title = gettext_lazy("Enrolments")
    header_icon = "list-ul"
    filterset_class = EnrolmentFilterSet
    default_ordering = "-enrolled_at"
    paginate_by = 50

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

    def get_base_queryset(self):
        return self.scoped()

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "enrolments": self.scoped()}

    def order_queryset(self, queryset):
        # The pk breaks ties, so pages never repeat or skip a row.
        return queryset.order_by(self.ordering, "-pk")

    @cached_property
    def columns(self):
        return [
            Column(
                "learner",
                label=gettext_lazy("Learner"),
                accessor="user.get_full_name",
                sort_key="user__last_name",
            ),
            Column(
                "institution",
                label=gettext_lazy("Institution"),
                accessor=lambda enrolment: enrolment.user.institution or "",
            ),
            Column(
                "course",
                label=gettext_lazy("Course"),
                accessor="course.title",
                sort_key="course__title",
            ),
            Column("how", label=gettext_lazy("How"), accessor=_how),
            Column(
                "enrolled_at",
                label=gettext_lazy("Enrolled"),
                accessor=lambda enrolment: (
                    f"{timezone.localtime(enrolment.enrolled_at):%Y-%m-%d %H:%M}"
                ),
                sort_key="enrolled_at",
            ),
            Column(
                "deadline",
                label=gettext_lazy("Deadline"),
                accessor=lambda enrolment: (
                    f"{enrolment.deadline:%Y-%m-%d}" if enrolment.deadline else "–"
                ),
                sort_key="deadline",
            ),
            StatusColumn("status", label=gettext_lazy("Status"), can_manage=self.can_manage),
        ]

    @cached_property
    def header_buttons(self):
        if not self.can_manage:
            return []
        return [HeaderButton(_("Assign a course"), url=reverse("courses_assign"), icon_name="plus")]

    def post(self, request):
        if not self.can_manage:
            raise PermissionDenied  # trainers look, coordinators withdraw
        enrolment_id = parse_id(request.POST.get("enrolment"))
        if enrolment_id is None:
            raise Http404
        enrolment = get_object_or_404(self.scoped(), pk=enrolment_id)
        catalogue_services.enrolment_withdraw(enrolment=enrolment, by=request.user)
        messages.success(request, _("The enrolment was withdrawn; its history is kept."))
        return redirect("courses_enrolments")
