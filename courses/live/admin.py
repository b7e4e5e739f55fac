"""Live sessions in the Wagtail admin ("Live sessions"): a model viewset to
plan sessions (date, start and end time in the site's time zone, trainer,
link or room, capacity, expected institutions) and the attendance register
of each session, with the check-in code shown large for the trainer to
share. Trainers see the sessions of the courses they teach; coordinators
and administrators all of them (a coordinator's register lists only the
learners of their scope)."""

from datetime import UTC, datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts import roles, scopes
from accounts.models import User
from courses.catalogue import selectors as catalogue_selectors
from courses.exports import hours_minutes
from courses.live import services as live_sessions
from courses.live.models import END_BEFORE_START
from courses.models import Attendance, AttendanceChange, AttendanceSettings, CoursePage, LiveSession
from lms.ids import IdModelChoiceField, IdModelChoiceFilter, IdModelMultipleChoiceField, parse_id

TIME_DOES_NOT_EXIST = gettext_lazy(
    "This time does not exist on that day (the clocks go forward). Choose another time."
)
NOT_A_COURSE_TRAINER = gettext_lazy("Choose one of the course's trainers (or nobody).")


class LiveSessionPermissionPolicy(ModelPermissionPolicy):
    """Roles, not Django model permissions: trainers for the courses they
    teach, coordinators and administrators for all sessions."""

    def user_has_permission(self, user, action):
        return catalogue_selectors.is_course_staff(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return live_sessions.may_manage(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return live_sessions.sessions_managed_by(user)

    def instances_user_has_any_permission_for(self, user, actions):
        return live_sessions.sessions_managed_by(user)


register_permission_policy(LiveSession, LiveSessionPermissionPolicy(LiveSession), exact_class=True)


def local_moment(day, moment):
    """A date and a wall-clock time in the site's time zone as an aware
    moment. Of an hour that happens twice (autumn) the first is taken; an
    hour that does not exist (spring) is refused."""
    aware = timezone.make_aware(datetime.combine(day, moment))
    back = timezone.localtime(aware.astimezone(UTC))
    if (back.date(), back.time()) != (day, moment):
        raise forms.ValidationError(TIME_DOES_NOT_EXIST)
    # In UTC: Python subtracts and compares two moments of one zone by their
    # wall clocks, which is wrong across a clock change.
    return aware.astimezone(UTC)


class LiveSessionForm(WagtailAdminModelForm):
    """The session's times as a date with a start and an end time (what a
    trainer plans with), turned into aware moments here."""

    day = forms.DateField(
        label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_time = forms.TimeField(
        label=gettext_lazy("Start time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label=gettext_lazy("End time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    meeting_url = forms.URLField(
        label=LiveSession._meta.get_field("meeting_url").verbose_name,
        help_text=LiveSession._meta.get_field("meeting_url").help_text,
        max_length=500,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = LiveSession
        fields = [
            "course", "title", "trainer", "meeting_url", "room", "capacity",
            "expected_institutions",
        ]  # fmt: skip
        widgets = {"expected_institutions": forms.CheckboxSelectMultiple}
        field_classes = {
            "course": IdModelChoiceField,
            "trainer": IdModelChoiceField,
            "expected_institutions": IdModelMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        courses = CoursePage.objects.order_by("title")
        if user is not None and not catalogue_selectors.sees_every_course(user):
            courses = courses.filter(trainers=user)
        self.fields["course"].queryset = courses
        self.fields["trainer"].queryset = (
            User.objects.filter(roles.holds(roles.TEACH), is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["trainer"].label_from_instance = lambda trainer: (
            trainer.get_full_name() or trainer.email
        )
        if user is not None and scopes.may_coordinate(user) and not scopes.may_see_everyone(user):
            self.fields["expected_institutions"].queryset = scopes.institutions_in_scope(user)
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            self.initial.update(
                day=starts.date(),
                start_time=starts.time(),
                end_time=timezone.localtime(self.instance.ends_at).time(),
            )

    def clean(self):
        cleaned = super().clean()
        day, start, end = (cleaned.get(name) for name in ("day", "start_time", "end_time"))
        if day and start and end:
            try:
                self.instance.starts_at = local_moment(day, start)
            except forms.ValidationError as error:
                self.add_error("start_time", error)
            try:
                self.instance.ends_at = local_moment(day, end)
            except forms.ValidationError as error:
                self.add_error("end_time", error)
            if not self.errors and self.instance.ends_at <= self.instance.starts_at:
                self.add_error("end_time", END_BEFORE_START)
        course, trainer = cleaned.get("course"), cleaned.get("trainer")
        if (
            course
            and trainer
            and not CoursePage.objects.filter(pk=course.pk, trainers=trainer).exists()
        ):
            self.add_error("trainer", NOT_A_COURSE_TRAINER)
        return cleaned

    def _post_clean(self):
        # The model's clean needs the moments set in clean() above.
        if self.instance.starts_at and self.instance.ends_at:
            super()._post_clean()
        else:
            self._validate_unique = False


class ScopedQuerysetMixin:
    def get_queryset(self):
        return live_sessions.sessions_managed_by(self.request.user)


class LiveSessionFilterSet(WagtailFilterSet):
    course = IdModelChoiceFilter(
        label=LiveSession._meta.get_field("course").verbose_name,
        queryset=CoursePage.objects.order_by("title"),
    )

    class Meta:
        model = LiveSession
        fields = ["course"]


class IndexView(generic.IndexView):
    filterset_class = LiveSessionFilterSet

    def get_base_queryset(self):
        return live_sessions.sessions_managed_by(self.request.user).order_by("-starts_at")


class EditView(ScopedQuerysetMixin, generic.EditView):
    pass


class DeleteView(ScopedQuerysetMixin, generic.DeleteView):
    pass


def _local(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


class LiveSessionViewSet(ModelViewSet):
    model = LiveSession
    icon = "date"
    menu_label = gettext_lazy("Live sessions")
    menu_order = 204
    add_to_admin_menu = True
    url_prefix = "live-sessions"
    url_namespace = "live_sessions"
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    search_fields = None
    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("day"), FieldPanel("start_time"), FieldPanel("end_time")])],
            heading=gettext_lazy("When (Polish time)"),
        ),
        FieldPanel("trainer"),
        MultiFieldPanel(
            [FieldPanel("meeting_url"), FieldPanel("room"), FieldPanel("capacity")],
            heading=gettext_lazy("Where"),
        ),
        FieldPanel("expected_institutions"),
    ]

    @property
    def list_display(self):
        return [
            TitleColumn("title", label=gettext_lazy("Title"), url_name=self.get_url_name("edit")),
            Column("course", label=gettext_lazy("Course")),
            Column("starts", label=gettext_lazy("Starts"), accessor=lambda s: _local(s.starts_at)),
            Column(
                "duration",
                label=gettext_lazy("Duration (h:mm)"),
                accessor=lambda s: hours_minutes(s.duration),
            ),
            TitleColumn(
                "register",
                label=gettext_lazy("Attendance"),
                accessor=lambda s: _("Attendance register"),
                get_url=lambda s: reverse("live_sessions:attendance", args=[s.pk]),
            ),
        ]

    def get_form_class(self, for_update=False):
        return self.get_edit_handler().get_form_class()

    def get_edit_handler(self):
        handler = super().get_edit_handler()
        handler.base_form_class = LiveSessionForm
        return handler

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<id:pk>/attendance/", AttendanceRegisterView.as_view(), name="attendance"),
        ]


class AttendanceRegisterView(View):
    """The register of one session: expected learners with a status each
    (radio buttons), their check-in time, the change history, and the
    check-in code for the trainer to show while the session runs."""

    template_name = "courses/admin/live_attendance.html"

    def dispatch(self, request, pk):
        if not catalogue_selectors.is_course_staff(request.user):
            raise PermissionDenied
        session = LiveSession.objects.select_related("course", "trainer").filter(pk=pk).first()
        if session is None:
            raise Http404
        if not live_sessions.may_manage(request.user, session):
            raise PermissionDenied
        self.session = session
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return self.render()

    def post(self, request, pk):
        prefix = "status-"
        statuses = {
            user_id: value
            for key, value in request.POST.items()
            if key.startswith(prefix) and (user_id := parse_id(key[len(prefix) :]))
        }
        try:
            changed = live_sessions.attendance_mark(
                session=self.session, by=request.user, statuses=statuses
            )
        except live_sessions.LiveSessionError as error:
            messages.error(request, error.message)
            return self.render(status=400)
        messages.success(request, _("Attendance saved: %(count)s changes.") % {"count": changed})
        return redirect("live_sessions:attendance", pk=self.session.pk)

    def render(self, status=200):
        session = self.session
        labels = AttendanceSettings.load(request_or_site=self.request).labels()
        learners = list(live_sessions.register_learners(session=session, viewer=self.request.user))
        records = {
            attendance.user_id: attendance
            for attendance in Attendance.objects.filter(
                session=session, user_id__in=[learner.pk for learner in learners]
            )
        }
        rows = [{"learner": learner, "attendance": records.get(learner.pk)} for learner in learners]
        history = (
            AttendanceChange.objects.filter(
                attendance__session=session,
                attendance__user_id__in=[learner.pk for learner in learners],
            )
            .select_related("attendance__user", "changed_by")
            .order_by("-changed_at", "-pk")[:100]
        )
        history = [
            {
                "change": change,
                "from_label": labels.get(change.from_status, ""),
                "to_label": labels.get(change.to_status, ""),
            }
            for change in history
        ]
        now = timezone.now()
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "session": session,
                "rows": rows,
                "statuses": list(labels.items()),
                "labels": labels,
                "history": history,
                "is_open": session.is_open(now),
                "opens_at": session.opens_at,
                "duration": hours_minutes(session.duration),
                "counts": {
                    "expected": len(rows),
                    "attended": sum(
                        1 for row in rows if row["attendance"] and row["attendance"].is_attended
                    ),
                },
                "edit_url": reverse("live_sessions:edit", args=[session.pk]),
            },
            status=status,
        )
