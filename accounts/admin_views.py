"""Wagtail admin screens for institutions and participants, limited to the
coordinator's scope: every list and every object lookup goes through the
scoped querysets, so an object outside the scope is a 404 also by id."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.formulas import FormulaSafeExportMixin

from . import participant_import as pi
from . import scopes, services
from .models import AccountSettings, Institution, User

IMPORT_SALT = "accounts.participant-import"
IMPORT_MAX_AGE = 3600
IMPORT_EXPIRED = gettext_lazy("The preview has expired or was altered. Upload the file again.")


class ScopedQuerysetMixin:
    """Routes the querysets of listings (`get_base_queryset`), object views
    (`get_base_object_queryset`) and single-object views (`get_queryset`)
    through the subclass's `scoped_queryset()`."""

    def get_base_queryset(self):
        return self.scoped_queryset()

    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedObjectMixin(ScopedQuerysetMixin):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedHistoryMixin:
    """An object's history read within the reader's scope: an export is
    logged against the person who made it, and its filters may name
    institutions outside the reader's scope. Comes before the scope mixin,
    whose `get_base_queryset` lists objects, not log entries."""

    def get_base_queryset(self):
        entries = HistoryView.get_base_queryset(self)
        visible = scopes.log_entries_visible(self.request.user)
        return entries if visible is None else entries.filter(visible)


# --- Site history -----------------------------------------------------------


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        """Wagtail lists everyone who ever edited a page here, whatever the
        reader may see; its own scoped choice (`get_users_for_filter`, read
        through the entries the reader may view) is used instead."""
        return get_users_for_filter(self.request.user)


class ScopedLogEntriesView(FormulaSafeExportMixin, LogEntriesView):
    """Wagtail's site history with the user filter limited to the people
    whose entries the reader sees (the entries themselves are scoped by
    accounts.models.ScopedLogEntry), and its CSV/XLSX downloads escaped
    against formulas (names and titles are other people's text). Routed in
    lms/urls.py ahead of the admin's own URL, which Wagtail offers no hook
    to replace."""

    filterset_class = ScopedSiteHistoryFilterSet


# --- Institutions -----------------------------------------------------------


class InstitutionScopeMixin(ScopedQuerysetMixin):
    def scoped_queryset(self):
        return scopes.institutions_in_scope(self.request.user).select_related("parent")


class InstitutionFormMixin(InstitutionScopeMixin, ScopedObjectMixin):
    """The parent must be inside the scope (a coordinator cannot create an
    institution outside it or move one there); a coordinator's own top
    institution keeps its parent."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        user = self.request.user
        field = form.fields["parent"]
        field.queryset = scopes.institutions_in_scope(user)
        if scopes.scope_institution_ids(user) is not None:
            instance = form.instance
            if instance.pk and instance.parent_id not in scopes.scope_institution_ids(user):
                field.disabled = True
            else:
                field.required = True
        return form


class InstitutionIndexView(InstitutionScopeMixin, generic.IndexView):
    pass


class InstitutionCreateView(InstitutionFormMixin, generic.CreateView):
    pass


class InstitutionEditView(InstitutionFormMixin, generic.EditView):
    pass


class InstitutionDeleteView(InstitutionScopeMixin, ScopedObjectMixin, generic.DeleteView):
    pass


class InstitutionHistoryView(ScopedHistoryMixin, InstitutionScopeMixin, HistoryView):
    pass


class InstitutionViewSet(ModelViewSet):
    model = Institution
    name = "institutions"
    url_prefix = "institutions"
    icon = "home"
    menu_label = gettext_lazy("Institutions")
    menu_order = 210
    add_to_admin_menu = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["name", "short_name", "regon"]
    form_fields = ["name", "short_name", "kind", "regon", "parent", "is_active"]
    list_display = ["name", "short_name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    index_view_class = InstitutionIndexView
    add_view_class = InstitutionCreateView
    edit_view_class = InstitutionEditView
    delete_view_class = InstitutionDeleteView
    history_view_class = InstitutionHistoryView


# --- Participants -------------------------------------------------------------


class ParticipantPermissionPolicy(BasePermissionPolicy):
    """Coordinators manage participants through the custom permission
    `manage_participants` (never Django's change_user, which would open the
    unscoped Wagtail user admin). Nobody deletes: people are anonymised."""

    permission = "accounts.manage_participants"

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return bool(user.is_active and user.has_perm(self.permission))

    def users_with_any_permission(self, actions):
        if actions == ["delete"]:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(groups__permissions__codename="manage_participants")
                | Q(user_permissions__codename="manage_participants"),
                is_active=True,
            )
            .distinct()
        )


PARTICIPANT_POLICY = ParticipantPermissionPolicy(User)


class ParticipantScopeMixin(ScopedQuerysetMixin):
    """Participant views: scoped querysets and our permission policy (the
    policy registered for the User model is Wagtail's own, for its Users admin)."""

    permission_policy = PARTICIPANT_POLICY

    def scoped_queryset(self):
        return scopes.participants_in_scope(self.request.user).exclude(anonymised_at__isnull=False)


class ParticipantForm(forms.ModelForm):
    """Participant data a coordinator maintains; the institution must be in scope."""

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "institution",
            "position",
            "gender",
            "is_active",
        ]

    def __init__(self, *args, for_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = scopes.institutions_in_scope(for_user)
        self.fields["institution"].required = scopes.scope_institution_ids(for_user) is not None
        if not AccountSettings.load().report_by_gender:
            del self.fields["gender"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class ParticipantFormMixin(ParticipantScopeMixin, ScopedObjectMixin):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class StatusColumn(StatusTagColumn):
    def get_value(self, instance):
        if not instance.is_active:
            return _("inactive")
        if instance.has_usable_password():
            return _("active")
        return _("invited")


class ParticipantIndexView(ParticipantScopeMixin, generic.IndexView):
    page_title = gettext_lazy("Participants")

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Import from a file"),
                url=reverse("participants:import"),
                icon_name="upload",
                priority=5,
            ),
        ]


