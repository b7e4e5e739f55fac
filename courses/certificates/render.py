"""The certificate as a PDF: HTML/CSS templates rendered by WeasyPrint into a
tagged PDF/UA-1 document in Polish, with a QR code (segno) of the public
verification address. Rendering is a pure function of the certificate and
the site's branding (`courses.certificates.pdf.branding_load`, fetched once, so a batch
of a thousand certificates reads the pictures once).

WeasyPrint's time grows with the boxes it lays out and draws (about 0.4 ms
a paragraph, 0.5 ms more for each list marker or inline-block), so the
designs keep their markup flat; see bench/results/certificates.md."""

import dataclasses
import io
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import segno
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image, ImageOps

from courses.certificates import designs as certificate_templates
from courses.certificates import seal
from courses.certificates import workers as pdf_workers
from courses.certificates.pdf import (
    LANGUAGE,
    Branding,
    Picture,
    branding_load,
    html_to_pdf,
    render_html,
    stylesheet_load,
)
from courses.models import Certificate

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
# Light modules around the QR code, in modules (the page around it is white too).
QR_QUIET_ZONE = 2
# The QR code's data mask (ISO/IEC 18004 7.8.2), see qr_picture.
QR_MASK = 6
# Grey levels of the QR code's modules: dark (1) black, light (0) white.
_BLACK_ON_WHITE = bytes([255, 0]) + bytes(254)


def qr_picture(text: str, alt: str) -> Picture:
    """The QR code of a text as a PNG of one pixel per module (the template
    scales it up without smoothing): cheaper for WeasyPrint than an SVG, and
    Pillow writes it faster than segno. A plain QR code (a Micro QR cannot
    hold an address, and segno would try one first) with a fixed mask: segno
    takes 2.7 ms, 5 % of a certificate, to score all eight masks in Python,
    and on 400 addresses of this shape the fixed one decoded as often as the
    best-scoring one, down to 1.5 pixels per module
    (bench/results/certificates.md)."""
    modules = segno.make_qr(text, error="m", mask=QR_MASK).matrix  # rows of 1 (dark), 0 (light)
    size = len(modules)
    image = Image.frombytes("L", (size, size), b"".join(modules).translate(_BLACK_ON_WHITE))
    buffer = io.BytesIO()
    ImageOps.expand(image, border=QR_QUIET_ZONE, fill=255).save(buffer, format="PNG")
    return Picture(buffer.getvalue(), "image/png", alt)


# Characters in a line of one column of the certificate, about (9 pt DejaVu Sans).
COLUMN_CHARACTERS = 46


@dataclasses.dataclass(frozen=True)
class Block:
    """A titled list in one of the certificate's two columns: the programme,
    or one kind of learning outcome (the first one opening their section)."""

    section: str
    heading: str
    items: list[str]

    def lines(self) -> int:
        """Lines it takes, about: titles and each item's wrapped text."""
        titles = 1.5 * bool(self.section) + 1.2 * bool(self.heading)
        wrapped = sum(-(-(len(item) + 2) // COLUMN_CHARACTERS) for item in self.items)
        return titles + wrapped


def certificate_columns(certificate: Certificate) -> tuple[list[Block], list[Block]]:
    """The programme and the learning outcomes, in their order, split into two
    columns of about the same height, so that a course with many outcomes
    still fits its certificate on one page (the outcomes no longer run down
    one side only)."""
    outcomes = [
        (gettext("Knowledge"), certificate.outcomes_knowledge),
        (gettext("Skills"), certificate.outcomes_skills),
        (gettext("Social competences"), certificate.outcomes_social),
    ]
    outcomes = [(heading, items) for heading, items in outcomes if items]
    blocks = []
    if certificate.programme:
        blocks.append(Block(gettext("Programme"), "", list(certificate.programme)))
    for index, (heading, items) in enumerate(outcomes):
        blocks.append(Block(gettext("Learning outcomes") if index == 0 else "", heading, items))
    heights = [block.lines() for block in blocks]
    split = min(
        range(len(blocks) + 1),
        key=lambda at: (max(sum(heights[:at]), sum(heights[at:])), -at),
    )
    return blocks[:split], blocks[split:]


# The most lines a column takes (Block.lines) at each type size that still
# leaves room on the page for the signature and the funding strip; measured
# with both designs (the test of one page pins them).
DENSITIES = ((22, ""), (30, "dense"))


def column_density(columns: tuple[list[Block], list[Block]]) -> str:
    """The design's type size for the columns: normal, or smaller ("dense",
    "denser") for a long programme or many outcomes, so the certificate stays
    one page."""
    lines = max(sum(block.lines() for block in column) for column in columns)
    return next((name for limit, name in DENSITIES if lines <= limit), "denser")


def _render(certificate: Certificate, branding: Branding) -> tuple[str, Picture]:
    """The HTML and the QR code picture it names."""
    url = certificate.verification_url
    with translation.override(LANGUAGE):
        qr = qr_picture(url, gettext("QR code with the verification address"))
        columns = certificate_columns(certificate)
    context = {"certificate": certificate, "branding": branding, "verification_url": url}
    context.update(qr=qr, columns=columns, density=column_density(columns))
    html = render_html(certificate_templates.TEMPLATE, context)
    return html, qr


def render_certificate_html(certificate: Certificate, branding: Branding) -> str:
    """The certificate's HTML, always in Polish (its design is the stylesheet
    `render_certificate_pdf` adds)."""
    return _render(certificate, branding)[0]


def render_certificate_pdf(
    certificate: Certificate, branding: Branding, *, sealed: bool = True
) -> bytes:
    """The certificate as a tagged A4 PDF (PDF/UA-1) declaring Polish, with the
    title and author in its metadata, under the organiser's seal (its number
    in the seal's signed reason). `sealed=False` for the design previews,
    whose made-up data must never carry the real seal."""
    html, qr = _render(certificate, branding)
    pdf = html_to_pdf(
        html,
        pictures=[*branding.pictures, qr],
        stylesheet=stylesheet_load(certificate_templates.stylesheet_name(certificate.template)),
    )
    if not sealed:
        return pdf
    return seal.seal_pdf(pdf, reason=seal.CERTIFICATE_REASON.format(number=certificate.number))


def _render_in_worker(certificate: Certificate) -> bytes:
    """One PDF in a batch's worker process, with the branding its `start`
    rebuilt (sealed there too: the seal loads once per worker process); the
    worker module imports nothing of this one, so the two do not import
    each other."""
    return render_certificate_pdf(certificate, pdf_workers.branding())


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
        yield from pool.map(_render_in_worker, certificates, chunksize=8)
