"""Certificate journey in Chromium: a learner completes a course, downloads
the certificate from the course page, and opens the verification page from
the address printed in it; axe-core checks "my certificates" and the
verification page."""

import re

import pypdf
import pytest

from accounts import roles
from courses.models import Enrolment
from tests import factories
from tests.e2e.test_courses import login
from tests.e2e.test_site_shell import MODES, set_mode

pytestmark = pytest.mark.django_db(transaction=True)


def test_learner_completes_downloads_and_verifies_the_certificate(
    page, live_server, settings, site_shell, catalogue, county, run_axe
):
    settings.SITE_URL = live_server.url  # the address printed in the PDF and its QR code
    learner = factories.user_with_role(
        roles.LEARNER,
        email="zofia@example.org",
        institution=county["lo1"],
        first_name="Zofia",
        last_name="Żółkiewska-Ślązak",
    )
    course, lessons = factories.course_with_lessons(catalogue, 1, title="Podpis elektroniczny")
    Enrolment.objects.create(user=learner, course=course, method="self")

    login(page, learner.email)
    page.get_by_role("button", name=re.compile("Zapoznałem")).click()
    page.goto(lessons[0].url)
    page.get_by_role("button", name="Oznacz jako ukończoną").click()
    page.goto(course.url)
    assert "Szkolenie ukończone." in page.content()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Pobierz zaświadczenie")).click()
    download = download_info.value
    assert download.suggested_filename.startswith("zaswiadczenie-CA-")
    text = "\n".join(sheet.extract_text() for sheet in pypdf.PdfReader(download.path()).pages)
    assert "Zofia Żółkiewska-Ślązak" in text
    # The address wraps in its narrow column: read it without the line breaks.
    address = re.search(r"http://\S+/certificates/verify/[\w-]+/", text.replace("\n", "")).group(0)

    page.goto("/certificates/")
    assert page.get_by_role("cell", name="Podpis elektroniczny").is_visible()
    check_every_mode(page, run_axe)

    page.goto(address)
    assert page.get_by_text("Zaświadczenie jest ważne.").is_visible()
    assert page.get_by_text("Zofia Żółkiewska-Ślązak").is_visible()
    check_every_mode(page, run_axe)


def check_every_mode(page, run_axe):
    """No axe violations in any display mode, and no sideways scrolling at 320 px."""
    for mode in MODES:
        set_mode(page, mode)
        assert run_axe(page) == [], mode
    page.set_viewport_size({"width": 320, "height": 640})
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    set_mode(page, "default")
    assert overflow <= 0