class ParticipantCreateView(ParticipantFormMixin, generic.CreateView):
    def save_instance(self):
        user = self.form.save(commit=False)
        return services.participant_create(user=user, created_by=self.request.user)

    def get_success_message(self, instance):
        return _("%(name)s was added and invited by email.") % {"name": instance}


class ParticipantEditView(ParticipantFormMixin, generic.EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if not self.object.has_usable_password() and self.object.is_active:
            buttons.append(
                Button(
                    _("Send the invitation again"),
                    url=reverse("participants:resend", args=[self.object.pk]),
                    icon_name="mail",
                    priority=15,
                )
            )
        buttons.append(
            Button(
                _("Anonymise"),
                url=reverse("participants:anonymise", args=[self.object.pk]),
                icon_name="warning",
                priority=25,
            )
        )
        return buttons


class ParticipantHistoryView(ScopedHistoryMixin, ParticipantScopeMixin, HistoryView):
    pass


class ParticipantActionView(ParticipantScopeMixin, View):
    """A confirm-then-POST action on one participant in scope."""

    template_name = "accounts/admin/participant_confirm.html"
    title = ""
    question = ""
    button_label = ""

    def dispatch(self, request, pk):
        if not PARTICIPANT_POLICY.user_has_permission(request.user, "change"):
            return redirect("wagtailadmin_home")
        self.object = get_object_or_404(self.scoped_queryset(), pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return TemplateResponse(
            request,
            self.template_name,
            {
                "participant": self.object,
                "title": self.title,
                "question": self.question,
                "button_label": self.button_label,
                "back_url": reverse("participants:edit", args=[pk]),
            },
        )


class ParticipantResendView(ParticipantActionView):
    title = gettext_lazy("Send the invitation again")
    question = gettext_lazy(
        "A new one-time link will be emailed; earlier links stop working. Send it?"
    )
    button_label = gettext_lazy("Send")

    def post(self, request, pk):
        try:
            services.invitation_send(user=self.object, sent_by=request.user)
        except services.AccountError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The invitation was sent to %s.") % self.object.email)
        return redirect("participants:edit", pk)


class ParticipantAnonymiseView(ParticipantActionView):
    title = gettext_lazy("Anonymise")
    question = gettext_lazy(
        "Name, email and position will be erased and the login disabled for good. "
        "Counts in reports stay correct. This cannot be undone. Anonymise?"
    )
    button_label = gettext_lazy("Anonymise")

    def post(self, request, pk):
        services.user_anonymise(user=self.object)
        messages.success(request, _("The participant's data was anonymised."))
        return redirect("participants:index")


class ParticipantImportView(View):
    """Upload -> preview with every row's problems -> confirm. The preview
    carries the parsed rows signed, so nothing is stored until the import,
    and the confirm step validates everything again against the database."""

    template_name = "accounts/admin/participant_import.html"

    def dispatch(self, request, *args, **kwargs):
        if not PARTICIPANT_POLICY.user_has_permission(request.user, "add"):
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def render(self, **context):
        return TemplateResponse(self.request, self.template_name, context)

    def get(self, request):
        return self.render(form=UploadForm())

    def validate(self, rows):
        user = self.request.user
        scope_ids = scopes.scope_institution_ids(user)
        institutions = {}
        for institution in scopes.institutions_in_scope(user).filter(is_active=True):
            institutions[pi.normalise(institution.name)] = institution.pk
            if institution.short_name:
                institutions.setdefault(pi.normalise(institution.short_name), institution.pk)
        existing = dict(
            User.objects.filter(email__in=[r.email for r in rows if r.email]).values_list(
                "email", "institution_id"
            )
        )
        return pi.validate_rows(
            rows,
            institutions=institutions,
            existing_users=existing,
            scope_ids=scope_ids,
            collect_gender=AccountSettings.load().report_by_gender,
        )

    def post(self, request):
        if "payload" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            if upload.size > pi.MAX_FILE_BYTES:
                raise pi.ImportFileError(pi.FILE_TOO_LARGE)
            rows = pi.parse_rows(pi.read_table(upload.read(), upload.name))
        except pi.ImportFileError as error:
            form.add_error("file", error.message)
            return self.render(form=form)
        rows = self.validate(rows)
        error_count = sum(1 for row in rows if row.errors)
        payload = signing.dumps([row.to_dict() for row in rows], salt=IMPORT_SALT, compress=True)
        return self.render(
            form=UploadForm(),
            rows=rows,
            error_count=error_count,
            new_count=sum(1 for row in rows if not row.is_update),
            update_count=sum(1 for row in rows if row.is_update),
            payload=None if error_count else payload,
            filename=upload.name,
        )

    def confirm(self, request):
        try:
            data = signing.loads(request.POST["payload"], salt=IMPORT_SALT, max_age=IMPORT_MAX_AGE)
        except signing.BadSignature:
            messages.error(request, IMPORT_EXPIRED)
            return redirect("participants:import")
        rows = self.validate([pi.ParticipantRow(**{**item, "errors": []}) for item in data])
        try:
            result = services.participants_import(rows=rows, imported_by=request.user)
        except services.AccountError as error:
            messages.error(request, error.message)
            return self.render(
                form=UploadForm(),
                rows=rows,
                error_count=sum(1 for row in rows if row.errors),
                payload=None,
            )
        messages.success(
            request,
            _("Import finished: %(created)d new participants invited, %(updated)d updated.")
            % {"created": len(result.created), "updated": len(result.updated)},
        )
        return redirect("participants:index")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Participant list (CSV or XLSX)"),
        help_text=gettext_lazy(
            "Columns: imię, nazwisko, e-mail, jednostka, stanowisko, and optionally płeć. "
            "CSV in UTF-8, separated by ; or ,."
        ),
    )


class ParticipantViewSet(ModelViewSet):
    model = User
    icon = "group"
    name = "participants"
    url_prefix = "participants"
    menu_label = gettext_lazy("Participants")
    menu_order = 200
    add_to_admin_menu = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["first_name", "last_name", "email", "position"]
    list_filter = ["is_active"]
    list_display = [
        Column("full_name", label=gettext_lazy("Name"), accessor="get_full_name"),
        "email",
        "institution",
        "position",
        StatusColumn("status", label=gettext_lazy("Status")),
    ]
    index_view_class = ParticipantIndexView
    add_view_class = ParticipantCreateView
    edit_view_class = ParticipantEditView
    history_view_class = ParticipantHistoryView

    @cached_property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        policy = PARTICIPANT_POLICY

        class ParticipantMenuItem(MenuItem):
            def is_shown(self, request):
                return policy.user_has_permission(request.user, "change")

        return ParticipantMenuItem

    def get_form_class(self, for_update=False):
        return ParticipantForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", ParticipantImportView.as_view(), name="import"),
            path("resend/<id:pk>/", ParticipantResendView.as_view(), name="resend"),
            path("anonymise/<id:pk>/", ParticipantAnonymiseView.as_view(), name="anonymise"),
        ]
