"""Report screens in the Wagtail admin ("Raporty"): for every registered
report a filter form, a paged table with totals, and its exports, for
coordinators within their scope and trainers for their courses, and the
evidence pack that holds them all. Every export is written to the audit
log. The reports themselves live in `courses.reports`; this module only
wires them to requests."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.paginator import WagtailPaginator

from courses import exports
from courses.catalogue import selectors as catalogue_selectors
from courses.job_admin import job_file_response, job_page
from courses.models import EvidencePack
from courses.reports import base, documents, evidence
from courses.reports.filters import PeriodFilterForm

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
        if not catalogue_selectors.is_course_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug, export_format=None):
        report_class = base.REGISTRY.get(slug)
        if report_class is None or (
            export_format is not None and export_format not in report_class.formats
        ):
            raise Http404
        form = report_class.form_class(request.GET or base.default_period(), user=request.user)
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
                # The report's own: some columns depend on settings.
                "headers": [str(header) for header in (report or report_class).headers],
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


class EvidencePackView(View):
    """Ask for an evidence pack, and see the packs asked for before."""

    template_name = "courses/admin/reports/evidence_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not catalogue_selectors.is_course_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render(self, form):
        packs = EvidencePack.objects.filter(requested_by=self.request.user).select_related(
            "course", "institution"
        )[:10]
        return TemplateResponse(self.request, self.template_name, {"form": form, "packs": packs})

    def get(self, request):
        return self.render(PeriodFilterForm(initial=base.default_period(), user=request.user))

    def post(self, request):
        form = PeriodFilterForm(request.POST, user=request.user)
        if not form.is_valid():
            return self.render(form)
        pack = evidence.evidence_pack_request(form=form)
        return redirect("courses_evidence_pack", pk=pack.pk)


class EvidencePackAccessMixin:
    def get_pack(self, pk):
        pack = get_object_or_404(
            EvidencePack.objects.select_related("course", "institution", "requested_by"), pk=pk
        )
        if not evidence.may_download(pack, self.request.user):
            raise Http404
        return pack


class EvidencePackDetailView(EvidencePackAccessMixin, View):
    def get(self, request, pk):
        pack = self.get_pack(pk)
        return job_page(
            request,
            job=pack,
            title=_("Evidence pack"),
            facts=[
                (_("Course"), pack.course.title if pack.course else _("all courses")),
                (
                    _("Institution"),
                    pack.institution.name if pack.institution else _("all institutions"),
                ),
                (_("Period"), f"{pack.period_from:%Y-%m-%d} – {pack.period_to:%Y-%m-%d}"),
                (_("Requested by"), pack.requested_by.get_full_name()),
            ],
            progress_label=_("%(done)s of %(total)s files (%(percent)s%%)")
            % {"done": pack.done, "total": pack.total, "percent": pack.percent},
            download_url=reverse("courses_evidence_pack_download", args=[pack.pk]),
            back_url=reverse("courses_evidence_packs"),
            back_label=_("Back to evidence packs"),
        )


class EvidencePackDownloadView(EvidencePackAccessMixin, View):
    def get(self, request, pk):
        pack = self.get_pack(pk)
        return job_file_response(
            pack, filename=f"dowody-{pack.period_from:%Y-%m-%d}-{pack.period_to:%Y-%m-%d}.zip"
        )
