"""Exports of personal data, shared by every report and register: rows
written as CSV (streamed; UTF-8 with a BOM and semicolons for Excel in
Polish, or a plain comma variant) or as XLSX (constant memory, typed cells),
text cells escaped so spreadsheets never run them as formulas, the HTTP
responses that carry them, and the audit-log entry every export writes.
The writers are pure functions over rows; they know nothing of scopes."""

import csv
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import IO

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.log_actions import log

from lms.formulas import FORMULA_STARTS, escape_formula

# Rows joined into one chunk of a streamed CSV: fewer, larger writes.
CSV_ROWS_PER_CHUNK = 500
BOM = "\ufeff"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EXPORT_ACTION = "courses.export"
# What each export is called in the audit log; report modules add theirs.
EXPORT_LABELS = {}
# Exports that write no rows when logged (the evidence pack is only queued).
COUNTLESS_EXPORTS = {"evidence_pack"}
# What a status filter's value is called in the audit log; filter forms add theirs.
STATUS_LABELS = {}


def hours_minutes(duration: timedelta | int | None) -> str:
    """A duration (or seconds) as h:mm, the way attendance lists state
    effective time; hours may exceed 24."""
    seconds = duration.total_seconds() if isinstance(duration, timedelta) else duration or 0
    minutes = int(seconds) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def cell_value(value):
    """The one decision of what a table cell holds, for every writer (CSV,
    XLSX, PDF and the admin tables): None stays empty, yes/no are words,
    an aware moment becomes local and naive, numbers, dates, times and
    durations stay typed, and anything else (a lazy string, a status) is
    its text. Writers only choose how to spell the typed kinds."""
    if value is None or type(value) is str:
        return value
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, (date, time, timedelta, Decimal, int, float)):
        return value
    return str(value)


def cell_text(value, *, decimal_comma: bool = True, escape: bool = True) -> str:
    """A cell as text: ISO dates, h:mm durations, decimal commas (what
    Excel in Polish and a printed Polish list expect) or points, and text
    that a spreadsheet would run as a formula escaped (files to be opened
    in one; a PDF or a web page shows text as it is)."""
    if type(value) is str:  # the common case first: a list may have a million cells
        return "'" + value if escape and value.startswith(FORMULA_STARTS) else value
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value) if escape else value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return hours_minutes(value)
    if isinstance(value, (Decimal, float)) and decimal_comma:
        return str(value).replace(".", ",")
    return str(value)


def csv_cell(value) -> str:
    """A cell as CSV text for Excel in Polish (decimal commas)."""
    return cell_text(value)


def _plain_cell(value) -> str:
    """A cell as plain CSV text: like `csv_cell`, with decimal points."""
    return cell_text(value, decimal_comma=False)


class _Echo:
    """A file whose `write` returns what it is given, so csv.writer formats
    one row at a time for a streamed response."""

    def write(self, value):
        return value


def csv_stream(
    headers: Iterable, rows: Iterable[Iterable], *, excel: bool = True
) -> Iterator[bytes]:
    """The rows as UTF-8 CSV in chunks, never all in memory: for Excel in
    Polish (a BOM, semicolons, decimal commas) or plain (commas, points)."""
    writer = csv.writer(_Echo(), delimiter=";" if excel else ",")
    cell = csv_cell if excel else _plain_cell
    yield ((BOM if excel else "") + writer.writerow([str(header) for header in headers])).encode()
    chunk = []
    for row in rows:
        chunk.append(writer.writerow([cell(value) for value in row]))
        if len(chunk) >= CSV_ROWS_PER_CHUNK:
            yield "".join(chunk).encode()
            chunk = []
    if chunk:
        yield "".join(chunk).encode()


@dataclass
class Sheet:
    """One sheet of a workbook: its name, header row, rows and column widths."""

    name: str
    headers: Iterable
    rows: Iterable[Iterable]
    widths: Iterable[int] = ()


def xlsx_write(
    output: IO[bytes],
    *,
    headers: Iterable,
    rows: Iterable[Iterable],
    widths: Iterable[int] = (),
    sheet_name: str = "",
) -> int:
    """Write the rows as one XLSX sheet to a binary file and return how many
    rows were written (see `xlsx_write_sheets`)."""
    return xlsx_write_sheets(output, [Sheet(sheet_name, headers, rows, widths)])


def xlsx_write_sheets(output: IO[bytes], sheets: Iterable[Sheet]) -> int:
    """Write each sheet to one XLSX workbook in a binary file and return how
    many rows were written in all. Rows go to disk as they come (constant
    memory); headers are bold and frozen, dates are date cells, numbers
    number cells, and text is always text (never a formula)."""
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    bold = workbook.add_format({"bold": True})
    formats = {
        datetime: workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        date: workbook.add_format({"num_format": "yyyy-mm-dd"}),
        time: workbook.add_format({"num_format": "hh:mm"}),
        timedelta: workbook.add_format({"num_format": "[h]:mm"}),
    }
    total = 0
    for sheet in sheets:
        total += _sheet_write(workbook.add_worksheet(str(sheet.name) or None), sheet, bold, formats)
    workbook.close()
    return total


