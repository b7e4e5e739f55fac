"""One cell formatter for every table file: the same typed values written
as CSV (for Excel and plain), XLSX and a report PDF, read back, show the
same decisions (empty, yes/no, local times, h:mm, decimals, lazy strings,
formula-like text)."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pypdf
import pytest
from django.utils.translation import gettext_lazy, override

from courses import exports
from courses.certificates.pdf import branding_load
from courses.reports import documents

pytestmark = pytest.mark.django_db

HEADERS = ["Brak", "Tak", "Nie", "Data", "Chwila", "Czas", "Ułamek", "Liczba", "Leniwy", "Formuła"]
MOMENT = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)  # 00:30 next day in Warsaw


def row():
    return [
        None,
        True,
        False,
        datetime.date(2026, 2, 28),
        MOMENT,
        datetime.timedelta(hours=26, minutes=5),
        Decimal("4.5"),
        7,
        gettext_lazy("Institution"),
        "=1+1",
    ]


def csv_rows(*, excel):
    with override("pl"):
        content = b"".join(exports.csv_stream(HEADERS, [row()], excel=excel)).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";" if excel else ","))


def test_csv_for_excel_and_plain():
    expected = ["", "tak", "nie", "2026-02-28", "2026-03-02 00:30", "26:05"]
    excel = csv_rows(excel=True)[1]
    assert excel == [*expected, "4,5", "7", "Jednostka", "'=1+1"]
    assert csv_rows(excel=False)[1] == [*expected, "4.5", "7", "Jednostka", "'=1+1"]


def test_xlsx_keeps_numbers_and_dates_native():
    output = io.BytesIO()
    with override("pl"):
        assert exports.xlsx_write(output, headers=HEADERS, rows=[row()]) == 1
    cells = list(openpyxl.load_workbook(output).active.iter_rows())[1]
    values = [cell.value for cell in cells]
    assert values[0] is None
    assert values[1:3] == ["tak", "nie"]
    assert cells[3].is_date and values[3] == datetime.datetime(2026, 2, 28)
    assert cells[4].is_date and values[4] == datetime.datetime(2026, 3, 2, 0, 30)
    assert cells[5].number_format == "[h]:mm"
    assert values[6:8] == [4.5, 7]
    assert cells[9].data_type == "s" and values[8:] == ["Jednostka", "'=1+1"]


def test_pdf_shows_text_as_it_is(site_shell):
    with override("pl"):
        pdf = documents.render_table_pdf(
            title="Próba",
            filters=[],
            headers=HEADERS,
            rows=[row()],
            totals=None,
            signatures=False,
            branding=branding_load(),
            organiser="Powiat",
        )
    text = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    for shown in ("tak", "nie", "2026-02-28", "2026-03-02 00:30", "26:05", "4.5", "Jednostka"):
        assert shown in text
    assert "=1+1" in text and "'=1+1" not in text
