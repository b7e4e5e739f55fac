"""Forms people fill in about themselves: setting a password from an
invitation, the profile, and the RODO acknowledgement."""

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from .models import User

PASSWORDS_DIFFER = _("The two passwords differ.")


class SetPasswordForm(forms.Form):
    """Choose a password for an invited account (validated by the service)."""

    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("New password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", PASSWORDS_DIFFER)
        return cleaned


class ProfileForm(forms.ModelForm):
    """What a learner may change about themselves; the institution is set by
    a coordinator and gender only exists when the site collects it."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "position", "gender"]
        help_texts = {"first_name": _("As it should appear on your certificates.")}

    def __init__(self, *args, collect_gender: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["position"].widget.attrs["autocomplete"] = "organization-title"
        if collect_gender:
            self.fields["gender"].choices = [("", _("prefer not to say")), *User.Gender.choices]
        else:
            del self.fields["gender"]
