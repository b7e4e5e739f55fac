"""Certificates for their holders and for anyone checking one: "my
certificates", the PDF and credential downloads (the holder's own only),
taking a course again before its certificate expires, the public
verification page reached from the QR code, the check of an uploaded
credential or sealed PDF, and what verifiers fetch: the issuer's keys and
the credentials' status lists."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited

from courses.certificates import baking, credentials, keys, seal, services, status_list, vc_jwt
from courses.certificates import files as certificate_files
from courses.certificates.models import CODE_SHAPE
from courses.models import Certificate, Enrolment
from lms.addresses import client_address

# Verification look-ups allowed per client address in a minute.
VERIFY_PER_MINUTE = 30
# The largest file the check takes (a sealed certificate is about 60 KB).
UPLOAD_MAX_BYTES = 5 * 1024 * 1024
CREDENTIAL_KINDS = ("jwt", "json", "png")


@login_required
def my_certificates(request):
    certificates = (
        Certificate.objects.for_user(request.user)
        .select_related("replaced_by")
        .order_by("-issued_at")
    )
    context = {"certificates": certificates, "credentials_on": keys.is_configured()}
    return TemplateResponse(request, "courses/my_certificates.html", context)


@login_required
def certificate_download(request, pk: int):
    """Only the holder downloads here; anyone else gets 404, never a hint."""
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    return certificate_files.pdf_response(request, certificate)


@login_required
def credential_download(request, pk: int, kind: str):
    """The holder's Open Badges credential of a valid certificate: the signed
    JWT, the same as JSON, or baked into a badge image. Anyone else, a
    withdrawn certificate or an unknown kind gets 404."""
    certificate = get_object_or_404(Certificate.objects.valid(), pk=pk, user=request.user)
    token = (
        credentials.certificate_credential(certificate=certificate)
        if kind in CREDENTIAL_KINDS
        else None
    )
    if token is None:
        raise Http404
    name = "odznaka-" + certificate.number.replace("/", "-")
    if kind == "png":
        response = HttpResponse(credentials.badge(certificate, token), content_type="image/png")
    elif kind == "json":
        response = HttpResponse(
            json.dumps(credentials.envelope(token), indent=2), content_type="application/json"
        )
    else:
        response = HttpResponse(token, content_type=vc_jwt.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


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


def _too_many(request, template: str, context: dict | None = None):
    """The 429 page once an address has checked more than VERIFY_PER_MINUTE
    times in a minute (look-ups and uploads count together); None below."""
    if not is_ratelimited(
        request,
        group="certificate-verify",
        key=_verification_client,
        rate=f"{VERIFY_PER_MINUTE}/m",
        increment=True,
    ):
        return None
    message = _("Too many checks from this address. Try again in a minute.")
    response = TemplateResponse(
        request, template, {**(context or {}), "message": message}, status=429
    )
    response["Retry-After"] = "60"
    return response


def certificate_verify(request, code: str):
    """Valid or revoked (with the date), and only what the certificate shows
    publicly: holder, course, hours, dates, number. A wrong code of any shape
    gets the same plain "not found" page."""
    if limited := _too_many(request, "courses/certificate_verify.html"):
        return limited
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


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Credential or certificate file"),
        help_text=gettext_lazy(
            "A certificate PDF, a badge image (PNG) or a credential file (JWT or JSON) "
            "downloaded from “My certificates”."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is too large: a certificate is at most 5 MB."))
        return upload.read()


def _upload_check(data: bytes) -> dict:
    """What the check page says of an uploaded file: a sealed PDF's seal, or
    a credential's signature (JWT, JSON, baked PNG); with the register's
    certificate when the file names one. Never raises on any input."""
    if data.startswith(b"%PDF"):
        result = seal.pdf_check(data)
        found = None
        if result.intact and result.trusted and result.certificate_number:
            found = (
                Certificate.objects.select_related("replaced_by")
                .filter(number=result.certificate_number)
                .first()
            )
        return {"kind": "pdf", "pdf": result, "certificate": found}
    token = baking.unbake(data) if data.startswith(b"\x89PNG") else None
    if token is None:
        token = credentials.token_read(data.decode("utf-8", errors="replace"))
    if token is None:
        return {"kind": "unknown"}
    result = credentials.credential_check(token)
    if result is None:
        return {"kind": "unknown"}
    return {"kind": "credential", "credential": result, "certificate": result.certificate}


def certificate_check(request):
    """The public check of a file someone was given: upload a certificate
    PDF or a credential, read the verdict on its signature, its status in
    the register and its expiry in plain words. Nothing uploaded is kept."""
    template = "courses/certificate_check.html"
    if request.method != "POST":
        return TemplateResponse(request, template, {"form": UploadForm()})
    form = UploadForm(request.POST, request.FILES)
    if limited := _too_many(request, template, {"form": form}):
        return limited
    if not form.is_valid():
        return TemplateResponse(request, template, {"form": form}, status=400)
    context = {"form": UploadForm(), "checked": _upload_check(form.cleaned_data["file"])}
    return TemplateResponse(request, template, context)


@require_GET
@cache_control(public=True, max_age=300)
def status_list_credential(request, number: int):
    """A status list of the credentials (a signed BitstringStatusListCredential)."""
    if not keys.is_configured() or not status_list.exists(number):
        raise Http404
    return HttpResponse(status_list.list_credential(number), content_type=vc_jwt.MEDIA_TYPE)


@require_GET
@cache_control(public=True, max_age=3600)
def did_document(request):
    """did:web's document: the issuer's keys, for anyone verifying a credential."""
    if not keys.is_configured():
        raise Http404
    return JsonResponse(keys.did_document(), content_type="application/did+json")


@require_GET
@cache_control(public=True, max_age=3600)
def issuer_jwks(request):
    if not keys.is_configured():
        raise Http404
    return JsonResponse(keys.jwks(), content_type="application/jwk-set+json")
