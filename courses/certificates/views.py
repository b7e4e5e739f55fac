"""Certificates for their holders and for anyone checking one: "my
certificates", the PDF download (the holder's own only), taking a course
again before its certificate expires, and the public verification page
reached from the QR code."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from courses.certificates import files as certificate_files
from courses.certificates import services
from courses.certificates.models import CODE_SHAPE
from courses.models import Certificate, Enrolment
from lms.addresses import client_address

# Verification look-ups allowed per client address in a minute.
VERIFY_PER_MINUTE = 30


@login_required
def my_certificates(request):
    certificates = (
        Certificate.objects.for_user(request.user)
        .select_related("replaced_by")
        .order_by("-issued_at")
    )
    return TemplateResponse(request, "courses/my_certificates.html", {"certificates": certificates})


@login_required
def certificate_download(request, pk: int):
    """Only the holder downloads here; anyone else gets 404, never a hint."""
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    return certificate_files.pdf_response(request, certificate)


@require_POST
@login_required
def enrolment_recertify(request, pk: int):
    """The learner's "start again" on "my courses": their own enrolment only
    (anyone else's is a 404); a course not due for renewal gets the reason."""
    enrolment = get_object_or_404(
        Enrolment.objects.active().select_related("course"), pk=pk, user=request.user
    )
    try:
        services.enrolment_recertify(enrolment=enrolment, by=request.user)
    except services.CertificateError as error:
        messages.error(request, error.message)
        return redirect("courses:my_courses")
    messages.success(
        request,
        _(
            "The course is open again. When you complete it, you get a new certificate "
            "that replaces the current one."
        ),
    )
    return redirect(enrolment.course.url)


def _verification_client(group, request) -> str:
    """The rate limit's key: the client's address as the project sees it
    (behind the trusted proxies), not django-ratelimit's own reading of it."""
    return client_address(request) or ""


def certificate_verify(request, code: str):
    """Valid or revoked (with the date), and only what the certificate shows
    publicly: holder, course, hours, dates, number. A wrong code of any shape
    gets the same plain "not found" page."""
    if is_ratelimited(
        request,
        group="certificate-verify",
        key=_verification_client,
        rate=f"{VERIFY_PER_MINUTE}/m",
        increment=True,
    ):
        response = TemplateResponse(
            request,
            "courses/certificate_verify.html",
            {"message": _("Too many checks from this address. Try again in a minute.")},
            status=429,
        )
        response["Retry-After"] = "60"
        return response
    certificate = None
    if CODE_SHAPE.match(code):
        certificate = Certificate.objects.filter(code=code).select_related("replaced_by").first()
    if certificate is None:
        return TemplateResponse(
            request,
            "courses/certificate_verify.html",
            {"message": _("No certificate has this verification address.")},
            status=404,
        )
    return TemplateResponse(
        request, "courses/certificate_verify.html", {"certificate": certificate}
    )
