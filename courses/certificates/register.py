"""The certificate register as rows: what one register entry says in an
export (CSV, XLSX or PDF, written by `courses.exports` and the report PDF).
Pure functions over already-fetched data."""

from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The register columns: header and width (in characters) in the spreadsheet.
REGISTER_COLUMNS = [
    (_("Number"), 18),
    (_("Status"), 12),
    (_("Holder"), 30),
    (_("Institution"), 36),
    (_("Course"), 40),
    (_("Hours"), 8),
    (_("Start"), 12),
    (_("End"), 12),
    (_("Issued"), 12),
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
    "start_date",
    "end_date",
    "issued_at",
    "revoked_at",
    "revoke_reason",
)


def register_row(certificate) -> list:
    """One register entry as typed cells, from its snapshot (what the
    certificate states), dates in local time."""
    revoked_at = certificate.revoked_at
    return [
        certificate.number,
        str(certificate.get_status_display()),
        certificate.holder_name,
        certificate.institution_name,
        certificate.course_title,
        certificate.hours,
        certificate.start_date,
        certificate.end_date,
        timezone.localdate(certificate.issued_at),
        timezone.localdate(revoked_at) if revoked_at else None,
        certificate.revoke_reason,
    ]


def register_rows(certificates: Iterable) -> Iterator[list]:
    return (register_row(certificate) for certificate in certificates)
