"""The certificate register as rows and files: what one register entry says
in an export, and rows written as CSV (streamed, for Excel in Polish: UTF-8
with a BOM, semicolons, decimal commas) or as XLSX (constant memory, typed
cells). Pure functions over already-fetched data: they know nothing of the
request, the scope or the audit log. The writers and `escape_formula` take
any headers and rows, so other exports reuse them."""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import IO

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A text cell starting with one of these is read as a formula by spreadsheet
# programs (tab and carriage return can hide such a start).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows joined into one chunk of a streamed CSV: fewer, larger writes.
CSV_ROWS_PER_CHUNK = 500
CSV_DELIMITER = ";"
BOM = "\ufeff"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

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


def escape_formula(value):
    """Text that a spreadsheet would take for a formula, made literal with a
    leading apostrophe; anything else is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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


def csv_cell(value) -> str:
    """A cell as CSV text: ISO dates, decimal commas (what Excel expects
    with semicolon-separated files), text escaped against formulas."""
    if isinstance(value, str):
        return escape_formula(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, float)):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    return escape_formula(str(value))


class _Echo:
    """A file whose `write` returns what it is given, so csv.writer formats
    one row at a time for a streamed response."""

    def write(self, value):
        return value


def csv_stream(headers: Iterable, rows: Iterable[Iterable]) -> Iterator[bytes]:
    """The rows as UTF-8 CSV with a BOM and semicolons, in chunks, never all
    in memory."""
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield (BOM + writer.writerow([str(header) for header in headers])).encode()
    chunk = []
    for row in rows:
        chunk.append(writer.writerow([csv_cell(value) for value in row]))
        if len(chunk) >= CSV_ROWS_PER_CHUNK:
            yield "".join(chunk).encode()
            chunk = []
    if chunk:
        yield "".join(chunk).encode()


def xlsx_write(
    output: IO[bytes],
    *,
    headers: Iterable,
    rows: Iterable[Iterable],
    widths: Iterable[int] = (),
    sheet_name: str = "",
) -> int:
    """Write the rows as one XLSX sheet to a binary file and return how many
    rows were written. Rows go to disk as they come (constant memory); the
    header is bold and frozen, dates are date cells, numbers number cells,
    and text is always text (never a formula)."""
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    sheet = workbook.add_worksheet(str(sheet_name) or None)
    bold = workbook.add_format({"bold": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    headers = [str(header) for header in headers]
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, bold)
    sheet.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                naive = timezone.localtime(value).replace(tzinfo=None)
                sheet.write_datetime(count, column, naive, datetime_format)
            elif isinstance(value, date):
                sheet.write_datetime(count, column, value, date_format)
            elif isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
                sheet.write_number(count, column, float(value))
            else:
                sheet.write_string(count, column, escape_formula(str(value)))
    if headers:
        sheet.autofilter(0, 0, count, len(headers) - 1)
    workbook.close()
    return count
