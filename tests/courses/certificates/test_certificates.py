"""Certificates: issued once on completion, numbered without gaps, a PDF that
reads right (Polish text, tagged, QR with the verification address), a
snapshot that later edits do not change, and the public verification page."""

import gc
import io
import random
import string
import threading
import time
import tracemalloc

import pypdf
import pypdfium2
import pytest
import weasyprint.images
import zxingcpp
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import connection, connections
from django.utils import timezone, translation
from django.utils.translation import pgettext
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from courses.certificates import files as certificate_files
from courses.certificates import render as certificate_pdf
from courses.certificates import services as certificates
from courses.certificates.models import validate_number_pattern
from courses.models import Certificate, CertificateSettings, Enrolment
from courses.personal_data import SECTIONS
from courses.progress import services as progress_services
from tests import factories
from tests.courses.catalogue.test_learner_pages import ready

pytestmark = pytest.mark.django_db


def complete(user, course, lessons):
    """Complete the course through the learner's own actions."""
    Enrolment.objects.get_or_create(user=user, course=course, defaults={"method": "self"})
    for lesson in lessons:
        progress_services.lesson_open(user=user, lesson=lesson)
        progress_services.lesson_mark_done(user=user, lesson=lesson)
    return Certificate.objects.get(user=user, course=course)


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_completion_issues_one_certificate_with_a_snapshot_and_an_email(
    course, learner_lo1, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete(learner_lo1, *course)
    year = timezone.now().year
    assert certificate.number == f"CA/{year}/00001"
    assert certificate.holder_name == "Łucja Ćwik"
    assert certificate.institution_name == "I Liceum Ogólnokształcące"
    assert certificate.course_title == "Cyberhigiena w urzędzie – źródła zagrożeń"
    assert certificate.outcomes_knowledge == [
        "Zna zasady pracy zdalnej",
        "Rozumie rolę szyfrowania",
    ]
    assert certificate.programme == [lesson.title for lesson in course[1]]
    assert len(certificate.code) >= 22  # at least 128 bits, URL-safe
    # A repeated completion call returns the same certificate.
    enrolment = Enrolment.objects.get(user=learner_lo1)
    assert certificates.certificate_issue(enrolment=enrolment) == certificate
    assert Certificate.objects.count() == 1
    issued = [m for m in mail.outbox if certificate.number in m.subject]
    assert len(issued) == 1
    assert "/certificates/" in issued[0].body
    # Later edits of the learner and the course change nothing issued.
    learner_lo1.last_name = "Nowak"
    learner_lo1.save()
    course[0].title = "Inny tytuł"
    course[0].save_revision().publish()
    certificate.refresh_from_db()
    assert certificate.holder_name == "Łucja Ćwik"
    assert certificate.course_title == "Cyberhigiena w urzędzie – źródła zagrożeń"


def wagtail_image(title: str, picture: Image.Image):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    )


@pytest.fixture
def branded(site_shell):
    """The site's pictures as an admin uploads them: PNGs, the logos with a
    transparent background, and a signatory."""
    mark = Image.new("RGBA", (360, 120), (0, 0, 0, 0))  # transparent
    ImageDraw.Draw(mark).rectangle((20, 20, 100, 100), fill=(200, 30, 30, 255))
    signature = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(signature).line([(40, 150), (200, 50), (360, 150), (560, 50)], "#1a237e", 5)
    shell_settings = site_shell["settings"]
    shell_settings.organiser_logo = wagtail_image("Herb powiatu", mark)
    shell_settings.funding_logos = [
        ("logo", {"image": wagtail_image("Logo UE", mark), "alt_text": "Unia Europejska"})
    ]
    shell_settings.save()
    settings = CertificateSettings.for_site(site_shell["site"])
    settings.signatory_name, settings.signatory_title = "Żaneta Źrebięcka", "Starosta"
    settings.issue_place = "Bolesławiec"
    settings.signature_image = wagtail_image("Podpis", signature)
    settings.save()
    return site_shell


