"""The certificate as a PDF: HTML/CSS templates rendered by WeasyPrint into a
tagged PDF/UA-1 document in Polish, with a QR code (segno) of the public
verification address. Rendering is a pure function of the certificate and
the site's branding (`courses.pdf.branding_load`, fetched once, so a batch
of a thousand certificates reads the pictures once)."""

import dataclasses
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import segno

from . import certificate_templates, pdf_workers
from .models import Certificate
from .pdf import Branding, branding_load, html_to_pdf, render_html

__all__ = [
    "Branding",
    "branding_load",
    "render_certificate_html",
    "render_certificate_pdf",
    "render_many",
]
# A batch at least this large renders on every core, in separate processes
# (WeasyPrint's layout is pure Python and holds the GIL).
PARALLEL_FROM = 100


def qr_data_uri(text: str) -> str:
    """The QR code of a text as an SVG data URI (vector, sharp at any size)."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2)


def render_certificate_html(certificate: Certificate, branding: Branding) -> str:
    """The certificate's HTML in its design, always in Polish."""
    url = certificate.verification_url
    return render_html(
        certificate_templates.template_name(certificate.template),
        {"certificate": certificate, "branding": branding, "verification_url": url,
         "qr": qr_data_uri(url)},
    )  # fmt: skip


def render_certificate_pdf(certificate: Certificate, branding: Branding) -> bytes:
    """The certificate as a tagged A4 PDF (PDF/UA-1) declaring Polish, with the
    title and author in its metadata."""
    return html_to_pdf(render_certificate_html(certificate, branding))


def render_many(certificates: list[Certificate], branding: Branding) -> Iterator[bytes]:
    """The PDFs of the certificates, in their order; a large batch is shared
    out to one process per core. Rendering reads nothing from the database."""
    cores = os.cpu_count() or 1
    if len(certificates) < PARALLEL_FROM or cores < 2:
        for certificate in certificates:
            yield render_certificate_pdf(certificate, branding)
        return
    with ProcessPoolExecutor(
        max_workers=cores,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=pdf_workers.start,
        initargs=(dataclasses.asdict(branding),),
    ) as pool:
        yield from pool.map(pdf_workers.render, certificates, chunksize=8)
