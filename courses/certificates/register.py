"""The certificate register as rows: what one register entry says in an
export (CSV, XLSX or PDF, written by `courses.exports` and the report PDF).
Pure functions over already-fetched data."""

from collections.abc import Iterable, Iterator
from datetime import timedelta

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue.models import min_effective_seconds

# The register columns: header and width (in characters) in the spreadsheet.
REGISTER_COLUMNS = [
    (_("Number"), 18),
    (_("Status"), 14),
    (_("Holder"), 30),
    (_("Institution"), 36),
    (_("Course"), 40),
    (_("Hours"), 8),
    (_("Effective time (h:mm)"), 12),
    (_("Below the share"), 10),
    (_("Start"), 12),
    (_("End"), 12),
    (_("Issued"), 12),
    (_("Valid until"), 12),
    (_("Revoked at"), 12),
    (_("Reason"), 40),
]
REGISTER_HEADERS = [header for header, _width in REGISTER_COLUMNS]
REGISTER_WIDTHS = [width for _header, width in REGISTER_COLUMNS]
# The certificate fields `register_row` reads (for `.only()`).
REGISTER_FIELDS = (
    "number",
    "status",
    "holder_name",
    "institution_name",
    "course_title",
    "hours",
    "effective_seconds",
    "start_date",
    "end_date",
    "issued_at",
    "expires_on",
    "revoked_at",
    "revoke_reason",
)


def register_entries(certificates):
    """The register's read of a certificate queryset: the snapshot fields
    and the course's share of effective time (joined, no query more)."""
    return certificates.only(*REGISTER_FIELDS).annotate(
        course_share=F("course__completion_min_time_percent")
    )


def below_share(certificate) -> bool:
    """Whether the holder's effective time at issue is under the share of
    the planned hours the course asks (never for a course without one, a
    deleted course, or a time not recorded)."""
    needed = min_effective_seconds(certificate.hours, certificate.course_share or 0)
    return certificate.effective_seconds is not None and certificate.effective_seconds < needed


def register_row(certificate) -> list:
    """One register entry as typed cells, from its snapshot (what the
    certificate states), dates in local time, and its state today (valid,
    expired, replaced or revoked); from `register_entries`."""
    revoked_at = certificate.revoked_at
    effective = certificate.effective_seconds
    return [
        certificate.number,
        certificate.state_label,
        certificate.holder_name,
        certificate.institution_name,
        certificate.course_title,
        certificate.hours,
        timedelta(seconds=effective) if effective is not None else None,
        below_share(certificate),
        certificate.start_date,
        certificate.end_date,
        timezone.localdate(certificate.issued_at),
        certificate.expires_on,
        timezone.localdate(revoked_at) if revoked_at else None,
        certificate.revoke_reason,
    ]


def register_rows(certificates: Iterable) -> Iterator[list]:
    return (register_row(certificate) for certificate in certificates)