def figure_alts(reader: pypdf.PdfReader) -> list[str]:
    """The alternative texts of the tagged figures, in document order."""
    alts = []

    def walk(element):
        element = element.get_object()
        if isinstance(element, pypdf.generic.ArrayObject):
            for kid in element:
                walk(kid)
        elif isinstance(element, pypdf.generic.DictionaryObject):
            if element.get("/S") == "/Figure":
                alts.append(str(element.get("/Alt", "")))
            if "/K" in element:
                walk(element["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return alts


def test_pdf_reads_right_is_tagged_polish_and_its_qr_holds_the_verification_address(
    course, learner_lo1, branded
):
    certificate = complete(learner_lo1, *course)
    data = certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    text = pdf_text(data)
    for expected in (
        "Łucja Ćwik",
        "Cyberhigiena w urzędzie – źródła zagrożeń",
        certificate.number,
        "Żaneta Źrebięcka",
        "Bolesławiec",
        "Rozumie rolę szyfrowania",
        "ZAŚWIADCZENIE",
        "Europejskiego Funduszu Rozwoju Regionalnego",
    ):
        assert expected in text, expected
    assert "Liczba godzin\n8" in text or "Liczba godzin 8" in text
    # The address wraps in its narrow column; read without line breaks it is whole.
    assert certificate.verification_url in text.replace("\n", "")
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "pl"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert figure_alts(reader) == [
        "Herb powiatu", "Kod QR z adresem weryfikacji", "Żaneta Źrebięcka", "Unia Europejska"
    ]  # fmt: skip
    assert reader.metadata.title.startswith("Zaświadczenie o ukończeniu szkolenia")
    assert reader.metadata.author == branded["settings"].organiser_name
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)  # A4
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=3).to_pil()
    decoded = [result.text for result in zxingcpp.read_barcodes(image)]
    assert decoded == [certificate.verification_url]
    # The logos' transparent background prints white, as on the admin's screen.
    logo = next(page.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]))
    assert logo.get_bitmap().to_pil().convert("RGB").getpixel((2, 2)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("gender", "wording"),
    [("K", "ukończyła szkolenie"), ("M", "ukończył szkolenie"), ("", "ukończył(a) szkolenie")],
)
def test_certificate_wording_follows_the_learners_gender_as_issued(
    course, learner_lo1, gender, wording
):
    learner_lo1.gender = gender
    learner_lo1.save()
    certificate = complete(learner_lo1, *course)
    text = pdf_text(certificate_files.certificate_pdf_bytes(certificate=certificate))
    other_wordings = {"ukończyła szkolenie", "ukończył szkolenie", "ukończył(a) szkolenie"}
    assert wording in text
    assert not any(other in text for other in other_wordings - {wording})
    # A later change of the profile does not alter the certificate as issued.
    learner_lo1.gender = "M" if gender == "K" else "K"
    learner_lo1.save()
    certificate = Certificate.objects.get(pk=certificate.pk)
    branding = certificate_pdf.branding_load()
    assert wording in pdf_text(certificate_pdf.render_certificate_pdf(certificate, branding))
    with translation.override("en"):
        assert pgettext("female", "completed the training") == "completed the training"


def test_qr_codes_of_any_verification_address_decode_at_low_resolution():
    """The QR code uses one fixed mask instead of the best-scoring of eight:
    every address must still read back, at two pixels per module."""
    rng = random.Random(18004)
    alphabet = string.ascii_letters + string.digits + "-_"
    for _ in range(100):
        code = "".join(rng.choice(alphabet) for _ in range(32))
        url = f"https://szkolenia.powiat-boleslawiecki.pl/certificates/verify/{code}/"
        image = Image.open(io.BytesIO(certificate_pdf.qr_picture(url, "QR").data))
        image = image.resize((image.width * 2, image.height * 2), Image.NEAREST)
        assert [result.text for result in zxingcpp.read_barcodes(image)] == [url]


