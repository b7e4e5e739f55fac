"""Multi-page report PDFs as the funding programmes' visual rules want them:
the logo strip at the top and the funding statement at the bottom of every
page, no page holding only those, and the signature lines on the page of
the table's last row (read back with pypdf)."""

import io
import os

import pypdf
import pytest
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from accounts import roles
from courses.models import Enrolment
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/reports/attendance/pdf/"
SIGNATURE = "podpis trenera"


@pytest.fixture
def logo_strip(site_shell):
    """One funding logo in the site settings, as an admin uploads it."""
    picture = Image.new("RGB", (360, 120), "white")
    ImageDraw.Draw(picture).rectangle((20, 20, 100, 100), fill=(0, 51, 153))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = get_image_model().objects.create(
        title="Logo UE", file=ImageFile(buffer, name="logo-ue.png")
    )
    settings = site_shell["settings"]
    settings.funding_logos = [("logo", {"image": image, "alt_text": "Unia Europejska"})]
    settings.save()
    return settings


def attendance_list(client, catalogue, county, coordinator, period, count: int):
    """The attendance list PDF of one course with `count` learners, read
    back, and the learners' names in list order."""
    course, _lessons = factories.course_with_lessons(catalogue, 1, title="Podpis elektroniczny")
    names = []
    for number in range(count):
        learner = factories.user_with_role(
            roles.LEARNER,
            email=f"uczestnik{number}@example.org",
            institution=county["lo1"],
            first_name=f"Anna{number:02d}",
            last_name="Nowak",
        )
        Enrolment.objects.create(user=learner, course=course, method="self")
        names.append(f"Anna{number:02d} Nowak")
    client.force_login(coordinator)
    response = client.get(URL, period)
    assert response.status_code == 200
    if path := os.environ.get("REPORT_PDF_DUMP"):  # to look at the layout
        with open(f"{path}-{count}.pdf", "wb") as dump:
            dump.write(response.content)
    return pypdf.PdfReader(io.BytesIO(response.content)), names


def page_texts(reader) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# 14 rows fit on one page with their totals and signatures; 60 take 3 or more.
@pytest.mark.parametrize(("count", "pages"), [(14, range(1, 2)), (60, range(3, 6))])
def test_every_page_carries_the_logos_and_funding_and_the_signatures_follow_the_last_row(
    client, catalogue, county, coordinator_county, period, logo_strip, count, pages
):
    reader, names = attendance_list(client, catalogue, county, coordinator_county, period, count)
    texts = page_texts(reader)
    assert len(texts) in pages
    statement = " ".join(logo_strip.funding_statement.split())
    for number, (page, text) in enumerate(zip(reader.pages, texts, strict=True), 1):
        assert statement in text, f"page {number} lacks the funding statement"
        assert len(page.images) >= 1, f"page {number} lacks the logo strip"
        assert f"strona {number} z {len(texts)}" in text
        assert any(name in text for name in names) or SIGNATURE in text, (
            f"page {number} holds only the header and footer"
        )
    last_row_page = next(index for index, text in enumerate(texts) if names[-1] in text)
    assert SIGNATURE in texts[last_row_page]
    assert "podpis koordynatora" in texts[last_row_page]
    assert all(name in " ".join(texts) for name in names)