def _sheet_write(worksheet, sheet: Sheet, bold, formats: dict) -> int:
    for column, width in enumerate(sheet.widths):
        worksheet.set_column(column, column, width)
    headers = [str(header) for header in sheet.headers]
    for column, header in enumerate(headers):
        worksheet.write_string(0, column, header, bold)
    worksheet.freeze_panes(1, 0)
    count = 0
    for count, row in enumerate(sheet.rows, start=1):
        for column, raw in enumerate(row):
            value = cell_value(raw)
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                worksheet.write_datetime(count, column, value, formats[datetime])
            elif isinstance(value, date):
                worksheet.write_datetime(count, column, value, formats[date])
            elif isinstance(value, time):
                worksheet.write_datetime(count, column, value, formats[time])
            elif isinstance(value, timedelta):
                worksheet.write_number(
                    count, column, value.total_seconds() / 86400, formats[timedelta]
                )
            elif isinstance(value, str):
                worksheet.write_string(count, column, cell_text(value))
            else:
                worksheet.write_number(count, column, float(value))
    if headers:
        worksheet.autofilter(0, 0, count, len(headers) - 1)
    return count


def in_current_language(chunks: Iterable):
    """A streamed body, produced after the view has returned, in the language
    the view ran in (the admin user's own)."""
    language = translation.get_language()

    def generate():
        with translation.override(language):
            yield from chunks

    return generate()


def stream_response(*, filename: str, chunks, content_type: str) -> StreamingHttpResponse:
    """A streamed download that starts at once, produced in the view's language."""
    response = StreamingHttpResponse(in_current_language(chunks), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_file_response(*, filename: str, write) -> FileResponse:
    """An XLSX download: `write(file)` fills a temporary file first (flat memory)."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    write(output)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )


def export_log(*, user, export: str, export_format: str, filters: dict, rows: int) -> None:
    """Record an export of personal data in Wagtail's audit log: who
    (logged against the person exporting), which export, with which filters,
    how many rows."""
    log(
        instance=user,
        action=EXPORT_ACTION,
        user=user,
        data={"export": export, "format": export_format, "filters": filters, "rows": rows},
    )


def _filter_date(value) -> str:
    """An ISO date from the log data as the Polish reader writes it; anything
    unreadable (a hand-edited entry) is shown as stored."""
    try:
        return f"{date.fromisoformat(value):%d.%m.%Y}"
    except (TypeError, ValueError):
        return str(value)


def _filter_period(filters: dict, start_key: str, end_key: str) -> str:
    start, end = filters.get(start_key), filters.get(end_key)
    if start and end:
        return f"{_filter_date(start)}–{_filter_date(end)}"
    if start:
        return gettext("from %(date)s") % {"date": _filter_date(start)}
    if end:
        return gettext("until %(date)s") % {"date": _filter_date(end)}
    return ""


def _filter_name(value) -> str:
    """A chosen object is stored as its id and name; older entries may hold
    a bare value."""
    return str(value.get("name", value.get("id", ""))) if isinstance(value, dict) else str(value)


def export_filters_described(filters: dict) -> list[tuple[str, str]]:
    """The filters of an export entry as (label, value) pairs, read from the
    stored data alone: the objects may be renamed or gone since, and the
    status labels follow the reader's language."""
    described = []
    for key, label in (
        ("certificate", gettext("certificate")),
        ("course", gettext("course")),
        ("institution", gettext("institution")),
        ("session", gettext("live session")),
    ):
        if filters.get(key):
            described.append((label, _filter_name(filters[key])))
    for label, start_key, end_key in (
        (gettext("period"), "period_from", "period_to"),
        (gettext("issued"), "issued_from", "issued_to"),
    ):
        if period := _filter_period(filters, start_key, end_key):
            described.append((label, period))
    if status := filters.get("status"):
        described.append((gettext("status"), str(STATUS_LABELS.get(status, status))))
    return described


def export_log_message(data: dict) -> str:
    """The audit log's line for an export entry: which export in which
    format, how many rows (not for a queued pack, which counts none) and
    the filters used."""
    export, rows = data.get("export", ""), data.get("rows", 0)
    values = {
        "export": EXPORT_LABELS.get(export, export),
        "format": str(data.get("format", "")).upper(),
        "rows": rows,
    }
    if export in COUNTLESS_EXPORTS or rows is None:
        message = gettext("Exported: %(export)s (%(format)s)") % values
    else:
        message = (
            ngettext(
                "Exported: %(export)s (%(format)s), %(rows)s row",
                "Exported: %(export)s (%(format)s), %(rows)s rows",
                rows,
            )
            % values
        )
    filters = data.get("filters")
    if isinstance(filters, dict) and filters:
        message += "; " + "; ".join(
            f"{label}: {value}" for label, value in export_filters_described(filters)
        )
    return message