@pytest.mark.parametrize("design", ["classic", "modern"])
def test_each_design_fits_one_a4_page(design, course, learner_lo1, branded):
    certificate = complete(learner_lo1, *course)
    certificate.template = design
    certificate.programme = [f"Temat {number}: {'bardzo ' * 6}długi" for number in range(8)]
    # As many outcomes as a demo course has: they used to run down one side onto page 2.
    outcome = "Potrafi rozpoznać podejrzaną wiadomość i bezpiecznie ją zgłosić koordynatorowi."
    certificate.outcomes_knowledge = [f"{number}. {outcome}" for number in range(4)]
    certificate.outcomes_skills = [f"{number}. {outcome}" for number in range(4)]
    certificate.outcomes_social = [f"{number}. {outcome}" for number in range(3)]
    data = certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = pdf_text(data)
    assert "Temat 7" in text
    assert "Kompetencje społeczne" in text and "2. Potrafi rozpoznać" in text
    assert len(figure_alts(reader)) == 4  # the logo strip and signature made it onto the page


def test_programme_and_outcomes_share_two_columns_in_order(course, learner_lo1):
    certificate = complete(learner_lo1, *course)
    certificate.programme = ["Lekcja"] * 3
    certificate.outcomes_knowledge = ["Zna " + "x" * 80] * 4
    certificate.outcomes_skills = ["Potrafi " + "y" * 80] * 4
    certificate.outcomes_social = []
    with translation.override("pl"):
        left, right = certificate_pdf.certificate_columns(certificate)
    assert [block.heading for block in left + right] == ["", "Wiedza", "Umiejętności"]
    assert [block.section for block in left + right] == ["Program", "Efekty uczenia się", ""]
    heights = [sum(block.lines() for block in column) for column in (left, right)]
    assert abs(heights[0] - heights[1]) <= max(heights) / 2
    assert certificate_pdf.column_density((left, right)) == ""
    certificate.outcomes_social = ["Dba o " + "z" * 80] * 8
    assert certificate_pdf.column_density(certificate_pdf.certificate_columns(certificate)) != ""


def test_numbers_follow_the_pattern_per_year_without_gaps(catalogue, county, site_shell):
    settings = CertificateSettings.for_site(site_shell["site"])
    settings.number_pattern = "ZS/{number:03d}/{year}"
    settings.save()
    numbers = []
    for index in range(3):
        learner = factories.user_with_role(
            "Uczestnicy", email=f"l{index}@example.org", institution=county["lo1"]
        )
        course, lessons = factories.course_with_lessons(catalogue, 1)
        numbers.append(complete(learner, course, lessons).number)
    year = timezone.now().year
    assert numbers == [f"ZS/001/{year}", f"ZS/002/{year}", f"ZS/003/{year}"]


def test_number_pattern_is_validated():
    validate_number_pattern("CA/{year}/{number:05d}")
    for wrong in ("CA/{year}", "CA/{number}/{name}", "CA/{number:q}"):
        with pytest.raises(ValidationError):
            validate_number_pattern(wrong)


