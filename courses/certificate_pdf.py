"""The certificate as a PDF: HTML/CSS templates rendered by WeasyPrint into a
tagged PDF/UA-1 document in Polish, with a QR code (segno) of the public
verification address. Rendering is a pure function of the certificate and
the site's branding (`courses.pdf.branding_load`, fetched once, so a batch
of a thousand certificates reads the pictures once)."""

import segno

from . import certificate_templates
from .models import Certificate
from .pdf import Branding, branding_load, html_to_pdf, render_html

__all__ = ["Branding", "branding_load", "render_certificate_html", "render_certificate_pdf"]


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
