"""Open Badges 3.0 credentials: every certificate carries one, signed with the
issuer's Ed25519 key as a VC-JWT. An independent library (openbadgeslib, not
our code) verifies it along the published path: did:web document, signature,
structure, validity period and the Bitstring Status List, which the
register's revoke and reissue update; a changed byte fails. The holder alone
downloads it (JWT, JSON, baked PNG); the public check page reads any of them
and a sealed PDF, and answers in Polish, never with a 500."""

import base64
import gzip
import hashlib
import io
import json
import os
import zipfile
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.files.uploadedfile import SimpleUploadedFile
from openbadgeslib import baking as ob_baking
from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier

from courses.certificates import credentials, expiry, keys, status_list, views
from courses.certificates import files as certificate_files
from courses.certificates import services as certificates
from courses.models import Certificate, OutcomeAlignment
from tests import factories
from tests.courses.catalogue.test_learner_pages import ready
from tests.courses.certificates.test_certificates import complete
from tests.courses.competences.factories import competence
from tests.courses.reports.test_evidence_pack import request_pack

pytestmark = pytest.mark.django_db


def fetcher(client):
    """openbadgeslib's downloader, answered by our site (the URLs it builds
    from did:web and the status list entry are https://host/path)."""

    def fetch(url: str) -> bytes:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        return response.content

    return fetch


def independently_verified(client, token: str):
    fetch = fetcher(client)
    verifier = OB3Verifier.for_issuer_did(keys.issuer_did(), download=fetch)
    return verifier.verify(token, check_status=True, verify_status_list=True, download=fetch)


def tampered(token: str) -> str:
    """The same JWT with its payload's course title changed."""
    header, payload, signature = token.split(".")
    body = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    body["credentialSubject"]["achievement"]["name"] = "Inne szkolenie"
    forged = base64.urlsafe_b64encode(json.dumps(body).encode()).rstrip(b"=").decode()
    return f"{header}.{forged}.{signature}"


@pytest.fixture
def coordinator(county):
    return factories.user_with_role("Koordynatorzy", email="k@example.org")


