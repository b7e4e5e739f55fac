"""Wagtail admin views that answer a malformed POST with a 500, replaced by
ones that answer with a form error. Drop each when Wagtail fixes it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.views.chooser import ExternalLinkView


class RequiredURLOrAbsolutePathField(URLOrAbsolutePathField):
    """Wagtail's field calls ``startswith`` on the value, which is None when
    the field is missing from the POST; a missing value is an empty one."""

    def to_python(self, value):
        return super().to_python(value or "")


class ExternalLinkForm(ExternalLinkChooserForm):
    url = RequiredURLOrAbsolutePathField(required=True, label=_("URL"))


class ExternalLinkFormView(ExternalLinkView):
    """The rich text editor's "external link" step: a POST without the URL
    shows "This field is required." instead of failing."""

    form_class = ExternalLinkForm
