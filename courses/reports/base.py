"""What every tabular report is: a filter form, the rows it reads (within
the form user's scope), typed rows with totals, and the files it writes
(CSV for Excel, plain CSV, XLSX, PDF). A report knows nothing of requests,
so the admin screens and the background evidence pack write the same files.
Reports register themselves in `REGISTRY` (admin URLs and menu come from it)."""

import io
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from itertools import islice

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from courses import exports
from courses.certificates.pdf import branding_load
from courses.reports import documents
from courses.reports.filters import ReportFilterForm
from lms.models import SiteSettings

# Export format → file extension.
FORMATS = {"csv": "csv", "csv-plain": "csv", "xlsx": "xlsx", "pdf": "pdf"}
ONE_DECIMAL = Decimal("0.1")
REGISTRY: dict[str, type["TableReport"]] = {}


def register(report_class):
    """Class decorator: make a report reachable from the admin and the pack."""
    REGISTRY[report_class.slug] = report_class
    exports.EXPORT_LABELS[report_class.slug] = report_class.export_label
    return report_class


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most `size` items (itertools.batched is 3.12+)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_period() -> dict:
    """From the first of January to today, until the user chooses."""
    today = timezone.localdate()
    return {"period_from": date(today.year, 1, 1).isoformat(), "period_to": today.isoformat()}


def period_described(start: date | None, end: date | None) -> str:
    """A period, open at either end, as a document's header states it."""
    if start and end:
        return f"{start:%Y-%m-%d} – {end:%Y-%m-%d}"
    if start:
        return _("from %(date)s") % {"date": f"{start:%Y-%m-%d}"}
    if end:
        return _("until %(date)s") % {"date": f"{end:%Y-%m-%d}"}
    return _("any")


def letterhead() -> dict:
    """What heads every report document: the branding and the organiser's name."""
    site = Site.objects.get(is_default_site=True)
    return {
        "branding": branding_load(site),
        "organiser": SiteSettings.for_site(site).organiser_name,
    }


def share(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole` to one decimal place (a rate in a
    report); None when there is no whole to share."""
    if not whole:
        return None
    return (Decimal(100 * part) / whole).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def described_filters(form: ReportFilterForm) -> list[tuple[str, str]]:
    """The filters as (label, value) lines for a document's header; the
    status only where the form has one."""
    data = form.cleaned_data
    described = [
        (_("Course"), data["course"].title if data.get("course") else _("all courses")),
        (
            _("Institution"),
            data["institution"].name if data.get("institution") else _("all institutions"),
        ),
        (_("Period"), period_described(*form.period)),
    ]
    if "status" in form.fields:
        label = dict(form.fields["status"].choices).get(data.get("status", ""), "")
        described.append((_("Status"), str(label) if data.get("status") else _("any")))
    return described


class TableReport(ABC):
    """Subclasses set the names and columns and implement `objects`, `rows`,
    `new_totals` and `page_totals`. Totals objects have `.row()`, the last
    row of a file."""

    slug = ""  # URL part and audit-log name
    export_label = ""  # what the audit log calls it
    menu_label = ""  # the admin menu item
    title = ""  # page and document title
    filename = ""
    sheet_name = ""
    columns: list = []  # (header, width in characters) per column
    headers: list = []  # from `columns`
    widths: list = []  # from `columns`
    signatures = False  # signature lines under the PDF table
    flag_column: int | None = None  # a yes/no cell whose yes the admin table marks
    formats = tuple(FORMATS)
    form_class = ReportFilterForm  # the admin page's filters

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "columns" in cls.__dict__:
            cls.set_columns(cls, cls.columns)

    @staticmethod
    def set_columns(target, columns) -> None:
        """Headers and widths of a report class (or of one report, when its
        columns depend on a setting) from its (header, width) pairs."""
        target.columns = columns
        target.headers = [header for header, _width in columns]
        target.widths = [width for _header, width in columns]

    def __init__(self, form: ReportFilterForm):
        self.form = form
        self.user = form.user

    @abstractmethod
    def objects(self): ...

    @abstractmethod
    def rows(self, objects, totals) -> Iterator[list]: ...

    @abstractmethod
    def new_totals(self): ...

    @abstractmethod
    def page_totals(self, objects): ...

    def file_name(self, export_format: str) -> str:
        """The report's name and its period, or today's date for an open one."""
        start, end = self.form.period
        dates = (
            f"{start:%Y-%m-%d}-{end:%Y-%m-%d}"
            if start and end
            else f"{timezone.localdate():%Y-%m-%d}"
        )
        return f"{self.filename}-{dates}.{FORMATS[export_format]}"

    def row_source(self, objects):
        """What `rows` reads for a whole file: by default the objects in
        chunks (a report that reads its rows in one statement of its own
        takes the queryset itself)."""
        return objects.iterator(chunk_size=2000)

    def _rows_then_totals(self, objects):
        totals = self.new_totals()
        yield from self.rows(self.row_source(objects), totals)
        yield totals.row()

    def csv_chunks(self, objects, *, excel: bool) -> Iterator[bytes]:
        return exports.csv_stream(self.headers, self._rows_then_totals(objects), excel=excel)

    def xlsx_write(self, objects, output) -> None:
        exports.xlsx_write(
            output,
            headers=self.headers,
            rows=self._rows_then_totals(objects),
            widths=self.widths,
            sheet_name=self.sheet_name,
        )

    def described_filters(self) -> list[tuple[str, str]]:
        """The filters in a document's header; reports with filters of their own add them."""
        return described_filters(self.form)

    def pdf_bytes(self, objects) -> bytes:
        totals = self.new_totals()
        rows = list(self.rows(self.row_source(objects), totals))
        return documents.render_table_pdf(
            title=str(self.title),
            filters=self.described_filters(),
            headers=self.headers,
            rows=rows,
            totals=totals.row(),
            signatures=self.signatures,
            **letterhead(),
        )

    def file_bytes(self, export_format: str) -> bytes:
        """The whole file in memory (for the evidence pack's ZIP)."""
        objects = self.objects()
        if export_format == "pdf":
            return self.pdf_bytes(objects)
        if export_format == "xlsx":
            output = io.BytesIO()
            self.xlsx_write(objects, output)
            return output.getvalue()
        return b"".join(self.csv_chunks(objects, excel=export_format == "csv"))
