"""Report screens in the Wagtail admin ("Raporty"): for every registered
report a filter form, a paged table with totals, and its exports, for
coordinators within their scope and trainers for their courses. Every
export is written to the audit log. The reports themselves live in
`courses.reports`; this module only wires them to requests."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.paginator import WagtailPaginator

from . import exports
from .reports import base, documents, scope
from .reports.filters import ReportFilterForm

PER_PAGE = 50
FORMAT_LABELS = {
    "xlsx": gettext_lazy("Export XLSX"),
    "csv": gettext_lazy("Export CSV (Excel)"),
    "csv-plain": gettext_lazy("Export CSV (comma)"),
    "pdf": gettext_lazy("Export PDF"),
}


class ReportView(View):
    """One registered report, chosen by the URL's slug."""

    template_name = "courses/admin/reports/table.html"

    def dispatch(self, request, *args, **kwargs):
        if not scope.may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug, export_format=None):
        report_class = base.REGISTRY.get(slug)
        if report_class is None or (
            export_format is not None and export_format not in report_class.formats
        ):
            raise Http404
        form = ReportFilterForm(request.GET or base.default_period(), user=request.user)
        report = report_class(form) if form.is_valid() else None
        if export_format is None:
            return self.page(report_class, form, report)
        if report is None:
            return self.page(report_class, form, None)
        return self.export(report, export_format)

    def page(self, report_class, form, report):
        page_obj, rows, totals = None, [], None
        if report is not None:
            objects = report.objects()
            page_obj = WagtailPaginator(objects, PER_PAGE).get_page(self.request.GET.get("p"))
            offset = (page_obj.number - 1) * PER_PAGE
            rows = [
                [offset + index, *row[1:]]
                for index, row in enumerate(report.rows(page_obj, report.new_totals()), start=1)
            ]
            totals = report.page_totals(objects).row()
        query = self.request.GET.copy()
        query.pop("p", None)
        query = query.urlencode() or "&".join(
            f"{key}={value}" for key, value in base.default_period().items()
        )
        export_links = [
            (
                reverse("courses_report_export", args=[report_class.slug, export_format])
                + "?"
                + query,
                FORMAT_LABELS[export_format],
            )
            for export_format in FORMAT_LABELS
            if export_format in report_class.formats
        ]
        return TemplateResponse(
            self.request,
            self.template_name,
            {
                "title": report_class.title,
                "export_links": export_links,
                "form": form,
                "headers": [str(header) for header in report_class.headers],
                "rows": [[documents.display(cell) for cell in row] for row in rows],
                "totals": [documents.display(cell) for cell in totals] if totals else None,
                "page_obj": page_obj,
            },
        )

    def export(self, report, export_format):
        objects = report.objects()
        exports.export_log(
            user=self.request.user,
            export=report.slug,
            export_format=export_format,
            filters=report.form.described(),
            rows=objects.count(),
        )
        filename = report.file_name(export_format)
        if export_format == "pdf":
            response = HttpResponse(report.pdf_bytes(objects), content_type="application/pdf")
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        if export_format == "xlsx":
            return exports.xlsx_file_response(
                filename=filename, write=lambda output: report.xlsx_write(objects, output)
            )
        return exports.stream_response(
            filename=filename,
            chunks=report.csv_chunks(objects, excel=export_format == "csv"),
            content_type="text/csv; charset=utf-8",
        )
