"""Report screens in the Wagtail admin ("Raporty"): for every registered
report a filter form, a paged table with totals, and its exports, for
coordinators within their scope and trainers for their courses, and the
evidence pack that holds them all. The pages are Wagtail's own report
listings (header, breadcrumbs, pagination) filtered by our scoped forms.
Every export is written to the audit log, through `report_response`, which
the register page uses too. The reports themselves live in
`courses.reports`; this module only wires them to requests."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.views.reports import ReportView as WagtailReportView

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


def report_response(request, report, export_format: str, *, export: str = ""):
    """The report's file as a download, written to the audit log (as
    `export`, by default the report's slug) with its filters and row count:
    the one path by which a report or the register page exports."""
    objects = report.objects()
    exports.export_log(
        user=request.user,
        export=export or report.slug,
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


def export_links(url_name: str, url_args: list, formats, query: str) -> list[tuple[str, str]]:
    """(address, label) of each export button, with the page's filters."""
    return [
        (reverse(url_name, args=[*url_args, export_format]) + "?" + query, label)
        for export_format, label in FORMAT_LABELS.items()
        if export_format in formats
    ]


class FormFilteredListingView(WagtailReportView):
    """Wagtail's report listing (its header, breadcrumbs and pagination)
    filtered by one of our scoped filter forms instead of a django-filter
    FilterSet: the form refuses choices outside the scope with a message,
    and an invalid form lists nothing. Subclasses give the form
    (`get_form`) and the rows of a valid one (`get_valid_queryset`)."""

    paginate_by = PER_PAGE
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Reports")},
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False  # our exports have addresses of their own

    def get_form(self):
        raise NotImplementedError

    def get_valid_queryset(self):
        raise NotImplementedError

    @cached_property
    def form(self):
        return self.get_form()

    def get_queryset(self):
        return self.get_valid_queryset() if self.form.is_valid() else []

    def query(self) -> str:
        """The page's filters as a query string, without the page number."""
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return query.urlencode()

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, query=self.query(), **kwargs)


class ReportView(FormFilteredListingView):
    """One registered report, chosen by the URL's slug: the filtered rows,
    a page at a time with the totals of all of them, and its exports."""

    template_name = "courses/admin/reports/table.html"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not catalogue_selectors.is_course_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, slug, export_format=None):
        self.report_class = base.REGISTRY.get(slug)
        if self.report_class is None or (
            export_format is not None and export_format not in self.report_class.formats
        ):
            raise Http404
        self.report = self.report_class(self.form) if self.form.is_valid() else None
        if export_format is not None and self.report is not None:
            return report_response(request, self.report, export_format)
        return super().get(request)

    def get_form(self):
        return self.report_class.form_class(
            self.request.GET or base.default_period(), user=self.request.user
        )

    def get_page_title(self):
        return self.report_class.title

    def get_valid_queryset(self):
        return self.report.objects()

    def query(self) -> str:
        return super().query() or urlencode(base.default_period())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows, totals = [], None
        flag = (self.report or self.report_class).flag_column

        def flagged(row) -> bool:
            return flag is not None and row[flag] is True

        if self.report is not None:
            page_obj = context["page_obj"]
            offset = (page_obj.number - 1) * PER_PAGE
            rows = [
                [offset + index, *row[1:]]
                for index, row in enumerate(
                    self.report.rows(context["object_list"], self.report.new_totals()), start=1
                )
            ]
            totals = self.report.page_totals(self.object_list).row()
        context.update(
            report=self.report,
            export_links=export_links(
                "courses_report_export",
                [self.report_class.slug],
                self.report_class.formats,
                context["query"],
            ),
            # The report's own: some columns depend on settings.
            headers=[str(header) for header in (self.report or self.report_class).headers],
            rows=[(flagged(row), [documents.display(cell) for cell in row]) for row in rows],
            totals=[documents.display(cell) for cell in totals] if totals else None,
        )
        return context


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
