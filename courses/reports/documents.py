"""Reports as PDF documents: any table of typed rows on A4 landscape, with
the filters in its header, totals, optional signature lines kept with the
last rows, and on every page the logo strip, the funding statement and
"page X of Y" (courses/pdf/paged.html; tagged PDF/UA-1 in Polish), under
the organiser's electronic seal (courses.certificates.seal), so that an
attendance list or an evidence pack's report can be checked as ours."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from courses import exports
from courses.certificates import seal
from courses.certificates.pdf import Branding, html_to_pdf, render_html

TEMPLATE = "courses/reports/table.pdf.html"


def _sealed(pdf: bytes, title: str) -> bytes:
    return seal.seal_pdf(pdf, reason=seal.REPORT_REASON.format(title=title))


def display(value) -> str:
    """A typed cell as the text a printed list (or an admin table) shows:
    the exports' one cell formatter, with decimal points as the printed
    lists have always had, and without the spreadsheet formula escape."""
    return exports.cell_text(value, decimal_comma=False, escape=False)


def render_table_pdf(
    *,
    title: str,
    filters: list[tuple[str, str]],
    headers: Iterable,
    rows: Iterable[Iterable],
    totals: Iterable | None,
    signatures: bool,
    branding: Branding,
    organiser: str,
) -> bytes:
    html = render_html(
        TEMPLATE,
        {
            "title": title,
            "filters": filters,
            "headers": [str(header) for header in headers],
            "rows": [[display(cell) for cell in row] for row in rows],
            "totals": [display(cell) for cell in totals] if totals else None,
            "signatures": signatures,
            "branding": branding,
            "organiser": organiser,
        },
    )
    return _sealed(html_to_pdf(html, pictures=branding.funding_logos), title)


SECTIONS_TEMPLATE = "courses/reports/sections.pdf.html"


@dataclass
class Table:
    """One table of a document section, with an optional caption and totals."""

    headers: Iterable
    rows: Iterable[Iterable]
    caption: str = ""
    totals: Iterable | None = None


@dataclass
class Section:
    """A headed part of a document (I. Zakres, II. Wzorzec...) and its tables."""

    heading: str
    tables: list[Table] = field(default_factory=list)


def render_sections_pdf(
    *,
    title: str,
    filters: list[tuple[str, str]],
    sections: Iterable[Section],
    branding: Branding,
    organiser: str,
) -> bytes:
    """A document of several headed tables, on the same page frame and in the
    same table style as `render_table_pdf`."""
    html = render_html(
        SECTIONS_TEMPLATE,
        {
            "title": title,
            "filters": filters,
            "sections": [
                {
                    "heading": str(section.heading),
                    "tables": [
                        {
                            "caption": str(table.caption),
                            "headers": [str(header) for header in table.headers],
                            "rows": [[display(cell) for cell in row] for row in table.rows],
                            "totals": [display(cell) for cell in table.totals]
                            if table.totals
                            else None,
                        }
                        for table in section.tables
                    ],
                }
                for section in sections
            ],
            "branding": branding,
            "organiser": organiser,
        },
    )
    return _sealed(html_to_pdf(html, pictures=branding.funding_logos), title)
