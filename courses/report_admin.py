"""Report screens in the Wagtail admin ("Raporty"): each report is a filter
form, a paged table with totals, and exports (CSV for Excel, plain CSV,
XLSX, PDF), for coordinators within their scope and trainers for their
courses. Every export is written to the audit log. A report class says
what it reads and how its rows look; `TableReportView` does the rest."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Site

from lms.models import SiteSettings

from . import exports
from .pdf import branding_load
from .reports import attendance, documents, scope
from .reports.filters import ReportFilterForm

PER_PAGE = 50
FORMATS = {"csv": "csv", "csv-plain": "csv", "xlsx": "xlsx", "pdf": "pdf"}

exports.EXPORT_LABELS.update(attendance=gettext_lazy("attendance and progress report"))


def default_period() -> dict:
    """From the first of January to today, until the user chooses."""
    today = timezone.localdate()
    return {"period_from": date(today.year, 1, 1).isoformat(), "period_to": today.isoformat()}


def described_filters(form: ReportFilterForm) -> list[tuple[str, str]]:
    """The filters as (label, value) lines for a document's header."""
    data = form.cleaned_data
    status = dict(form.fields["status"].choices).get(data.get("status", ""), "")
    return [
        (_("Course"), data["course"].title if data.get("course") else _("all courses")),
        (
            _("Institution"),
            data["institution"].name if data.get("institution") else _("all institutions"),
        ),
        (_("Period"), f"{data['period_from']:%Y-%m-%d} – {data['period_to']:%Y-%m-%d}"),
        (_("Status"), str(status) if data.get("status") else _("any")),
    ]


class TableReportView(View):
    """A report: `fetch` (a queryset from a valid form), `rows` (typed rows
    from fetched objects, adding to `totals`), `totals` (the whole set's
    figures for the page) and its names."""

    template_name = "courses/admin/reports/table.html"
    export_name = ""
    filename = ""
    title = ""
    headers: list = []
    widths: list = []
    signatures = False

    def dispatch(self, request, *args, **kwargs):
        if not scope.may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def fetch(self, form):
        raise NotImplementedError

    def rows(self, objects, totals):
        raise NotImplementedError

    def new_totals(self):
        raise NotImplementedError

    def page_totals(self, objects):
        raise NotImplementedError

    def get(self, request, export_format=None):
        if export_format is not None and export_format not in FORMATS:
            raise Http404
        form = ReportFilterForm(request.GET or default_period(), user=request.user)
        if not form.is_valid():
            return self.page(form, None)
        objects = self.fetch(form)
        if export_format is None:
            return self.page(form, objects)
        return self.export(form, objects, export_format)

    def page(self, form, objects):
        page_obj, rows, totals = None, [], None
        if objects is not None:
            paginator = WagtailPaginator(objects, PER_PAGE)
            page_obj = paginator.get_page(self.request.GET.get("p"))
            offset = (page_obj.number - 1) * PER_PAGE
            rows = [
                [offset + index, *row[1:]]
                for index, row in enumerate(self.rows(page_obj, self.new_totals()), start=1)
            ]
            totals = self.page_totals(objects).row()
        query = self.request.GET.copy()
        query.pop("p", None)
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "title": self.title,
                "form": form,
                "headers": [str(header) for header in self.headers],
                "rows": [[documents.display(cell) for cell in row] for row in rows],
                "totals": [documents.display(cell) for cell in totals] if totals else None,
                "page_obj": page_obj,
                "query": query.urlencode()
                or "&".join(f"{key}={value}" for key, value in default_period().items()),
                "export_url_name": self.export_url_name,
            },
        )

    def export(self, form, objects, export_format):
        exports.export_log(
            user=self.request.user,
            export=self.export_name,
            export_format=export_format,
            filters=form.described(),
            rows=objects.count(),
        )
        totals = self.new_totals()
        rows = self.rows(objects.iterator(chunk_size=2000), totals)
        data = form.cleaned_data
        filename = (
            f"{self.filename}-{data['period_from']:%Y-%m-%d}-{data['period_to']:%Y-%m-%d}"
            f".{FORMATS[export_format]}"
        )
        if export_format == "pdf":
            rows = list(rows)
            site = Site.objects.get(is_default_site=True)
            pdf = documents.render_table_pdf(
                title=str(self.title),
                filters=described_filters(form),
                headers=self.headers,
                rows=rows,
                totals=totals.row(),
                signatures=self.signatures,
                branding=branding_load(site),
                organiser=SiteSettings.for_site(site).organiser_name,
            )
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        with_totals = _then_totals(rows, totals)
        if FORMATS[export_format] == "csv":
            return exports.csv_response(
                filename=filename,
                headers=self.headers,
                rows=with_totals,
                excel=export_format == "csv",
            )
        return exports.xlsx_response(
            filename=filename,
            headers=self.headers,
            rows=with_totals,
            widths=self.widths,
            sheet_name=self.sheet_name,
        )


def _then_totals(rows, totals):
    yield from rows
    yield totals.row()


class AttendanceReportView(TableReportView):
    """Lista obecności: attendance and progress per enrolment."""

    export_name = "attendance"
    export_url_name = "courses_report_attendance_export"
    filename = "lista-obecnosci"
    title = gettext_lazy("Attendance and progress")
    sheet_name = gettext_lazy("Attendance")
    headers = attendance.HEADERS
    widths = attendance.WIDTHS
    signatures = True

    def fetch(self, form):
        self.counts = attendance.lesson_counts(
            attendance.attendance_enrolments(form).values_list("course_id", flat=True).distinct()
        )
        return attendance.attendance_enrolments(form)

    def rows(self, objects, totals):
        return attendance.attendance_rows(objects, self.counts, totals)

    def new_totals(self):
        return attendance.Totals()

    def page_totals(self, objects):
        return attendance.attendance_totals(objects)
