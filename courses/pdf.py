"""PDF output shared by certificates and reports: WeasyPrint turning our
HTML/CSS templates into tagged PDF/UA-1 documents in Polish, and the site's
branding (funding statement, logo strip, organiser's logo, signature) that
every such document carries, loaded once per document or batch."""

import base64
import mimetypes
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from lms.models import SiteSettings

from .models import CertificateSettings

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "pl"
# Fonts are looked up, and images (logos, signature) decoded, once per
# process, not once per document.
_FONTS = FontConfiguration()


class _SharedImages(dict):
    """WeasyPrint's image cache, kept only for the pictures every document
    shares (logos, signature). Each certificate's QR code is a different SVG
    whose cache entry holds its laid-out drawing (about 2 MiB): caching those
    grew a worker by that much per certificate."""

    def __setitem__(self, key, value):
        if not (isinstance(key, str) and key.startswith("data:image/svg")):
            super().__setitem__(key, value)


_IMAGES = _SharedImages()


@dataclass(frozen=True)
class Picture:
    """An image embedded in the document, with its text alternative."""

    data_uri: str
    alt: str


@dataclass(frozen=True)
class Branding:
    """What the site prints on every certificate besides the certificate's own
    data: the funding statement and logo strip, the organiser's logo and the
    signature image."""

    funding_statement: str = ""
    organiser_logo: Picture | None = None
    funding_logos: list[Picture] = field(default_factory=list)
    signature: Picture | None = None


def _picture(image, alt: str, spec: str) -> Picture | None:
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        data = handle.read()
    mime = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return Picture(f"data:{mime};base64,{base64.b64encode(data).decode()}", alt)


def branding_load(site: Site | None = None) -> Branding:
    """Read the branding from the site settings (the default site if none given)."""
    site = site or Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    certificate_settings = CertificateSettings.for_site(site)
    logos = [
        _picture(block.value["image"], block.value["alt_text"], "max-400x120")
        for block in site_settings.funding_logos
        if block.value.get("image")
    ]  # fmt: skip
    organiser_logo = site_settings.organiser_logo
    return Branding(
        funding_statement=site_settings.funding_statement,
        organiser_logo=_picture(
            organiser_logo, organiser_logo.title if organiser_logo else "", "max-300x150"
        ),
        funding_logos=[logo for logo in logos if logo],
        signature=_picture(
            certificate_settings.signature_image,
            certificate_settings.signatory_name or "podpis",
            "max-400x150",
        ),
    )


def render_html(template: str, context: dict) -> str:
    """A document's HTML, always in Polish (the language the PDF declares)."""
    with translation.override(LANGUAGE):
        return render_to_string(template, {**context, "language": LANGUAGE})


def html_to_pdf(html: str) -> bytes:
    """Tagged PDF/UA-1; the language, title and author come from the HTML."""
    return HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT, font_config=_FONTS, cache=_IMAGES)
