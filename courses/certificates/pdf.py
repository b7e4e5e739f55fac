"""PDF output shared by certificates and reports: WeasyPrint turning our
HTML/CSS templates into tagged PDF/UA-1 documents in Polish, and the site's
branding (funding statement, logo strip, organiser's logo, signature) that
every such document carries, loaded once per document or batch.

The pictures are JPEG renditions flattened on white: WeasyPrint embeds JPEG
data as it is, while it decodes and re-encodes every PNG in every document.
A document names its pictures by short `picture:` addresses that
`html_to_pdf` serves from memory, so the HTML does not carry (and WeasyPrint
does not parse) their bytes; each document gets a fresh image cache, so
nothing of one certificate stays in the process after it is written."""

import functools
import hashlib
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from courses.models import CertificateSettings
from lms.models import SiteSettings

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "pl"
PICTURE_SCHEME = "picture:"
# What a branding picture's rendition adds to its size: JPEG on white (the
# documents print them on white paper), good enough for small text in logos.
JPEG_ON_WHITE = "format-jpeg|bgcolor-ffffff|jpegquality-90"
# Fonts are looked up once per process, not once per document.
_FONTS = FontConfiguration()


@dataclass(frozen=True)
class Picture:
    """An image embedded in the document, with its text alternative. A
    template writes `<img src="{{ picture.src }}" alt="{{ picture.alt }}">`
    and passes the picture to `html_to_pdf`."""

    data: bytes
    mime: str
    alt: str
    src: str = field(init=False)

    def __post_init__(self):
        digest = hashlib.blake2b(self.data, digest_size=12).hexdigest()
        object.__setattr__(self, "src", f"{PICTURE_SCHEME}{digest}")


@dataclass(frozen=True)
class Branding:
    """What the site prints on every certificate besides the certificate's own
    data: the funding statement and logo strip, the organiser's logo and the
    signature image."""

    funding_statement: str = ""
    organiser_logo: Picture | None = None
    funding_logos: list[Picture] = field(default_factory=list)
    signature: Picture | None = None

    @property
    def pictures(self) -> list[Picture]:
        """Every picture a document printing this branding names."""
        return [
            picture
            for picture in (self.organiser_logo, *self.funding_logos, self.signature)
            if picture
        ]


def _picture(image, alt: str, size: str) -> Picture | None:
    if image is None:
        return None
    rendition = image.get_rendition(f"{size}|{JPEG_ON_WHITE}")
    with rendition.file.open("rb") as handle:
        data = handle.read()
    return Picture(data, mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg", alt)


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


@functools.cache
def stylesheet_load(template: str) -> CSS:
    """A CSS template parsed once per process: parsing and compiling the
    selectors of an inline <style> cost about 4 ms per document."""
    return CSS(string=render_html(template, {}), font_config=_FONTS)


class _PictureFetcher(URLFetcher):
    """Serves a document's `picture:` addresses from memory and fetches
    nothing else but inline data: no files, no network."""

    def __init__(self, pictures: Iterable[Picture]):
        super().__init__(allowed_protocols={"data"})
        self._pictures = {picture.src: picture for picture in pictures}

    def fetch(self, url, headers=None):
        if picture := self._pictures.get(url):
            return URLFetcherResponse(url, picture.data, {"Content-Type": picture.mime})
        return super().fetch(url, headers)


def html_to_pdf(
    html: str, *, pictures: Iterable[Picture] = (), stylesheet: CSS | None = None
) -> bytes:
    """Tagged PDF/UA-1; the language, title and author come from the HTML,
    the pictures its `picture:` addresses name, the style from its own
    <style> and `stylesheet`."""
    return HTML(string=html, url_fetcher=_PictureFetcher(pictures)).write_pdf(
        pdf_variant=PDF_VARIANT,
        font_config=_FONTS,
        stylesheets=[stylesheet] if stylesheet else None,
    )
