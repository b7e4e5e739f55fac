"""What the admin screens of uploaded packages (H5P, SCORM/cmi5) share: the
form that validates the uploaded file before anything is stored, and a
chooser that never offers to create one (packages are uploaded on their
own page; Wagtail's chooser has no form for them and would answer a POST
with a 500)."""

from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView

from courses.archives import PackageError

UPLOAD_REQUIRED = _("Choose the package file to upload.")
WRONG_EXTENSION = _("Choose a file with the extension %(extensions)s.")


class PackageUploadForm(WagtailAdminModelForm):
    """Title and file. Subclasses declare the `upload` field, the accepted
    `extensions` and `validator` (the package kind's validator, file ->
    package info); the file is validated here and stored by the view
    through the services."""

    extensions: tuple[str, ...] = ()
    validator: Callable

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Empty: the title from the package.")
        self.package_info = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            if self.instance.pk is None:
                raise forms.ValidationError(UPLOAD_REQUIRED)
            return None
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(
                WRONG_EXTENSION % {"extensions": ", ".join(self.extensions)}
            )
        try:
            self.package_info = type(self).validator(upload)
        except PackageError as error:
            raise forms.ValidationError(error.message) from None
        return upload


class _NoCreateView(SnippetCreateView):
    def can_create(self):
        return False


class PackageChooserViewSet(SnippetChooserViewSet):
    create_view_class = _NoCreateView
