"""The organiser's electronic seal (PAdES): certificates, attendance lists and
the evidence pack's PDFs come sealed, and pyhanko's own validation (not our
`pdf_check`) finds the seal intact, trusted and the configured one; a flipped
byte or an edit saved after sealing breaks it; the sealed PDF is still tagged
PDF/UA-1; B-T adds a trusted timestamp; a certificate kept before the seal
existed is sealed once, at its next download."""

import asyncio
import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import pypdf
import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import translation
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from courses.certificates import checks as seal_checks
from courses.certificates import files as certificate_files
from courses.certificates import render as certificate_pdf
from courses.certificates import seal
from courses.models import Certificate
from tests.conftest import SEAL_ORGANISER, SEAL_PASSWORD
from tests.courses.catalogue.test_learner_pages import ready
from tests.courses.certificates.test_certificates import complete, pdf_text
from tests.courses.reports.test_evidence_pack import request_pack

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _seal_reloaded():
    """Tests that change the SEAL_* settings leave no other seal loaded (set
    up first, so torn down after the settings are restored)."""
    yield
    seal.cache_clear()


def seal_parts(path: str) -> tuple[asn1_x509.Certificate, asn1_x509.Certificate]:
    """The seal certificate and its demo root, read from the PKCS#12 itself."""
    _key, certificate, cas = pkcs12.load_key_and_certificates(
        Path(path).read_bytes(), SEAL_PASSWORD.encode()
    )

    def asn1(cert):
        return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))

    return asn1(certificate), asn1(cas[0])


def validated(data: bytes, seal_path: str, *extra_roots):
    """pyhanko's verdict on the document's only signature, trusting the demo root."""
    _certificate, root = seal_parts(seal_path)
    context = ValidationContext(trust_roots=[root, *extra_roots], allow_fetching=False)
    (signature,) = PdfFileReader(io.BytesIO(data)).embedded_signatures
    status = validate_pdf_signature(
        signature, signer_validation_context=context, ts_validation_context=context
    )
    return signature, status


def assert_sealed_by_us(data: bytes, seal_path: str, reason: str) -> None:
    certificate, _root = seal_parts(seal_path)
    signature, status = validated(data, seal_path)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level == ModificationLevel.NONE
    assert status.signing_cert.sha256 == certificate.sha256  # the configured seal itself
    assert "pieczęć elektroniczna" in status.signing_cert.subject.human_friendly
    assert signature.field_name == seal.FIELD
    assert signature.sig_object["/Reason"] == reason
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES


