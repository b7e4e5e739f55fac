"""Template helpers for the account pages."""

from django import template

from accounts.models import AccountSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_is_open(context) -> bool:
    return AccountSettings.load(request_or_site=context.get("request")).open_signup
