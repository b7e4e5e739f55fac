"""The actions on the certificate register's entries in the Wagtail admin,
for administrators (all certificates) and coordinators (those of the
institutions in their scope, by the holder's institution at issue):
revoking and reissuing, PDFs, design previews, and the ZIP downloads built
in the background. Every object is looked up in the scoped queryset, so one
outside the scope is a 404 also by id; every PDF download is written to
Wagtail's audit log. The register page itself, with its filters and exports,
is a report (`courses.reports.register_admin`): it shares the reports'
filter form and files."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from courses import exports
from courses.certificates import designs as certificate_templates
from courses.certificates import render as certificate_pdf
from courses.certificates import services
from courses.certificates.access import RegisterAccessMixin
from courses.certificates.files import pdf_response
from courses.job_admin import job_file_response, job_page
from courses.models import CertificateBatch
from lms.redirects import safe_redirect_target

exports.EXPORT_LABELS.update(certificate_pdf=gettext_lazy("certificate PDF"))


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
        return pdf_response(request, certificate)


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
        pdf = certificate_pdf.render_certificate_pdf(
            sample, certificate_pdf.branding_load(), sealed=False
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="wzor-{design}.pdf"'
        return response


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
