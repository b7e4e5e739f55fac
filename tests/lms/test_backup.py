"""Backup and restore (`manage.py backup`, `manage.py restore`, `lms.backup`):
a real installation is backed up, emptied and restored, and the canonical
exports (attendance report, certificate register) are byte-identical, the
files are back, a certificate still renders and people still log in; the
restore refuses a non-empty or differently migrated target, changing
nothing. Runs on SQLite and on PostgreSQL (`scripts/with-postgres`)."""

import importlib
import io
import json
import os
import shutil
import tarfile

import pypdf
import pytest
from django.apps import apps as django_apps
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from accounts import roles
from accounts.models import User
from courses.certificates import render as certificate_pdf
from courses.models import Certificate, Enrolment, LessonProgress
from courses.progress import services as progress_services
from courses.reports.attendance import AttendanceReport
from courses.reports.filters import PeriodFilterForm, ReportFilterForm
from courses.reports.register import RegisterReport
from lms import backup
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

PERIOD = {"period_from": "2000-01-01", "period_to": "2099-12-31"}
PRIVATE_NAME = "evidence/pakiet-dowodowy.zip"


@pytest.fixture
def folders(settings, tmp_path):
    """MEDIA_ROOT and the private storage in this test's own folders."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    return {"media": tmp_path / "media", "private": tmp_path / "private", "tmp": tmp_path}


@pytest.fixture
def installation(folders, site_shell, catalogue, county, learner_lo1, coordinator_county):
    """A course completed by one learner (a certificate issued), started by
    another, an image with a rendition, a document and a private file."""
    course, lessons = factories.course_with_lessons(catalogue, 2, title="Podpis elektroniczny")
    other = factories.user_with_role(
        roles.LEARNER, email="druga@example.org", institution=county["lo2"], last_name="Śliwa"
    )
    for learner in (learner_lo1, other):
        Enrolment.objects.create(user=learner, course=course, method="self")
    for lesson in lessons:
        progress_services.lesson_open(user=learner_lo1, lesson=lesson)
        progress_services.lesson_mark_done(user=learner_lo1, lesson=lesson)
    progress_services.lesson_open(user=other, lesson=lessons[0])

    picture = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(picture, "PNG")
    image = get_image_model().objects.create(
        title="Logo powiatu", file=ImageFile(picture, name="logo-powiatu.png")
    )
    rendition = image.get_rendition("width-20")
    document = get_document_model().objects.create(
        title="Regulamin", file=ContentFile(b"Regulamin szkolen\n", name="regulamin.txt")
    )
    storages["private"].save(PRIVATE_NAME, ContentFile(b"PK\x05\x06" + b"\0" * 18))
    return {
        "certificate": Certificate.objects.get(user=learner_lo1),
        "files": [image.file.name, rendition.file.name, document.file.name],
        "users": [learner_lo1.email, other.email, coordinator_county.email],
        "coordinator": coordinator_county.email,
    }


def canonical_exports(coordinator_email: str) -> dict[str, bytes]:
    """The attendance report and the certificate register as CSV bytes."""
    coordinator = User.objects.get(email=coordinator_email)
    attendance = ReportFilterForm(PERIOD, user=coordinator)
    register = PeriodFilterForm(PERIOD, user=coordinator)
    assert attendance.is_valid() and register.is_valid()
    return {
        "attendance": AttendanceReport(attendance).file_bytes("csv"),
        "register": RegisterReport(register).file_bytes("csv"),
    }


def completion_times() -> list:
    progress = LessonProgress.objects.exclude(completed_at=None).order_by("pk")
    return list(progress.values_list("completed_at", flat=True))


def empty_installation(folders) -> None:
    """What a new installation is after `migrate`: no rows but the ones
    migrations create (root page and collection, locale, groups), no files."""
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    Locale.objects.create(language_code=django_settings.LANGUAGE_CODE)
    Page.add_root(instance=Page(title="Root", slug="root"))
    Collection.add_root(name="Root")
    importlib.import_module("accounts.migrations.0003_roles").create_roles(django_apps, None)
    shutil.rmtree(folders["media"])
    shutil.rmtree(folders["private"])


def rewritten(archive, target, change) -> None:
    """A copy of an archive with its manifest changed by `change(manifest)`."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            data = source.extractfile(member).read()
            if member.name == backup.MANIFEST_NAME:
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            copy.addfile(member, io.BytesIO(data))


