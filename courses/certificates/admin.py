"""The certificate register in the Wagtail admin, for administrators (all
certificates) and coordinators (those of the institutions in their scope,
by the holder's institution at issue): the filtered list, revoking and
reissuing, PDFs, design previews, CSV/XLSX exports and ZIP downloads built
in the background. Every object is looked up in the scoped queryset, so one
outside the scope is a 404 also by id; every export is written to Wagtail's
audit log. The views only wire forms to the services and the pure
functions of `courses.certificates.register`."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from wagtail.admin.paginator import WagtailPaginator

from accounts import scopes
from accounts.models import Institution
from courses import exports
from courses.certificates import designs as certificate_templates
from courses.certificates import register as certificate_register
from courses.certificates import render as certificate_pdf
from courses.certificates import services
from courses.certificates.files import pdf_response
from courses.certificates.selectors import certificates_in_scope, may_see_register
from courses.dates import report_date_field
from courses.job_admin import job_file_response, job_page
from courses.models import Certificate, CertificateBatch, CoursePage
from lms.ids import IdModelChoiceField
from lms.redirects import safe_redirect_target

PER_PAGE = 50
RECENT_BATCHES = 5
exports.EXPORT_LABELS.update(
    certificate_register=gettext_lazy("certificate register"),
    certificate_pdfs=gettext_lazy("certificate PDFs"),
    certificate_pdf=gettext_lazy("certificate PDF"),
)
exports.STATUS_LABELS.update(Certificate.Status.choices)
EXPORT_FORMATS = ("csv", "xlsx")

COURSE_OUT_OF_SCOPE = gettext_lazy(
    "This course has no certificates in your scope. Choose one from the list."
)
INSTITUTION_OUT_OF_SCOPE = gettext_lazy(
    "This institution is outside your scope. Choose one from the list."
)
NOTHING_TO_DOWNLOAD = gettext_lazy("No valid certificates match these filters.")
# The register as listed: the snapshot columns and the replacement's number.
LIST_FIELDS = (
    *certificate_register.REGISTER_FIELDS,
    "enrolment_id",
    "replaced_by__id",
    "replaced_by__number",
)


# --- Forms -------------------------------------------------------------------


class RegisterFilterForm(forms.Form):
    """Which part of the register: a course, an institution with the units
    below it, a period of issue, a status; choices limited to the scope, and
    a choice from outside it refused, never widened."""

    course = IdModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.none(),
        required=False,
        error_messages={"invalid_choice": COURSE_OUT_OF_SCOPE},
    )
    institution = IdModelChoiceField(
        label=gettext_lazy("Institution"),
        queryset=Institution.objects.none(),
        required=False,
        error_messages={"invalid_choice": INSTITUTION_OUT_OF_SCOPE},
        help_text=gettext_lazy("Includes the units below it."),
    )
    issued_from = report_date_field(gettext_lazy("Issued from"))
    issued_to = report_date_field(gettext_lazy("Issued to"))
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[("", gettext_lazy("any")), *Certificate.Status.choices],
        required=False,
    )

    def __init__(self, *args, user, certificates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.filter(
            pk__in=certificates.values("course_id")
        ).order_by("title")
        self.fields["institution"].queryset = scopes.institutions_in_scope(user).order_by("name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("issued_from"), cleaned.get("issued_to")
        if start and end and end < start:
            self.add_error("issued_to", services.PERIOD_REVERSED)
        return cleaned

    def filter(self, certificates):
        data = self.cleaned_data
        if data.get("course"):
            certificates = certificates.filter(course=data["course"])
        if data.get("institution"):
            subtree = Institution.objects.subtree_ids([data["institution"].pk])
            certificates = certificates.filter(institution_id__in=subtree)
        if data.get("issued_from"):
            certificates = certificates.filter(issued_at__date__gte=data["issued_from"])
        if data.get("issued_to"):
            certificates = certificates.filter(issued_at__date__lte=data["issued_to"])
        if data.get("status"):
            certificates = certificates.filter(status=data["status"])
        return certificates

    def described(self) -> dict:
        """The filters in use, for the audit log."""
        described = {}
        for name, value in self.cleaned_data.items():
            if isinstance(value, models.Model):
                described[name] = {"id": value.pk, "name": str(value)}
            elif isinstance(value, date):
                described[name] = value.isoformat()
            elif value:
                described[name] = value
        return described


class BatchForm(RegisterFilterForm):
    """The same filters for a ZIP of PDFs; only valid certificates go in."""

    status = None


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": services.REASON_REQUIRED},
    )


# --- Views -------------------------------------------------------------------


def _next(request) -> str:
    """The register page an action started from (its filters and page), if
    it is a local address."""
    target = request.POST.get("next") or request.GET.get("next")
    return safe_redirect_target(request, target, fallback="")


def _back(request):
    return redirect(_next(request) or "courses_certificates")


class RegisterAccessMixin:
    """Administrators and coordinators only; objects from the scoped queryset."""

    def dispatch(self, request, *args, **kwargs):
        if not may_see_register(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def scoped(self):
        return certificates_in_scope(self.request.user)

    def get_certificate(self, pk):
        return get_object_or_404(self.scoped(), pk=pk)


class RegisterView(RegisterAccessMixin, View):
    template_name = "courses/admin/certificates/index.html"

    def get_form(self):
        return RegisterFilterForm(
            self.request.GET, user=self.request.user, certificates=self.scoped()
        )

    def render(self, form):
        request = self.request
        if form.is_valid():
            certificates = (
                form.filter(self.scoped())
                .select_related("replaced_by")
                .only(*LIST_FIELDS)
                .order_by("-issued_at", "-pk")
            )
        else:
            certificates = Certificate.objects.none()
        paginator = WagtailPaginator(certificates, PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        batches = CertificateBatch.objects.filter(requested_by=request.user).select_related(
            "course", "institution"
        )[:RECENT_BATCHES]
        return TemplateResponse(
            request,
            self.template_name,
            {
                "form": form,
                "page_obj": page,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "batches": batches,
                "designs": certificate_templates.CHOICES,
                "query": request.GET.urlencode(),
            },
        )

    def get(self, request):
        return self.render(self.get_form())


class RegisterExportView(RegisterView):
    """The filtered register as CSV (streamed) or XLSX (built in a temporary
    file, so memory stays flat), in register order; invalid filters show
    the register page with the errors."""

    def get(self, request, export_format):
        if export_format not in EXPORT_FORMATS:
            raise Http404
        form = self.get_form()
        if not form.is_valid():
            return self.render(form)
        certificates = (
            form.filter(self.scoped())
            .in_register_order()
            .only(*certificate_register.REGISTER_FIELDS)
        )
        exports.export_log(
            user=request.user,
            export="certificate_register",
            export_format=export_format,
            filters=form.described(),
            rows=certificates.count(),
        )
        rows = certificate_register.register_rows(certificates.iterator(chunk_size=2000))
        filename = f"rejestr-zaswiadczen-{timezone.localdate():%Y-%m-%d}.{export_format}"
        if export_format == "csv":
            return exports.csv_response(
                filename=filename, headers=certificate_register.REGISTER_HEADERS, rows=rows
            )
        return exports.xlsx_response(
            filename=filename,
            headers=certificate_register.REGISTER_HEADERS,
            rows=rows,
            widths=certificate_register.REGISTER_WIDTHS,
            sheet_name=_("Certificates"),
        )


class CertificatePdfView(RegisterAccessMixin, View):
    def get(self, request, pk):
        certificate = self.get_certificate(pk)
        exports.export_log(
            user=request.user,
            export="certificate_pdf",
            export_format="pdf",
            filters={"certificate": certificate.number},
            rows=1,
        )
        return pdf_response(certificate)


class CertificateRevokeView(RegisterAccessMixin, View):
    template_name = "courses/admin/certificates/revoke.html"

    def get(self, request, pk):
        certificate = self.get_certificate(pk)
        return self.render(certificate, RevokeForm())

    def render(self, certificate, form):
        return TemplateResponse(
            self.request,
            self.template_name,
            {"certificate": certificate, "form": form, "next": _next(self.request)},
        )

    def post(self, request, pk):
        certificate = self.get_certificate(pk)
        form = RevokeForm(request.POST)
        if not form.is_valid():
            return self.render(certificate, form)
        try:
            services.certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Certificate %(number)s was revoked.") % {"number": certificate.number},
            )
        return _back(request)


class CertificateReissueView(RegisterAccessMixin, View):
    template_name = "courses/admin/certificates/reissue.html"

    def get(self, request, pk):
        return TemplateResponse(
            request,
            self.template_name,
            {"certificate": self.get_certificate(pk), "next": _next(request)},
        )

    def post(self, request, pk):
        certificate = self.get_certificate(pk)
        try:
            new = services.certificate_reissue(certificate=certificate, by=request.user)
        except services.CertificateError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Certificate %(old)s was replaced by %(new)s.")
                % {"old": certificate.number, "new": new.number},
            )
        return _back(request)


class DesignPreviewView(View):
    """A design with made-up data, inline. Open to everyone with admin
    access: trainers choose a course's design too, and nothing personal is
    shown."""

    def get(self, request, design):
        if design not in dict(certificate_templates.CHOICES):
            raise Http404
        sample = services.sample_certificate(template=design)
        pdf = certificate_pdf.render_certificate_pdf(sample, certificate_pdf.branding_load())
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="wzor-{design}.pdf"'
        return response


class BatchCreateView(RegisterAccessMixin, View):
    """Ask for a ZIP of the valid certificates matching the filters; it is
    built in the background and the batch page shows its progress."""

    template_name = "courses/admin/certificates/batch_form.html"

    def form(self, *args, **kwargs):
        return BatchForm(*args, user=self.request.user, certificates=self.scoped(), **kwargs)

    def render(self, form):
        return TemplateResponse(self.request, self.template_name, {"form": form})

    def get(self, request):
        return self.render(self.form(initial=request.GET.dict()))

    def post(self, request):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        certificates = list(form.filter(self.scoped()).valid().only("pk"))
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


class BatchAccessMixin(RegisterAccessMixin):
    """A batch is seen and downloaded only by the person who asked for it."""

    def get_batch(self, pk, **conditions):
        batches = CertificateBatch.objects.select_related("course", "institution")
        return get_object_or_404(batches, pk=pk, requested_by=self.request.user, **conditions)


class BatchDetailView(BatchAccessMixin, View):
    def get(self, request, pk):
        batch = self.get_batch(pk)
        return job_page(
            request,
            job=batch,
            title=_("Certificate PDFs"),
            facts=[
                (_("Course"), batch.course.title if batch.course else ""),
                (_("Institution"), batch.institution.name if batch.institution else ""),
                (_("Issued from"), batch.issued_from and f"{batch.issued_from:%Y-%m-%d}"),
                (_("Issued to"), batch.issued_to and f"{batch.issued_to:%Y-%m-%d}"),
            ],
            progress_label=_("%(done)s of %(total)s certificates (%(percent)s%%)")
            % {"done": batch.done, "total": batch.total, "percent": batch.percent},
            download_url=reverse("courses_certificate_batch_download", args=[batch.pk]),
            back_url=reverse("courses_certificates"),
            back_label=_("Back to the register"),
        )


class BatchDownloadView(BatchAccessMixin, View):
    def get(self, request, pk):
        return job_file_response(self.get_batch(pk), filename=f"zaswiadczenia-{pk}.zip")
