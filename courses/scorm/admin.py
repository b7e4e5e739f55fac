"""SCORM/cmi5 packages in the Wagtail admin: a snippet with upload, listing,
usage (which lessons use it, from Wagtail's reference index), replacement
(a new file on the edit form) and approval for people with the
`approve_scormpackage` permission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from courses.models import ScormPackage
from courses.package_admin import PackageChooserViewSet, PackageUploadForm
from courses.scorm import packages
from courses.scorm.validation import validate_package

APPROVED = _("The package is approved: learners can play it now.")


class ScormPackageForm(PackageUploadForm):
    """Title and the package's `.zip` file."""

    extensions = (".zip",)
    validator = validate_package
    upload = forms.FileField(
        label=_("SCORM or cmi5 package (.zip)"),
        required=False,
        help_text=_(
            "A .zip file exported as SCORM 1.2, SCORM 2004 or cmi5 (Articulate, iSpring, "
            "Captivate, Moodle). On an existing package, a new file replaces it; learners in "
            "the middle of an attempt finish it on the files they started with."
        ),
    )

    class Meta:
        model = ScormPackage
        fields = ["title"]


class PackageSaveMixin:
    def save_upload(self, service, **kwargs) -> ScormPackage:
        form = self.form
        return service(
            file=form.cleaned_data["upload"],
            info=form.package_info,
            title=form.cleaned_data.get("title") or "",
            by=self.request.user,
            **kwargs,
        )

    def get_success_message(self, instance=None):
        message = super().get_success_message(instance)
        package = instance or self.object
        if package is not None and not package.is_ready:
            return f"{message} {packages.WAITING_FOR_APPROVAL}"
        return message


class ScormPackageCreateView(PackageSaveMixin, CreateView):
    def save_instance(self):
        package = self.save_upload(packages.scorm_package_create)
        log(package, "wagtail.create", user=self.request.user)
        return package


class ScormPackageEditView(PackageSaveMixin, EditView):
    def save_instance(self):
        if self.form.cleaned_data.get("upload") is None:
            package = self.form.save()
        else:
            package = self.save_upload(packages.scorm_package_replace, package=self.object)
        log(package, "wagtail.edit", user=self.request.user)
        return package


class ApprovalColumn(Column):
    """Ready, or waiting with a link to approve for those allowed to."""

    cell_template_name = "courses/scorm/approval_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["approve_url"] = (
            reverse("courses_scorm_approve", args=[instance.pk])
            if not instance.is_ready and request and packages.may_approve(request.user)
            else None
        )
        return context


class ScormPackageViewSet(SnippetViewSet):
    model = ScormPackage
    chooser_viewset_class = PackageChooserViewSet
    icon = "folder-open-inverse"
    menu_label = _("SCORM/cmi5")
    menu_name = "scorm"
    menu_order = 205
    add_to_admin_menu = True
    add_view_class = ScormPackageCreateView
    edit_view_class = ScormPackageEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "version",
        "unit_count",
        "content_hash",
        "size",
        "uploaded_by",
        "uploaded_at",
        "replaced_at",
        "approved_by",
        "approved_at",
    ]
    list_display = [
        "title",
        "version",
        "unit_count",
        ApprovalColumn("approved_at", label=_("status")),
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["version"]
    search_fields = ["title"]

    def get_queryset(self, request):
        # The listing shows each package's uploader: one join, not a query per row.
        return ScormPackage.objects.select_related("uploaded_by")

    edit_handler = ObjectList(
        [
            HelpPanel(
                content=_(
                    "Upload a SCORM or cmi5 .zip file. It is checked before anything is "
                    "stored: file paths and types, sizes, its manifest (imsmanifest.xml or "
                    "cmi5.xml) and the start file of every part. Packages uploaded by "
                    "someone who may not approve them wait for an administrator."
                )
            ),
            FieldPanel("title"),
            FieldPanel("upload"),
        ],
        base_form_class=ScormPackageForm,
    )


class ApproveView(View):
    """Let learners play a package (administrators)."""

    template_name = "courses/scorm/approve.html"

    def dispatch(self, request, pk):
        if not packages.may_approve(request.user):
            raise PermissionDenied
        self.package = get_object_or_404(ScormPackage, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return TemplateResponse(request, self.template_name, {"package": self.package})

    def post(self, request, pk):
        package = packages.scorm_package_approve(package=self.package, by=request.user)
        log(package, "wagtail.edit", user=request.user)
        messages.success(request, APPROVED)
        return redirect(reverse("wagtailsnippets_courses_scormpackage:list"))
