"""Certificate PDFs are rendered once, after issue, and kept: the holder's
downloads, the coordinator's ZIP and the evidence pack serve the document as
issued, never rendered again; a missing or half-written file is replaced."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from wagtail.models import Site

from courses.certificates import files as certificate_files
from courses.certificates import render as certificate_pdf
from courses.certificates import services as certificates
from courses.certificates.tasks import certificate_batch_build
from courses.models import Certificate, CertificateBatch, CertificateSettings
from tests import factories
from tests.courses.catalogue.test_learner_pages import ready
from tests.courses.certificates.test_certificates import complete, pdf_text

pytestmark = pytest.mark.django_db


def stored_names(certificate: Certificate) -> list[str]:
    _folders, names = storages["private"].listdir("certificates")
    return [name for name in names if certificate.code in name]


def no_more_rendering(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a kept certificate was rendered again")

    monkeypatch.setattr(certificate_pdf, "render_certificate_pdf", refuse)
    monkeypatch.setattr(certificate_pdf, "render_many", refuse)


def sign_as(name: str) -> None:
    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.signatory_name = name
    settings.save()


def test_issue_keeps_the_pdf_and_downloads_serve_it_unchanged(
    client, course, learner_lo1, django_capture_on_commit_callbacks, monkeypatch
):
    sign_as("Anna Podpisująca")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = complete(learner_lo1, *course)
    certificate.refresh_from_db()
    assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
    with certificate.pdf.open("rb") as kept:
        stored = kept.read()
    text = pdf_text(stored)
    assert certificate.number in text and "Łucja Ćwik" in text and "Anna Podpisująca" in text

    # A download never renders again: it is the stored document, byte for byte.
    no_more_rendering(monkeypatch)
    ready(client, learner_lo1)
    response = client.get(f"/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = "zaswiadczenie-" + certificate.number.replace("/", "-") + ".pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response.content == stored


def test_a_certificate_without_a_kept_file_is_kept_at_its_first_download(
    client, course, learner_lo1, monkeypatch
):
    """Certificates issued before files were kept (or whose background
    render has not run yet) get their file on the first download."""
    certificate = complete(learner_lo1, *course)  # on-commit tasks not run
    assert not Certificate.objects.get(pk=certificate.pk).pdf
    ready(client, learner_lo1)
    first = client.get(f"/certificates/{certificate.pk}/pdf/").content
    assert "Łucja Ćwik" in pdf_text(first)
    kept = Certificate.objects.get(pk=certificate.pk).pdf
    assert kept.name == f"certificates/{certificate.code}.pdf"
    no_more_rendering(monkeypatch)
    assert client.get(f"/certificates/{certificate.pk}/pdf/").content == first


def test_a_lost_file_is_rendered_and_kept_again(client, course, learner_lo1):
    """A database restored without its private files still serves every
    certificate (rendered again, and kept)."""
    certificate = certificate_files.certificate_pdf_store(
        certificate=complete(learner_lo1, *course)
    )
    storages["private"].delete(certificate.pdf.name)
    ready(client, learner_lo1)
    response = client.get(f"/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert certificate.number in pdf_text(response.content)
    assert storages["private"].exists(Certificate.objects.get(pk=certificate.pk).pdf.name)


def test_a_file_left_by_an_interrupted_render_is_replaced(course, learner_lo1):
    """A worker killed after writing the file but before its transaction
    committed leaves a file no row points to: the retry replaces it."""
    certificate = complete(learner_lo1, *course)
    name = f"certificates/{certificate.code}.pdf"
    storages["private"].save(name, ContentFile(b"half a PDF"))
    certificate_files.certificate_pdf_store(certificate=certificate)
    assert Certificate.objects.get(pk=certificate.pk).pdf.name == name
    assert stored_names(certificate) == [f"{certificate.code}.pdf"]
    with storages["private"].open(name) as kept:
        assert kept.read().startswith(b"%PDF-")


def test_keeping_twice_stores_one_file(course, learner_lo1):
    certificate = complete(learner_lo1, *course)
    late_copy = Certificate.objects.get(pk=certificate.pk)  # loaded before the first store
    certificate_files.certificate_pdf_store(certificate=certificate)
    again = certificate_files.certificate_pdf_store(certificate=late_copy)
    assert again.pdf.name == Certificate.objects.get(pk=certificate.pk).pdf.name
    assert stored_names(certificate) == [f"{certificate.code}.pdf"]


def test_reissue_keeps_a_new_file_and_the_zip_holds_the_kept_documents(
    course, learner_lo1, django_capture_on_commit_callbacks, monkeypatch
):
    coordinator = factories.user_with_role("Koordynatorzy", email="k@example.org")
    sign_as("Anna Podpisująca")
    with django_capture_on_commit_callbacks(execute=True):
        first = complete(learner_lo1, *course)
    sign_as("Bogdan Następca")
    with django_capture_on_commit_callbacks(execute=True):
        new = certificates.certificate_reissue(certificate=first, by=coordinator)
    first.refresh_from_db()
    new.refresh_from_db()
    assert new.pdf.name != first.pdf.name
    with new.pdf.open("rb") as kept:
        assert "Bogdan Następca" in pdf_text(kept.read())

    no_more_rendering(monkeypatch)  # the ZIP reads the kept files
    batch = CertificateBatch.objects.create(requested_by=coordinator, total=2)
    certificate_batch_build.call(batch.pk, [first.pk, new.pk])
    batch.refresh_from_db()
    assert batch.status == CertificateBatch.Status.READY
    for certificate in (first, new):
        with certificate.pdf.open("rb") as kept:
            assert archive_member_of(batch, certificate) == kept.read()
    assert "Anna Podpisująca" in pdf_text(archive_member_of(batch, first))


def archive_member_of(batch: CertificateBatch, certificate: Certificate) -> bytes:
    with batch.file.open("rb") as stored, zipfile.ZipFile(io.BytesIO(stored.read())) as archive:
        return archive.read(certificate.number.replace("/", "-") + ".pdf")


def test_a_zip_keeps_the_pdfs_it_had_to_render(course, learner_lo1, learner_lo2):
    coordinator = factories.user_with_role("Koordynatorzy", email="k@example.org")
    issued = [complete(learner, *course) for learner in (learner_lo1, learner_lo2)]
    certificate_files.certificate_pdf_store(certificate=issued[0])  # one kept, one not yet
    batch = CertificateBatch.objects.create(requested_by=coordinator, total=2)
    certificate_batch_build.call(batch.pk, [certificate.pk for certificate in issued])
    batch.refresh_from_db()
    for certificate in issued:
        certificate.refresh_from_db()
        assert certificate.pdf.name == f"certificates/{certificate.code}.pdf"
        with certificate.pdf.open("rb") as kept:
            assert archive_member_of(batch, certificate) == kept.read()
