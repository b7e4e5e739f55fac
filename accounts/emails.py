"""Emails of the accounts app, rendered from templates with a plain-text body
and an HTML alternative, in the language active when they are sent."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from lms.models import SiteSettings


def send_templated_email(*, to: str, template: str, context: dict) -> None:
    """Send `<template>_subject.txt`, `<template>.txt` and `<template>.html`."""
    site_settings = SiteSettings.objects.select_related("site").filter(site__is_default_site=True)
    context = {
        "site_url": settings.SITE_URL,
        "organiser": getattr(site_settings.first(), "organiser_name", ""),
        **context,
    }
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string(f"{template}.txt", context),
        to=[to],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    message.send()


def send_invitation(*, user, token: str, expires_at) -> None:
    path = reverse("accounts:invitation_accept", kwargs={"token": token})
    send_templated_email(
        to=user.email,
        template="accounts/email/invitation",
        context={"user": user, "url": f"{settings.SITE_URL}{path}", "expires_at": expires_at},
    )
