"""Certificate PDFs kept as issued: each is rendered once, in the background
after issue, stored in private storage and served from there. Downloads,
ZIP batches and evidence packs all read them through here."""

from collections.abc import Iterator

from django.core.files.base import ContentFile
from django.db import transaction

from . import certificate_pdf
from .models import Certificate


def _keep(certificate: Certificate, pdf: bytes) -> bytes:
    """Store a rendered PDF as the certificate's file, unless one was kept
    meanwhile (a racing render: the first kept stays); returns the kept one."""
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if not locked.pdf:
            locked.pdf.save(f"{locked.code}.pdf", ContentFile(pdf), save=False)
            Certificate.objects.filter(pk=locked.pk).update(pdf=locked.pdf.name)
        elif locked.pdf.name != certificate.pdf.name:
            with locked.pdf.open("rb") as kept:
                pdf = kept.read()
    certificate.pdf = locked.pdf.name
    return pdf


def certificate_pdf_store(*, certificate: Certificate) -> Certificate:
    """Render the certificate's PDF once and keep it in private storage.
    An issued certificate is an immutable snapshot, so its document never
    changes; serving the kept file spares every download the 45 ms of
    CPU a render holds (a web worker's GIL included). Idempotent: the
    render runs outside any lock, and when two callers race, the first to
    store wins and the other's copy is dropped."""
    if not certificate.pdf:
        pdf = certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
        _keep(certificate, pdf)
    return certificate


def certificate_pdfs(certificates: list[Certificate]) -> Iterator[bytes]:
    """Each certificate's PDF as issued: the kept file, or, for one not kept
    yet (issued before PDFs were kept, or its render still queued), a fresh
    render (on every core for a large batch), kept from then on."""
    missing = [certificate for certificate in certificates if not certificate.pdf]
    rendered = (
        certificate_pdf.render_many(missing, certificate_pdf.branding_load())
        if missing
        else iter(())
    )
    for certificate in certificates:
        if certificate.pdf:
            with certificate.pdf.open("rb") as stored:
                yield stored.read()
        else:
            yield _keep(certificate, next(rendered))