def assert_still_pdf_ua(data: bytes) -> None:
    """Tags, language and the PDF/UA identifier survive; the only annotation
    is the seal's hidden widget, with its accessible name."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "pl"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp
    annotations = [
        annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])
    ]
    assert len(annotations) == 1
    (widget,) = annotations
    assert widget["/Subtype"] == "/Widget" and widget["/FT"] == "/Sig"
    assert widget["/F"] & 2  # hidden: an untagged annotation PDF/UA allows
    assert widget["/TU"] == seal.FIELD_LABEL


def flipped(data: bytes) -> bytes:
    """One byte of the document's text changed, inside the signed range."""
    changed = bytearray(data)
    changed[len(data) // 4] ^= 0x01
    return bytes(changed)


def edited_after_sealing(data: bytes) -> bytes:
    """The sealed file opened and saved with its language changed (an
    incremental update after the seal's)."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def test_certificate_is_sealed_when_kept_and_downloads_carry_the_seal(
    client, course, learner_lo1, demo_seal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete(learner_lo1, *course)
    certificate.refresh_from_db()
    assert certificate.sealed_at is not None
    ready(client, learner_lo1)
    data = client.get(f"/certificates/{certificate.pk}/pdf/").content
    assert certificate.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert_sealed_by_us(data, demo_seal, f"Zaświadczenie nr {certificate.number}")
    assert_still_pdf_ua(data)
    assert certificate.number in pdf_text(data)

    check = seal.pdf_check(data)
    assert check.signed and check.intact and check.trusted
    assert check.certificate_number == certificate.number
    # The organiser's name shortened to fit X.509's 64 bytes, the seal's kind kept whole.
    assert check.signer.startswith(SEAL_ORGANISER[:20])
    assert check.signer.endswith(" – pieczęć elektroniczna (demo)")
    assert abs(check.signed_at - certificate.sealed_at) < dt.timedelta(minutes=1)


def test_a_flipped_byte_or_an_edit_after_sealing_breaks_the_seal(course, learner_lo1, demo_seal):
    certificate = complete(learner_lo1, *course)
    data = certificate_files.certificate_pdf_bytes(certificate=certificate)

    _signature, status = validated(flipped(data), demo_seal)
    assert not status.intact and not status.bottom_line
    assert not seal.pdf_check(flipped(data)).intact

    edited = edited_after_sealing(data)
    _signature, status = validated(edited, demo_seal)
    assert status.coverage != SignatureCoverageLevel.ENTIRE_FILE
    assert status.modification_level == ModificationLevel.OTHER
    assert not status.bottom_line
    check = seal.pdf_check(edited)
    assert check.signed and not check.intact


def test_sealing_and_checking_work_where_an_event_loop_runs(course, learner_lo1, demo_seal):
    """pyhanko runs its own event loop: under an ASGI server, or after a
    browser test in the same session, the thread already runs one."""
    certificate = complete(learner_lo1, *course)
    unsealed = certificate_pdf.render_certificate_pdf(
        certificate, certificate_pdf.branding_load(), sealed=False
    )

    async def in_a_running_loop():
        reason = seal.CERTIFICATE_REASON.format(number=certificate.number)
        sealed = seal.seal_pdf(unsealed, reason=reason)
        return sealed, seal.pdf_check(sealed)

    sealed, check = asyncio.run(in_a_running_loop())
    assert check.signed and check.intact and check.trusted
    assert check.certificate_number == certificate.number
    _signature, status = validated(sealed, demo_seal)
    assert status.bottom_line


def test_attendance_list_pdf_is_sealed(client, course_data, coordinator_county, period, demo_seal):
    client.force_login(coordinator_county)
    response = client.get("/admin/reports/attendance/pdf/", period)
    assert response.status_code == 200
    assert_sealed_by_us(response.content, demo_seal, "Obecność i postępy – pieczęć organizatora")
    assert_still_pdf_ua(response.content)
    check = seal.pdf_check(response.content)
    assert check.intact and check.trusted and check.certificate_number == ""


def test_every_pdf_of_the_evidence_pack_is_sealed(
    client, course_data, coordinator_county, period, demo_seal, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_county)
    pack = request_pack(
        client, {**period, "course": course_data["course"].pk}, django_capture_on_commit_callbacks
    )
    response = client.get(f"/admin/evidence-packs/{pack.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert any(name.startswith("raporty/") for name in pdfs)
    assert any(name.startswith("zaswiadczenia/") for name in pdfs)
    for name in pdfs:
        _signature, status = validated(archive.read(name), demo_seal)
        assert status.bottom_line, name
        assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE, name


def test_design_preview_does_not_carry_the_real_seal(client, site_shell, coordinator_lo1):
    client.force_login(coordinator_lo1)
    response = client.get("/admin/certificates/preview/classic/")
    assert response.status_code == 200
    assert PdfFileReader(io.BytesIO(response.content)).embedded_signatures == []
    assert not seal.pdf_check(response.content).signed


def tsa_certificate() -> tuple[asn1_x509.Certificate, asn1_keys.PrivateKeyInfo]:
    """A self-signed RSA time-stamping authority (pyhanko's dummy TSA is RSA-only)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testowy TSA")])
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    private = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return asn1_x509.Certificate.load(der), asn1_keys.PrivateKeyInfo.load(private)


def test_with_a_time_stamping_authority_the_seal_is_b_t(
    course, learner_lo1, demo_seal, settings, monkeypatch, tmp_path
):
    tsa_cert, tsa_key = tsa_certificate()
    roots = tmp_path / "roots.pem"
    roots.write_bytes(
        x509.load_der_x509_certificate(tsa_cert.dump()).public_bytes(serialization.Encoding.PEM)
    )
    settings.SEAL_TRUST_ROOTS = str(roots)
    seal.cache_clear()
    monkeypatch.setattr(
        seal, "_timestamper", lambda: DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key)
    )
    certificate = complete(learner_lo1, *course)
    data = certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    _signature, status = validated(data, demo_seal, tsa_cert)
    assert status.bottom_line
    stamp = status.timestamp_validity
    assert stamp.intact and stamp.valid and stamp.trusted
    assert abs(stamp.timestamp - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    assert_still_pdf_ua(data)
    check = seal.pdf_check(data)
    assert check.intact and check.trusted and check.signed_at == stamp.timestamp


def test_certificate_kept_before_the_seal_is_sealed_once_at_its_next_download(
    client,
    course,
    learner_lo1,
    demo_seal,
    settings,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    settings.SEAL_PKCS12_PATH = ""  # kept before the organiser had a seal
    seal.cache_clear()
    certificate = complete(learner_lo1, *course)
    unsealed = certificate_files.certificate_pdf_bytes(certificate=certificate)
    certificate.refresh_from_db()
    assert certificate.sealed_at is None
    assert not seal.pdf_check(unsealed).signed

    settings.SEAL_PKCS12_PATH = demo_seal
    seal.cache_clear()
    seals = []
    seal_pdf = seal.seal_pdf
    monkeypatch.setattr(seal, "seal_pdf", lambda pdf, **kw: seals.append(1) or seal_pdf(pdf, **kw))
    ready(client, learner_lo1)
    with django_capture_on_commit_callbacks(execute=True):  # the unsealed file's removal
        first = client.get(f"/certificates/{certificate.pk}/pdf/").content
    second = client.get(f"/certificates/{certificate.pk}/pdf/").content
    assert first == second
    assert len(seals) == 1
    assert first.startswith(unsealed)  # the kept document, with the seal added
    assert_sealed_by_us(first, demo_seal, f"Zaświadczenie nr {certificate.number}")
    certificate.refresh_from_db()
    assert certificate.sealed_at is not None
    assert certificate.pdf_sha256 == hashlib.sha256(first).hexdigest()
    _folders, names = storages["private"].listdir("certificates")
    assert [name for name in names if certificate.code in name] == [
        Path(certificate.pdf.name).name
    ]  # the unsealed file is gone
    assert Certificate.objects.get(pk=certificate.pk).pdf.read() == first


def test_pdf_check_never_raises_and_trusts_only_our_seal(tmp_path, settings):
    for garbage in (b"", b"garbage", b"%PDF-1.7\n%%EOF", b"%PDF-1.7\n" + bytes(range(256)) * 10):
        assert seal.pdf_check(garbage) == seal.NOT_SIGNED
    pdf = certificate_pdf.html_to_pdf('<html lang="pl"><title>Obcy</title><p>Dokument</p></html>')
    ours = seal.seal_pdf(pdf, reason="Dokument")
    foreign_path = str(tmp_path / "obcy.p12")
    seal.demo_seal_write(path=foreign_path, organiser="Obca Organizacja", password="x")
    settings.SEAL_PKCS12_PATH, settings.SEAL_PKCS12_PASSWORD = foreign_path, "x"
    seal.cache_clear()
    foreign = seal.seal_pdf(pdf, reason="Dokument")
    check = seal.pdf_check(ours)  # now checked against the other seal: not trusted
    assert check.signed and check.intact and not check.trusted
    assert seal.pdf_check(foreign).trusted


def test_seal_demo_create_writes_the_organisers_seal_once(site_shell, settings, tmp_path):
    site_shell["settings"].organiser_name = "Gmina Wiśniowa"
    site_shell["settings"].save()
    path = tmp_path / "private" / "demo-seal.p12"
    settings.SEAL_PKCS12_PATH, settings.SEAL_PKCS12_PASSWORD = str(path), "demo"
    call_command("seal_demo_create", stdout=io.StringIO())
    written = path.read_bytes()
    assert path.stat().st_mode & 0o777 == 0o600
    _key, certificate, _cas = pkcs12.load_key_and_certificates(written, b"demo")
    assert certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "Gmina Wiśniowa"
    )
    call_command("seal_demo_create", stdout=io.StringIO())
    assert path.read_bytes() == written  # never replaced: sealed documents keep verifying


def test_deploy_check_warns_before_the_seal_expires(settings, monkeypatch):
    settings.DEBUG = False
    assert seal_checks.seal_check() == []
    monkeypatch.setattr(seal, "EXPIRY_WARNING", dt.timedelta(days=365 * seal.DEMO_YEARS))
    (warning,) = seal_checks.seal_check()
    assert warning.id == seal_checks.SEAL_EXPIRING
    settings.DEBUG = True
    assert seal_checks.seal_check() == []


class DownTimeStamper(TimeStamper):
    """A time-stamping service that does not answer."""

    async def async_timestamp(self, message_digest, md_algorithm):
        raise TimestampRequestError("connection refused")

    async def async_dummy_response(self, md_algorithm):
        raise TimestampRequestError("connection refused")


def test_with_the_time_stamping_service_down_a_download_says_so_and_keeps_nothing(
    client, course, learner_lo1, monkeypatch
):
    certificate = complete(learner_lo1, *course)  # its PDF not kept yet (the task runs on commit)
    monkeypatch.setattr(seal, "_timestamper", DownTimeStamper)
    ready(client, learner_lo1)
    with translation.override("pl"):
        expected = str(seal.SEAL_UNAVAILABLE)
    response = client.get(f"/certificates/{certificate.pk}/pdf/", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert expected in response.content.decode()
    certificate.refresh_from_db()
    assert not certificate.pdf and certificate.sealed_at is None
