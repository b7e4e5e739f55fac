"""RODO "download my data": everything the platform holds about a person,
as it exists at that point. Later apps (enrolments, progress, certificates)
add their own sections to SECTIONS."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from .models import User


def _profile(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "institution": user.institution.name if user.institution else None,
        "position": user.position,
        "gender": user.gender or None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def _privacy(user: User) -> list[dict[str, Any]]:
    return [
        {
            "version": ack.version,
            "valid_from": ack.valid_from.isoformat(),
            "acknowledged_at": ack.acknowledged_at.isoformat(),
        }
        for ack in user.privacy_acknowledgements.order_by("acknowledged_at")
    ]


def _login_events(user: User) -> list[dict[str, Any]]:
    return [
        {"event": event.kind, "at": event.at.isoformat(), "ip_address": event.ip_address}
        for event in user.login_events.order_by("at")
    ]


SECTIONS: dict[str, Callable[[User], Any]] = {
    "profile": _profile,
    "privacy_acknowledgements": _privacy,
    "login_events": _login_events,
}


def personal_data_export(user: User) -> dict[str, Any]:
    return {
        "exported_at": timezone.now().isoformat(),
        **{name: build(user) for name, build in SECTIONS.items()},
    }
