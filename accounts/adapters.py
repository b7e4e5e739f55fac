"""allauth hooks: open sign-up only when the site allows it and only for the
listed email domains; email links use the public site address."""

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import AccountSettings

SIGNUP_DOMAIN_NOT_ALLOWED = _(
    "Self-registration is available only for email addresses in the domains of the "
    "participating institutions. Ask your coordinator for an invitation."
)


class AccountAdapter(DefaultAccountAdapter):
    """Onboarding is by invitation; open sign-up is an opt-in site setting."""

    def get_login_redirect_url(self, request):
        return roles.landing_url(request.user)

    def authenticate(self, request, **credentials):
        """A login that fails on our side (the database went away mid-check)
        is not a failed attempt: allauth counts every attempt before the
        password is checked and takes back only the successful ones, so an
        outage would otherwise lock out the officials who keep trying."""
        try:
            return super().authenticate(request, **credentials)
        except DatabaseError:
            self._rollback_login_failed_rl_usage()
            raise

    def is_open_for_signup(self, request):
        return AccountSettings.load(request_or_site=request).open_signup

    def clean_email(self, email):
        email = super().clean_email(email).lower()
        account_settings = AccountSettings.load()
        if account_settings.open_signup:
            domain = email.rpartition("@")[2]
            if domain not in account_settings.allowed_domains():
                raise forms.ValidationError(SIGNUP_DOMAIN_NOT_ALLOWED)
        return email