def test_restore_into_an_empty_installation_gives_identical_exports(installation, folders, client):
    before = canonical_exports(installation["coordinator"])
    assert "Łucja Ćwik" in before["attendance"].decode("utf-8-sig")
    assert installation["certificate"].number in before["register"].decode("utf-8-sig")
    times = completion_times()
    assert any(moment.microsecond % 1000 for moment in times)  # sub-millisecond parts exist
    archive = folders["tmp"] / "kopia.tar.gz"

    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert f"Wrote {archive}" in out.getvalue()
    assert os.stat(archive).st_mode & 0o777 == 0o600  # password hashes and personal data
    manifest = backup.manifest_read(archive)
    assert manifest["counts"]["accounts.user"] == 3
    assert manifest["counts"]["courses.certificate"] == 1
    assert manifest["counts"]["accounts.user_groups"] == 3  # automatic many-to-many tables
    assert manifest["latest_migrations"]["courses"] == manifest["applied_migrations"]["courses"][-1]
    assert manifest["files"]["default"]["count"] == 3
    assert manifest["files"]["private"]["count"] == 1
    assert manifest["excluded"]["apps"] == ["wagtailsearch"]
    assert manifest["versions"]["django"].startswith("5.2")
    assert not any(name.startswith("wagtailsearch.") for name in manifest["counts"])

    empty_installation(folders)
    assert not User.objects.exists()
    assert not (folders["media"] / installation["files"][0]).exists()

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert f"Restored {archive}" in out.getvalue()

    assert canonical_exports(installation["coordinator"]) == before
    for name in installation["files"]:
        assert (folders["media"] / name).is_file(), name
    assert (folders["private"] / PRIVATE_NAME).read_bytes().startswith(b"PK")
    assert storages["private"].exists(PRIVATE_NAME)
    assert completion_times() == times
    certificate = Certificate.objects.get(pk=installation["certificate"].pk)
    pdf = certificate_pdf.render_certificate_pdf(certificate, certificate_pdf.branding_load())
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert certificate.number in text and "Łucja Ćwik" in text
    for email in installation["users"]:
        assert client.login(email=email, password=factories.TEST_PASSWORD), email
        client.logout()
    # New rows get ids after the restored ones (sequences moved on PostgreSQL).
    newcomer = factories.user_with_role(roles.LEARNER, email="nowa@example.org")
    assert newcomer.pk > max(User.objects.exclude(pk=newcomer.pk).values_list("pk", flat=True))
    # The search index was rebuilt from the restored pages.
    assert Page.objects.live().search("Podpis elektroniczny").count() >= 1


def test_restore_refuses_a_target_with_data_or_other_migrations(installation, folders):
    archive = folders["tmp"] / "kopia.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = canonical_exports(installation["coordinator"])
    counts = backup.table_counts(backup.backup_models())
    Group.objects.create(name="Dodana po kopii")  # must survive every refusal

    with pytest.raises(CommandError, match=r"already holds data .*3 users"):
        call_command("restore", str(archive), stdout=io.StringIO())

    future = folders["tmp"] / "przyszla.tar.gz"
    rewritten(
        archive,
        future,
        lambda manifest: manifest["applied_migrations"]["courses"].append("9999_future"),
    )
    with pytest.raises(CommandError, match=r"not migrated to the backup's migrations.*9999_future"):
        call_command("restore", str(future), "--force", stdout=io.StringIO())

    not_archive = folders["tmp"] / "notatki.tar.gz"
    not_archive.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(not_archive), "--force", stdout=io.StringIO())

    assert Group.objects.filter(name="Dodana po kopii").exists()
    counts["auth.group"] += 1
    assert backup.table_counts(backup.backup_models()) == counts

    # --force replaces everything with the backup's data.
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert not Group.objects.filter(name="Dodana po kopii").exists()
    assert canonical_exports(installation["coordinator"]) == before


def test_restore_refuses_unsafe_or_truncated_archives_before_changing_anything(
    installation, folders
):
    archive = folders["tmp"] / "kopia.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    evil = folders["tmp"] / "zla.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(evil, "w:gz") as copy:
        for member in source:
            copy.addfile(member, source.extractfile(member))
        escape = tarfile.TarInfo("files/default/../../../escaped.txt")
        escape.size = 2
        copy.addfile(escape, io.BytesIO(b"hi"))
    truncated = folders["tmp"] / "ucieta.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    empty_installation(folders)

    with pytest.raises(CommandError, match="unsafe or unexpected member"):
        call_command("restore", str(evil), stdout=io.StringIO())
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(truncated), stdout=io.StringIO())
    assert not User.objects.exists()
    assert not folders["media"].exists()
    assert not (folders["tmp"].parent / "escaped.txt").exists()
