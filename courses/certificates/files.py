"""Certificate PDFs kept as issued: each is rendered and sealed once, in the
background after issue, stored in private storage and served from there.
Downloads, ZIP batches and evidence packs all read them through here."""

import hashlib
from collections.abc import Iterator

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from courses.certificates import render as certificate_pdf
from courses.certificates import seal
from courses.models import Certificate


def _render(certificate: Certificate) -> bytes:
    return certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())


def _keep(certificate: Certificate, pdf: bytes) -> bytes:
    """Store a rendered PDF as the certificate's file, unless one was kept
    meanwhile (a racing render: the first kept stays); returns the kept one.
    A file already under the name with no row pointing to it was left by a
    render whose transaction never committed (a killed worker, a restored
    backup): no one owns it, so it is replaced, never stored beside."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not locked.pdf:
            name = f"{locked.code}.pdf"
            stored_as = locked.pdf.field.generate_filename(locked, name)
            if locked.pdf.storage.exists(stored_as):
                locked.pdf.storage.delete(stored_as)
            locked.pdf.save(name, ContentFile(pdf), save=False)
            locked.sealed_at = timezone.now() if seal.is_configured() else None
            locked.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
            try:
                Certificate.objects.filter(pk=locked.pk).update(
                    pdf=locked.pdf.name, sealed_at=locked.sealed_at, pdf_sha256=locked.pdf_sha256
                )
            except Exception:
                locked.pdf.delete(save=False)
                raise
        elif locked.pdf.name != certificate.pdf.name:
            with locked.pdf.open("rb") as kept:
                pdf = kept.read()
    certificate.pdf = locked.pdf.name
    certificate.sealed_at, certificate.pdf_sha256 = locked.sealed_at, locked.pdf_sha256
    return pdf


def _seal_kept(certificate: Certificate) -> bytes | None:
    """Seal a file kept before the seal existed, once: under the row's lock,
    the kept file is sealed and stored under a new name, and the row points
    to it with `sealed_at` set (a racing download finds it set and reads the
    sealed file); the unsealed one is deleted after the commit. None when
    the file is gone (rendered anew by the caller)."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not locked.pdf:
            return None
        kept = _read_kept(locked)
        if kept is None or locked.sealed_at:
            sealed = kept
        else:
            sealed = seal.seal_pdf(
                kept, reason=seal.CERTIFICATE_REASON.format(number=locked.number)
            )
            unsealed = locked.pdf.name
            locked.pdf.save(f"{locked.code}.pdf", ContentFile(sealed), save=False)
            locked.sealed_at = timezone.now()
            locked.pdf_sha256 = hashlib.sha256(sealed).hexdigest()
            try:
                Certificate.objects.filter(pk=locked.pk).update(
                    pdf=locked.pdf.name, sealed_at=locked.sealed_at, pdf_sha256=locked.pdf_sha256
                )
            except Exception:
                locked.pdf.delete(save=False)
                raise
            storage = locked.pdf.storage
            transaction.on_commit(lambda: storage.delete(unsealed))
    certificate.pdf = locked.pdf.name
    certificate.sealed_at, certificate.pdf_sha256 = locked.sealed_at, locked.pdf_sha256
    return sealed


def _read_kept(certificate: Certificate) -> bytes | None:
    """The kept file's bytes; None, and the field cleared, when the file is
    gone (a database restored without its private bucket, a clean-up)."""
    name = certificate.pdf.name
    try:
        with certificate.pdf.open("rb") as kept:
            return kept.read()
    except Exception:
        if certificate.pdf.storage.exists(name):
            raise  # the file is there: a real storage error
    Certificate.objects.filter(pk=certificate.pk, pdf=name).update(pdf="")
    certificate.pdf = ""
    return None


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    """The certificate's PDF as issued: the kept file (sealed now, once, if
    it was kept before the seal existed), or rendered and kept now if there
    is none yet (issued before PDFs were kept, its render still queued, or
    the file lost)."""
    if certificate.pdf:
        if certificate.sealed_at is None and seal.is_configured():
            pdf = _seal_kept(certificate)
        else:
            pdf = _read_kept(certificate)
        if pdf is not None:
            return pdf
    return _keep(certificate, _render(certificate))


def certificate_pdf_store(*, certificate: Certificate) -> Certificate:
    """Render the certificate's PDF once and keep it in private storage.
    An issued certificate is an immutable snapshot, so its document never
    changes; serving the kept file spares every download the 45 ms of
    CPU a render holds (a web worker's GIL included). Idempotent: the
    render runs outside any lock, and when two callers race, the first to
    store wins and the other's copy is dropped."""
    if not certificate.pdf:
        _keep(certificate, _render(certificate))
    return certificate


def certificate_pdfs(certificates: list[Certificate]) -> Iterator[bytes]:
    """Each certificate's PDF as issued (see certificate_pdf_bytes); the
    ones not kept yet are rendered together (on every core for a large
    batch) and kept."""
    missing = [certificate for certificate in certificates if not certificate.pdf]
    missing_ids = {certificate.pk for certificate in missing}
    rendered = (
        certificate_pdf.render_many(missing, certificate_pdf.branding_load())
        if missing
        else iter(())
    )
    for certificate in certificates:
        if certificate.pk in missing_ids:
            yield _keep(certificate, next(rendered))
        else:
            yield certificate_pdf_bytes(certificate=certificate)


def pdf_response(request: HttpRequest, certificate: Certificate) -> HttpResponse:
    """An issued certificate's PDF as a download named after its number:
    the file kept since issue (kept now if there is none yet); a page saying
    to try again later when it cannot be sealed now (its time-stamping
    service down), never an unsealed file."""
    try:
        pdf = certificate_pdf_bytes(certificate=certificate)
    except seal.SealUnavailable:
        context = {"message": seal.SEAL_UNAVAILABLE}
        return render(request, "courses/certificates/seal_unavailable.html", context, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = "zaswiadczenie-" + certificate.number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