@pytest.mark.django_db(transaction=True)
def test_concurrent_completions_issue_once_and_number_without_gaps(catalogue, county):
    course, lessons = factories.course_with_lessons(catalogue, 1)
    learners = [
        factories.user_with_role("Uczestnicy", email=f"r{n}@example.org", institution=county["lo1"])
        for n in range(6)
    ]
    for learner in learners:
        Enrolment.objects.create(user=learner, course=course, method="self")
        progress_services.lesson_open(user=learner, lesson=lessons[0])
    errors = []

    def work(learner):
        try:
            progress_services.lesson_mark_done(user=learner, lesson=lessons[0])
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    # Every learner completes twice at once: 12 threads, 6 completions.
    threads = [threading.Thread(target=work, args=(learner,)) for learner in learners * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    issued = list(Certificate.objects.order_by("sequence_number"))
    assert len(issued) == 6
    assert {certificate.user_id for certificate in issued} == {learner.pk for learner in learners}
    assert [certificate.sequence_number for certificate in issued] == [1, 2, 3, 4, 5, 6]
    if connection.vendor == "postgresql":
        assert connection.features.has_select_for_update


def test_revoke_and_reissue_show_on_the_verification_page(client, course, learner_lo1, county):
    certificate = complete(learner_lo1, *course)
    url = f"/certificates/verify/{certificate.code}/"
    page = client.get(url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Zaświadczenie jest ważne." in body
    assert "Łucja Ćwik" in body and certificate.number in body
    assert "I Liceum" not in body  # only what the verification needs
    coordinator = factories.user_with_role("Koordynatorzy", email="k@example.org")
    with pytest.raises(certificates.CertificateError) as refused:
        certificates.certificate_revoke(certificate=certificate, by=coordinator, reason=" ")
    assert refused.value.message == certificates.REASON_REQUIRED
    certificates.certificate_revoke(certificate=certificate, by=coordinator, reason="Pomyłka")
    body = client.get(url).content.decode()
    assert "unieważnione" in body
    assert timezone.localdate().strftime("%Y-%m-%d") in body
    new = certificates.certificate_reissue(certificate=certificate, by=coordinator)
    assert new.number != certificate.number and new.replaces_id == certificate.pk
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REPLACED
    body = client.get(url).content.decode()
    assert "zastąpione" in body
    assert f"zaświadczeniem nr {new.number}" in body
    assert f'href="/certificates/verify/{new.code}/"' in body
    assert "jest ważne" in client.get(f"/certificates/verify/{new.code}/").content.decode()


def test_wrong_codes_get_a_plain_not_found_and_checks_are_rate_limited(client, site_shell):
    for code in ("x", "A" * 32, "abc.def", "ż" * 32, "<script>"):
        response = client.get(f"/certificates/verify/{code}/")
        assert response.status_code == 404
        assert "Nie znaleziono zaświadczenia" in response.content.decode()
    statuses = [client.get(f"/certificates/verify/{'B' * 32}/").status_code for _ in range(30)]
    assert statuses[-1] == 429
    assert "Zbyt wiele" in client.get(f"/certificates/verify/{'B' * 32}/").content.decode()


def test_verification_limit_is_per_address_and_resets_after_a_minute(
    client, site_shell, monkeypatch
):
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started)
    url = f"/certificates/verify/{'B' * 32}/"
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses == [404] * 30 + [429]
    assert client.get(url, REMOTE_ADDR="10.1.2.3").status_code == 404
    monkeypatch.setattr(time, "time", lambda: started + 60)
    assert client.get(url).status_code == 404


def test_learner_downloads_only_their_own_certificate(client, course, learner_lo1, learner_lo2):
    certificate = complete(learner_lo1, *course)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 302  # log in first
    ready(client, learner_lo2)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 404
    ready(client, learner_lo1)
    response = client.get(f"/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Łucja Ćwik" in pdf_text(b"".join(response))
    listing = client.get("/certificates/").content.decode()
    assert certificate.number in listing
    course_page = client.get(course[0].url).content.decode()
    assert f"/certificates/{certificate.pk}/pdf/" in course_page
    assert f"/certificates/{certificate.pk}/pdf/" in client.get("/my-courses/").content.decode()
    exported = SECTIONS["certificates"](learner_lo1)
    assert exported[0]["number"] == certificate.number
    assert exported[0]["verification_url"] == certificate.verification_url


def test_rendering_many_certificates_keeps_nothing_of_each(catalogue, county, site_shell):
    """A process that renders certificates (a batch worker, a web worker
    serving downloads) keeps nothing of each one. A process-wide image cache
    once kept every QR code with its document's layout: 2 MiB a certificate."""
    branding = certificate_pdf.branding_load()
    certificates = []
    for index in range(6):
        learner = factories.user_with_role(
            "Uczestnicy", email=f"c{index}@example.org", institution=county["lo1"]
        )
        course, lessons = factories.course_with_lessons(catalogue, 1)
        certificates.append(complete(learner, course, lessons))
    for certificate in certificates[:2]:  # fonts, stylesheet and templates load once
        certificate_pdf.render_certificate_pdf(certificate, branding)
    gc.collect()
    tracemalloc.start()
    for certificate in certificates[2:]:
        certificate_pdf.render_certificate_pdf(certificate, branding)
    gc.collect()
    kept, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kept < 512 * 1024
    images = {weasyprint.images.RasterImage, weasyprint.images.SVGImage}
    assert not [thing for thing in gc.get_objects() if type(thing) in images]