def test_the_credential_verifies_along_an_independent_path_and_revocation_reaches_it(
    client, course, learner_lo1, coordinator
):
    course_page, lessons = course
    OutcomeAlignment.objects.create(course=course_page, outcome="W1", competence=competence("4.1"))
    certificate = complete(learner_lo1, course_page, lessons)
    assert certificate.credential  # signed at issue

    credential = independently_verified(client, certificate.credential)
    assert credential.issuer.id == keys.issuer_did()
    assert credential.achievement.name == certificate.course_title
    body = credential.raw
    assert body["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert body["credentialSubject"]["creditsEarned"] == 8
    assert body["credentialSubject"]["achievement"]["creditsAvailable"] == 8
    assert "validUntil" not in body  # the course sets no validity period
    (alignment,) = body["credentialSubject"]["achievement"]["alignment"]
    assert alignment["targetFramework"] == "DigComp 2.2" and alignment["targetCode"] == "4.1"
    # The recipient: a salted hash of the email, never the email.
    (identity,) = body["credentialSubject"]["identifier"]
    expected = hashlib.sha256((learner_lo1.email + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    assert learner_lo1.email not in json.dumps(body)

    with pytest.raises(OB3VerificationError, match="signature"):
        independently_verified(client, tampered(certificate.credential))

    certificates.certificate_revoke(certificate=certificate, by=coordinator, reason="Pomyłka")
    with pytest.raises(OB3VerificationError, match="revocation"):
        independently_verified(client, certificate.credential)


def test_a_reissue_revokes_the_old_credential_and_the_new_one_verifies(
    client, course, learner_lo1, coordinator
):
    old = complete(learner_lo1, *course)
    new = certificates.certificate_reissue(certificate=old, by=coordinator)
    with pytest.raises(OB3VerificationError, match="revocation"):
        independently_verified(client, old.credential)
    assert independently_verified(client, new.credential).raw["id"] == new.verification_url


def test_a_credential_of_a_course_with_a_validity_period_expires_with_it(
    client, catalogue, learner_lo1, monkeypatch
):
    course, lessons = factories.course_with_lessons(catalogue, 1, validity_months=12)
    certificate = complete(learner_lo1, course, lessons)
    body = independently_verified(client, certificate.credential).raw
    assert body["validUntil"].startswith(f"{certificate.expires_on:%Y-%m-%d}")

    moved = certificate.expires_on + timedelta(days=1)
    monkeypatch.setattr(expiry, "today", lambda: moved)
    upload = SimpleUploadedFile("odznaka.jwt", certificate.credential.encode())
    page = client.post("/certificates/verify/", {"file": upload}).content.decode()
    assert "Podpis poświadczenia jest prawidłowy" in page
    assert f"Zaświadczenie wygasło: było ważne do {certificate.expires_on:%Y-%m-%d}." in page


def test_the_status_list_sets_the_bits_of_withdrawn_certificates_only(
    client, course, learner_lo1, learner_lo2, coordinator
):
    kept = complete(learner_lo1, *course)
    revoked = complete(learner_lo2, *course)
    certificates.certificate_revoke(certificate=revoked, by=coordinator, reason="Pomyłka")
    number, _index = status_list.position(kept.pk)
    response = client.get(f"/certificates/status/{number}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
    encoded = json.loads(base64.urlsafe_b64decode(response.content.split(b".")[1] + b"=="))[
        "credentialSubject"
    ]["encodedList"]
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) * 8 == status_list.SIZE

    def bit(pk):
        index = status_list.position(pk)[1]
        return bool(bits[index // 8] & (0x80 >> (index % 8)))

    assert bit(revoked.pk) and not bit(kept.pk)
    assert client.get(f"/certificates/status/{number + 1}/").status_code == 404
    assert client.get("/certificates/status/0/").status_code == 404
    assert client.get("/certificates/status/99999999999/").status_code == 404


def test_the_issuers_keys_are_published_with_the_previous_ones(
    client, site_shell, settings, tmp_path
):
    did = client.get("/.well-known/did.json").json()
    assert did["id"] == keys.issuer_did() == "did:web:127.0.0.1%3A8000"
    (method,) = did["verificationMethod"]
    assert method["publicKeyJwk"]["crv"] == "Ed25519"
    assert did["assertionMethod"] == [method["id"]]
    (jwk,) = client.get("/.well-known/jwks.json").json()["keys"]
    assert jwk["x"] == method["publicKeyJwk"]["x"]

    # A rotation: the new key signs, the old one stays published.
    old_public = keys.signing_key().public_key()
    previous = tmp_path / "previous.pem"
    previous.write_bytes(
        old_public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    rotated = tmp_path / "new.pem"
    keys.demo_key_write(path=str(rotated))
    settings.CREDENTIAL_KEY_PATH = str(rotated)
    settings.CREDENTIAL_PREVIOUS_KEYS = str(previous)
    keys.cache_clear()
    try:
        published = client.get("/.well-known/did.json").json()["verificationMethod"]
        assert len(published) == 2
        assert f"{keys.issuer_did()}#{keys.thumbprint(old_public)}" in [m["id"] for m in published]
    finally:
        settings.CREDENTIAL_KEY_PATH = os.environ["CREDENTIAL_KEY_PATH"]
        settings.CREDENTIAL_PREVIOUS_KEYS = ""
        keys.cache_clear()


def test_only_the_holder_downloads_the_credential_as_jwt_json_and_baked_png(
    client, course, learner_lo1, learner_lo2, coordinator
):
    certificate = complete(learner_lo1, *course)
    base = f"/certificates/{certificate.pk}/credential"
    assert client.get(f"{base}.jwt").status_code == 302  # log in first
    ready(client, learner_lo2)
    assert client.get(f"{base}.jwt").status_code == 404
    ready(client, learner_lo1)
    listing = client.get("/certificates/").content.decode()
    for kind in ("png", "jwt", "json"):
        assert f'href="{base}.{kind}"' in listing

    jwt_file = client.get(f"{base}.jwt")
    assert jwt_file["Content-Type"] == "application/vc+jwt"
    assert "odznaka-CA-" in jwt_file["Content-Disposition"]
    assert jwt_file.content.decode() == certificate.credential
    envelope = client.get(f"{base}.json").json()
    assert envelope["type"] == "EnvelopedVerifiableCredential"
    assert envelope["id"] == "data:application/vc+jwt," + certificate.credential
    png = client.get(f"{base}.png")
    assert png["Content-Type"] == "image/png"
    assert (
        ob_baking.extract_png(png.content, keyword=ob_baking.ITXT_KEYWORD_OB3)
        == certificate.credential
    )

    assert client.get(f"{base}.xml").status_code == 404
    assert client.get("/certificates/99999999999/credential.jwt").status_code == 404
    certificates.certificate_revoke(certificate=certificate, by=coordinator, reason="Pomyłka")
    assert client.get(f"{base}.jwt").status_code == 404
    assert f'href="{base}.jwt"' not in client.get("/certificates/").content.decode()


def test_a_certificate_from_before_credentials_gets_one_at_its_first_download(
    client, course, learner_lo1
):
    certificate = complete(learner_lo1, *course)
    Certificate.objects.filter(pk=certificate.pk).update(credential="")
    ready(client, learner_lo1)
    token = client.get(f"/certificates/{certificate.pk}/credential.jwt").content.decode()
    certificate.refresh_from_db()
    assert certificate.credential == token
    assert independently_verified(client, token).raw["id"] == certificate.verification_url


def check(client, name: str, content: bytes) -> tuple[int, str]:
    response = client.post("/certificates/verify/", {"file": SimpleUploadedFile(name, content)})
    return response.status_code, response.content.decode()


def test_the_check_page_reads_each_file_and_says_valid_revoked_or_forged(
    client, course, learner_lo1, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete(learner_lo1, *course)
    form = client.get("/certificates/verify/").content.decode()
    assert 'type="file"' in form and 'enctype="multipart/form-data"' in form
    token = certificate.credential
    badge = credentials.badge(certificate, token)
    envelope = json.dumps(credentials.envelope(token)).encode()
    for name, content in (("a.jwt", token.encode()), ("a.json", envelope), ("a.png", badge)):
        status, page = check(client, name, content)
        assert status == 200
        assert "Podpis poświadczenia jest prawidłowy" in page, name
        assert "Zaświadczenie jest ważne." in page and certificate.number in page

    certificate.refresh_from_db()
    pdf = certificate_files.certificate_pdf_bytes(certificate=certificate)
    status, page = check(client, "z.pdf", pdf)
    assert "Pieczęć jest prawidłowa" in page and "Zaświadczenie jest ważne." in page

    certificates.certificate_revoke(certificate=certificate, by=coordinator, reason="Pomyłka")
    for name, content in (("a.jwt", token.encode()), ("z.pdf", pdf)):
        _status, page = check(client, name, content)
        assert "unieważnione" in page, name

    _status, page = check(client, "a.jwt", tampered(token).encode())
    assert "Podpis poświadczenia jest nieprawidłowy" in page
    assert certificate.number not in page
    flipped = bytearray(pdf)
    flipped[len(pdf) // 3] ^= 0xFF  # inside the signed content
    _status, page = check(client, "z.pdf", bytes(flipped))
    assert "Pieczęć nie pasuje do pliku" in page
    assert "unieważnione" not in page  # a forged file is not matched to the register


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pusty.jwt", b"a.b.c"),
        ("smieci.json", b'{"id": "data:application/vc+jwt,xx"'),
        ("obraz.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
        ("dokument.pdf", b"%PDF-1.7\n%%EOF"),
        ("binarny.bin", bytes(range(256)) * 10),
        ("inny.json", json.dumps({"id": 5, "type": ["VerifiableCredential"]}).encode()),
    ],
)
def test_broken_uploads_get_a_plain_polish_answer(client, site_shell, name, content):
    status, page = check(client, name, content)
    assert status == 200
    assert any(
        sentence in page
        for sentence in (
            "Ten plik nie jest zaświadczeniem w PDF ani poświadczeniem",
            "Podpis poświadczenia jest nieprawidłowy",
            "nie ma pieczęci",
        )
    ), page


def test_a_signed_file_of_ours_that_is_no_badge_is_not_read_as_one(client, course, learner_lo1):
    """A status list carries our signature too: it is not a credential."""
    certificate = complete(learner_lo1, *course)
    number, _index = status_list.position(certificate.pk)
    listing = client.get(f"/certificates/status/{number}/").content
    _status, page = check(client, "lista.jwt", listing)
    assert "Ten plik nie jest zaświadczeniem w PDF ani poświadczeniem" in page
    assert "Podpis poświadczenia jest prawidłowy" not in page


def test_a_missing_or_oversized_upload_is_refused_in_the_form(client, site_shell, monkeypatch):
    response = client.post("/certificates/verify/", {})
    assert response.status_code == 400
    assert "To pole jest wymagane" in response.content.decode()
    monkeypatch.setattr(views, "UPLOAD_MAX_BYTES", 10)
    status, page = check(client, "duzy.pdf", b"%PDF" + b"0" * 20)
    assert status == 400 and "Plik jest za duży" in page


def test_the_zip_and_the_evidence_pack_carry_the_credentials(
    client, course, learner_lo1, coordinator_county, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete(learner_lo1, *course)
    client.force_login(coordinator_county)
    today = f"{certificate.issue_date:%Y-%m-%d}"
    pack = request_pack(
        client, {"period_from": today, "period_to": today}, django_capture_on_commit_callbacks
    )
    pack.refresh_from_db()
    archive = zipfile.ZipFile(io.BytesIO(pack.file.read()))
    stem = "zaswiadczenia/" + certificate.number.replace("/", "-")
    assert archive.read(f"{stem}.jwt").decode() == certificate.credential
    assert (
        ob_baking.extract_png(archive.read(f"{stem}.png"), keyword=ob_baking.ITXT_KEYWORD_OB3)
        == certificate.credential
    )
    assert f"{stem}.pdf" in archive.namelist()
    assert ".jwt" in archive.read("README.txt").decode()


def test_a_credential_signed_under_an_earlier_address_still_checks_as_ours(
    client, course, learner_lo1, settings
):
    """The site moved: its key, not its host name, proves the credential."""
    settings.SITE_URL = "https://akademia.stary-adres.example.org"
    certificate = complete(learner_lo1, *course)
    settings.SITE_URL = "https://akademia.example.org"
    _status, page = check(client, "a.jwt", certificate.credential.encode())
    assert "Podpis poświadczenia jest prawidłowy" in page
    assert "Zaświadczenie jest ważne." in page
