"""Uploading SCORM/cmi5 packages: the three kinds accepted with their
version and units, every unsafe archive refused with its reason and nothing
stored, approval by administrators only, replacement keeping the files of
learners in the middle of an attempt, and the admin screens as a trainer
and as an administrator."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import roles
from courses import archives
from courses.models import ScormPackage
from courses.scorm import manifest, packages, samples, storage, validation
from tests import factories
from tests.courses.h5p.test_validation import LIMITS
from tests.fixtures import scorm as scorm_fixtures
from tests.fixtures.h5p import mark_encrypted, package_files, with_files, zip_of

pytestmark = pytest.mark.django_db


def stored(root) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def upload(data: bytes, name: str = "pakiet.zip") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def refused(data: bytes, limits=LIMITS) -> archives.PackageError:
    with pytest.raises(archives.PackageError) as caught:
        validation.validate_package(io.BytesIO(data), limits=limits)
    return caught.value


@pytest.fixture
def trainer(db):
    return factories.user_with_role(roles.TRAINER, email="trener@example.org")


@pytest.mark.parametrize(
    ("build", "version", "units"),
    [
        (samples.scorm12_package, manifest.SCORM12, ["index.html"]),
        (samples.scorm2004_package, manifest.SCORM2004_4, ["sco1/index.html", "sco2/index.html"]),
        (samples.cmi5_package, manifest.CMI5, ["au1/index.html"]),
    ],
)
def test_the_three_kinds_are_accepted_with_their_units(build, version, units):
    info = validation.validate_package(io.BytesIO(build()), limits=LIMITS)
    assert info.manifest.version == version
    assert [unit.path for unit in info.manifest.units] == units
    assert set(units) <= set(info.members)


def test_scorm2004_editions_are_told_apart():
    for edition, version in ((2, manifest.SCORM2004_2), (3, manifest.SCORM2004_3)):
        data = samples.scorm2004_package(edition=edition)
        assert validation.validate_package(io.BytesIO(data)).manifest.version == version


def test_unsafe_archives_are_refused_with_their_reason():
    files = package_files(samples.scorm12_package())
    cases = {
        archives.UNSAFE_PATH: zip_of({**files, "../evil.html": b"x"}),
        archives.SYMLINK: zip_of({**files, "link.html": b"/etc/passwd"}, symlinks={"link.html"}),
        archives.ENCRYPTED: mark_encrypted(samples.scorm12_package(), "index.html"),
        archives.DUPLICATE: zip_of([*files.items(), ("index.html", b"again")]),
        archives.RATIO_TOO_HIGH: zip_of({**files, "video.mp4": b"\0" * (5 * 1024 * 1024)}),
        archives.TOO_MANY_MEMBERS: with_files(
            samples.scorm12_package(), add={f"img/{n}.png": b"\x89PNG" for n in range(60)}
        ),
        validation.EXTENSION_NOT_ALLOWED: zip_of({**files, "flash/movie.swf": b"FWS"}),
        validation.NO_EXTENSION: zip_of({**files, "README": b"x"}),
        validation.NOT_A_ZIP: b"not a zip at all",
        manifest.NO_MANIFEST: with_files(samples.scorm12_package(), remove={"imsmanifest.xml"}),
        manifest.MISSING_LAUNCH: with_files(samples.scorm12_package(), remove={"index.html"}),
    }
    for template, data in cases.items():
        error = refused(data)
        assert error.template == template, (template, error.message)
        assert error.message  # a sentence for the trainer, never empty


def test_macos_leftovers_are_left_out():
    data = with_files(
        samples.scorm12_package(), add={"__MACOSX/._index.html": b"x", ".DS_Store": b"x"}
    )
    info = validation.validate_package(io.BytesIO(data), limits=LIMITS)
    assert "__MACOSX/._index.html" not in info.members and ".DS_Store" not in info.members


def test_administrator_upload_is_ready_trainer_upload_waits(admin, trainer, scorm_storage):
    ready = packages.scorm_package_create(file=upload(samples.scorm12_package()), by=admin)
    assert ready.is_ready and ready.approved_by == admin
    assert ready.version == manifest.SCORM12 and ready.title == "Bezpieczne hasła"
    assert ready.unit_count() == 1 and ready.units[0].path == "index.html"
    assert f"scorm/content/{ready.directory}/index.html" in stored(scorm_storage)

    waiting = packages.scorm_package_create(file=upload(samples.cmi5_package()), by=trainer)
    assert not waiting.is_ready
    assert list(ScormPackage.objects.ready()) == [ready]
    with pytest.raises(packages.PackageServiceError):
        packages.scorm_package_approve(package=waiting, by=trainer)
    assert packages.scorm_package_approve(package=waiting, by=admin).is_ready


def test_a_refused_package_stores_nothing(admin, scorm_storage):
    with pytest.raises(archives.PackageError):
        packages.scorm_package_create(file=upload(b"PK broken"), by=admin)
    assert not ScormPackage.objects.exists() and stored(scorm_storage) == []


def test_replacement_keeps_the_previous_folder_until_the_next(admin, trainer, scorm_storage):
    package = packages.scorm_package_create(file=upload(samples.scorm12_package()), by=admin)
    first = package.directory
    package = packages.scorm_package_replace(
        package=package, file=upload(samples.scorm2004_package()), by=trainer
    )
    assert package.previous_directory == first and package.version == manifest.SCORM2004_4
    assert not package.is_ready  # a trainer's new files wait for approval again
    names = stored(scorm_storage)
    assert f"scorm/content/{first}/index.html" in names
    assert f"scorm/content/{package.directory}/sco1/index.html" in names
    package.delete()
    storage.delete_upload(first)
    storage.delete_upload(package.directory)
    assert stored(scorm_storage) == []


def test_trainer_uploads_in_the_admin_and_an_administrator_approves(
    client, trainer, admin, scorm_storage
):
    client.force_login(trainer)
    response = client.post(
        "/admin/snippets/courses/scormpackage/add/",
        {"title": "", "upload": upload(samples.scorm2004_package())},
        follow=True,
    )
    assert response.status_code == 200
    assert "uczestnicy zobaczą go, gdy zatwierdzi go administrator" in response.content.decode()
    package = ScormPackage.objects.get()
    listing = client.get("/admin/snippets/courses/scormpackage/").content.decode()
    assert "Praca zdalna bez tajemnic" in listing and "SCORM 2004 4th Edition" in listing
    assert f"/admin/scorm/{package.pk}/approve/" not in listing  # not for trainers
    assert client.get(f"/admin/scorm/{package.pk}/approve/").status_code in (302, 403)
    client.post(f"/admin/scorm/{package.pk}/approve/")
    package.refresh_from_db()
    assert not package.is_ready

    client.force_login(admin)
    listing = client.get("/admin/snippets/courses/scormpackage/").content.decode()
    assert f"/admin/scorm/{package.pk}/approve/" in listing
    page = client.get(f"/admin/scorm/{package.pk}/approve/").content.decode()
    assert "sco1/index.html" in page and "sco2/index.html" in page
    client.post(f"/admin/scorm/{package.pk}/approve/")
    package.refresh_from_db()
    assert package.is_ready and package.approved_by == admin


def test_the_admin_refuses_a_bad_file_in_polish(client, admin, scorm_storage):
    client.force_login(admin)
    bad = with_files(samples.scorm12_package(), remove={"imsmanifest.xml"})
    response = client.post(
        "/admin/snippets/courses/scormpackage/add/", {"title": "X", "upload": upload(bad)}
    )
    assert response.status_code == 200
    assert "nie ma pliku imsmanifest.xml" in response.content.decode()
    wrong = client.post(
        "/admin/snippets/courses/scormpackage/add/",
        {"title": "X", "upload": upload(samples.scorm12_package(), name="pakiet.rar")},
    )
    assert "Wybierz plik z rozszerzeniem .zip" in wrong.content.decode()
    assert not ScormPackage.objects.exists() and stored(scorm_storage) == []


def test_learners_and_coordinators_without_the_permission_cannot_upload(client, learner_lo1):
    client.force_login(learner_lo1)
    response = client.get("/admin/snippets/courses/scormpackage/add/")
    assert response.status_code in (302, 403)


def test_hostile_packages_from_the_fixtures_are_refused_before_anything_is_stored(
    admin, scorm_storage
):
    cases = {
        archives.UNSAFE_PATH: [scorm_fixtures.path_traversal(), scorm_fixtures.absolute_path()],
        archives.SYMLINK: [scorm_fixtures.symlink_member()],
        archives.ENCRYPTED: [scorm_fixtures.encrypted_member()],
        archives.DUPLICATE: [scorm_fixtures.duplicate_members()],
        archives.RATIO_TOO_HIGH: [scorm_fixtures.zip_bomb()],
        validation.NOT_A_ZIP: [scorm_fixtures.not_a_zip()],
        manifest.NO_MANIFEST: [scorm_fixtures.without_manifest()],
        manifest.MISSING_LAUNCH: [scorm_fixtures.missing_launch_file()],
        manifest.ENTITIES: [
            scorm_fixtures.entity_expansion_manifest(),
            scorm_fixtures.external_entity_manifest(),
            scorm_fixtures.parameter_entity_manifest(),
        ],
        manifest.NOT_XML: [scorm_fixtures.malformed_manifest()],
        manifest.UNKNOWN_VERSION: [scorm_fixtures.unknown_schema_version()],
        manifest.EXTERNAL_LAUNCH: [scorm_fixtures.cmi5_foreign_au_url()],
        manifest.NO_UNITS: [scorm_fixtures.cmi5_without_au()],
    }
    for template, variants in cases.items():
        for data in variants:
            with pytest.raises(archives.PackageError) as caught:
                packages.scorm_package_create(file=upload(data), by=admin)
            assert caught.value.template == template, (template, caught.value.message)
    assert not ScormPackage.objects.exists() and stored(scorm_storage) == []


def test_an_external_dtd_is_never_fetched():
    """A DOCTYPE naming a remote DTD is parsed without fetching it (there is
    no network, and expat loads no external DTD); the package is read as usual."""
    data = scorm_fixtures.external_dtd_manifest()
    info = validation.validate_package(io.BytesIO(data), limits=LIMITS)
    assert info.manifest.version == manifest.SCORM12
