"""H5P packages in the Wagtail admin: a snippet with upload, listing,
usage (which lessons use it, from Wagtail's reference index), replacement
(upload a new file on the edit form) and approval of new library versions
for people with the `install_h5plibrary` permission."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import View
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from courses.h5p import packages
from courses.models import H5PPackage
from courses.package_admin import PackageChooserViewSet, PackageUploadForm


class H5PPackageForm(PackageUploadForm):
    """Title and the `.h5p` file."""

    extensions = (".h5p",)
    validator = packages.package_validate
    upload = forms.FileField(
        label=_("H5P file (.h5p)"),
        required=False,
        help_text=_(
            "An .h5p file exported from an H5P tool. On an existing package, "
            "a new file replaces it; learners in the middle of an attempt are not affected."
        ),
    )

    class Meta:
        model = H5PPackage
        fields = ["title"]


class PackageSaveMixin:
    def save_upload(self, service, **kwargs):
        form = self.form
        result = service(
            file=form.cleaned_data["upload"],
            info=form.package_info,
            title=form.cleaned_data.get("title") or "",
            by=self.request.user,
            **kwargs,
        )
        self.pending = result.pending_libraries
        return result.package

    def get_success_message(self, instance=None):
        message = super().get_success_message(instance)
        if getattr(self, "pending", None):
            return f"{message} {packages.pending_message(self.pending)}"
        return message


class H5PPackageCreateView(PackageSaveMixin, CreateView):
    def save_instance(self):
        package = self.save_upload(packages.h5p_package_create)
        log(package, "wagtail.create", user=self.request.user)
        return package


class H5PPackageEditView(PackageSaveMixin, EditView):
    def save_instance(self):
        if self.form.cleaned_data.get("upload") is None:
            package = self.form.save()
        else:
            package = self.save_upload(packages.h5p_package_replace, package=self.object)
        log(package, "wagtail.edit", user=self.request.user)
        return package


class StatusColumn(Column):
    """The status, with a link to approve for a package that waits."""

    cell_template_name = "courses/h5p/status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["approve_url"] = (
            reverse("courses_h5p_approve", args=[instance.pk])
            if not instance.is_ready and request and packages.may_install_libraries(request.user)
            else None
        )
        return context


class H5PPackageViewSet(SnippetViewSet):
    model = H5PPackage
    chooser_viewset_class = PackageChooserViewSet
    icon = "pick"
    menu_label = _("H5P")
    menu_name = "h5p"
    menu_order = 204
    add_to_admin_menu = True
    add_view_class = H5PPackageCreateView
    edit_view_class = H5PPackageEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "main_library",
        "library_list",
        "status",
        "language",
        "content_hash",
        "size",
        "uploaded_by",
        "uploaded_at",
        "replaced_at",
    ]
    list_display = [
        "title",
        "main_library",
        StatusColumn("status", label=_("status")),
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["status"]
    search_fields = ["title", "main_library"]

    def get_queryset(self, request):
        # The listing shows each package's uploader: one join, not a query per row.
        return H5PPackage.objects.select_related("uploaded_by")

    edit_handler = ObjectList(
        [
            HelpPanel(
                content=_(
                    "Upload an .h5p file. It is checked before anything is stored: file "
                    "types, sizes, its h5p.json and library.json files and its libraries. "
                    "New library versions wait for an administrator's approval."
                )
            ),
            FieldPanel("title"),
            FieldPanel("upload"),
        ],
        base_form_class=H5PPackageForm,
    )


class ApproveView(View):
    """Approve the library versions a package waits for (administrators)."""

    template_name = "courses/h5p/approve.html"

    def dispatch(self, request, pk):
        if not packages.may_install_libraries(request.user):
            raise PermissionDenied
        self.package = get_object_or_404(H5PPackage, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        pending = self.package.libraries.filter(approved_at__isnull=True)
        return TemplateResponse(
            request, self.template_name, {"package": self.package, "pending": pending}
        )

    def post(self, request, pk):
        ready = packages.h5p_package_approve(package=self.package, by=request.user)
        message = ngettext(
            "The libraries are approved; %(count)s package is now available to learners.",
            "The libraries are approved; %(count)s packages are now available to learners.",
            len(ready),
        )
        messages.success(request, message % {"count": len(ready)})
        return redirect(reverse("wagtailsnippets_courses_h5ppackage:list"))
