"""The certificate register page in the Wagtail admin, for administrators
(all certificates) and coordinators (those of the institutions in their
scope, by the holder's institution at issue): the filtered list with the
actions on each entry, its exports (the register report's files, so also
as PDF) and asking for a ZIP of the PDFs. It lives with the reports because
it shares their filter form and their export path; the actions on one
certificate (PDF, revoke, reissue) and the ZIP's progress stay with the
certificates (`courses.certificates.admin`), reached by URL name."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.generic import View

from courses import exports
from courses.certificates import designs as certificate_designs
from courses.certificates import register as certificate_register
from courses.certificates import services
from courses.certificates.access import RegisterAccessMixin
from courses.models import CertificateBatch
from courses.reports.admin import FormFilteredListingView, export_links, report_response
from courses.reports.register import (
    BatchForm,
    RegisterFilterForm,
    RegisterReport,
    register_filtered,
)

PER_PAGE = FormFilteredListingView.paginate_by
RECENT_BATCHES = 5
EXPORT_FORMATS = RegisterReport.formats
NOTHING_TO_DOWNLOAD = gettext_lazy("No valid certificates match these filters.")
exports.EXPORT_LABELS.update(
    certificate_register=gettext_lazy("certificate register"),
    certificate_pdfs=gettext_lazy("certificate PDFs"),
)
# The register as listed: the snapshot columns and the replacement's number.
LIST_FIELDS = (
    *certificate_register.REGISTER_FIELDS,
    "enrolment_id",
    "replaced_by__id",
    "replaced_by__number",
)


class RegisterView(RegisterAccessMixin, FormFilteredListingView):
    template_name = "courses/admin/certificates/index.html"
    page_title = gettext_lazy("Certificates")
    header_icon = "doc-full"
    index_url_name = "courses_certificates"
    breadcrumbs_items = FormFilteredListingView.breadcrumbs_items[:1]

    def get_form(self):
        return RegisterFilterForm(self.request.GET, user=self.request.user)

    def get_valid_queryset(self):
        return (
            certificate_register.register_entries(register_filtered(self.form))
            .select_related("replaced_by")
            .only(*LIST_FIELDS)
            .order_by("-issued_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for certificate in context["page_obj"]:  # marked in words in the listing
            certificate.is_below_share = certificate_register.below_share(certificate)
        context.update(
            export_links=export_links(
                "courses_certificates_export", [], EXPORT_FORMATS, context["query"]
            ),
            batches=CertificateBatch.objects.filter(requested_by=self.request.user).select_related(
                "course", "institution"
            )[:RECENT_BATCHES],
            designs=certificate_designs.CHOICES,
        )
        return context


class RegisterExportView(RegisterView):
    """The filtered register as the register report's file (CSV streamed,
    XLSX in a temporary file, PDF), in register order; invalid filters show
    the register page with the errors."""

    def get(self, request, export_format):
        if export_format not in EXPORT_FORMATS:
            raise Http404
        if not self.form.is_valid():
            return super().get(request)
        return report_response(
            request, RegisterReport(self.form), export_format, export="certificate_register"
        )


class BatchCreateView(RegisterAccessMixin, View):
    """Ask for a ZIP of the valid certificates matching the filters; it is
    built in the background and the batch page shows its progress."""

    template_name = "courses/admin/certificates/batch_form.html"

    def form(self, *args, **kwargs):
        return BatchForm(*args, user=self.request.user, **kwargs)

    def render(self, form):
        return TemplateResponse(self.request, self.template_name, {"form": form})

    def get(self, request):
        return self.render(self.form(initial=request.GET.dict()))

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        certificates = list(register_filtered(form).valid().only("pk"))
        if not certificates:
            form.add_error(None, NOTHING_TO_DOWNLOAD)
            return self.render(form)
        data = form.cleaned_data
        try:
            batch = services.certificate_batch_request(
                user=request.user,
                certificates=certificates,
                course=data["course"],
                institution=data["institution"],
                issued_from=data["issued_from"],
                issued_to=data["issued_to"],
            )
        except services.CertificateError as error:
            form.add_error(None, error.message)
            return self.render(form)
        exports.export_log(
            user=request.user,
            export="certificate_pdfs",
            export_format="zip",
            filters=form.described(),
            rows=len(certificates),
        )
        return redirect("courses_certificate_batch", pk=batch.pk)
