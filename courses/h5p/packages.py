"""Services for H5P packages: upload, replacement and library approval.

The trust rule: library code is code we run for learners. A user with the
`courses.install_h5plibrary` permission (administrators) installs new
library versions by uploading them; anyone else's upload goes straight in
only when every library version it uses is already approved with the same
content hash, and otherwise waits for approval (and says so). Validation
happens before anything is written, so a refused package leaves nothing."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses import package_storage
from courses.h5p import storage
from courses.h5p.validation import Dependency, LibraryInfo, PackageInfo, validate_package
from courses.models import H5PLibrary, H5PPackage
from lms.errors import ServiceError

INSTALL_PERMISSION = "courses.install_h5plibrary"
WAITING_FOR_APPROVAL = _(
    "The package uses library versions that are not approved yet (%(libraries)s). "
    "Learners will see it once an administrator approves them."
)
NOT_ALLOWED_TO_APPROVE = _("Only people allowed to install H5P libraries can approve them.")


class PackageServiceError(ServiceError):
    """A refused package operation."""


@dataclass(frozen=True)
class UploadResult:
    package: H5PPackage
    pending_libraries: list[H5PLibrary]


def may_install_libraries(user: User) -> bool:
    return user.has_perm(INSTALL_PERMISSION)


def _approved(dependency: Dependency):
    machine_name, major, minor = dependency
    return (
        H5PLibrary.objects.filter(
            machine_name=machine_name,
            major_version=major,
            minor_version=minor,
            approved_at__isnull=False,
        )
        .order_by("-patch_version", "-approved_at")
        .first()
    )


def is_installed(dependency: Dependency) -> bool:
    """A dependency a package may leave out: an approved version is installed."""
    return _approved(dependency) is not None


def package_validate(file) -> PackageInfo:
    """Check an upload (raises validation.PackageError); writes nothing."""
    return validate_package(file, is_installed=is_installed)


def _library_for(info: LibraryInfo, *, by: User, trusted: bool) -> tuple[H5PLibrary, bool]:
    """The row of this exact library version (name, version, hash); created
    when new, approved at once when the uploader may install libraries.
    Returns (library, files still to be written)."""
    library, created = H5PLibrary.objects.get_or_create(
        machine_name=info.machine_name,
        major_version=info.major,
        minor_version=info.minor,
        patch_version=info.patch,
        content_hash=info.content_hash,
        defaults={
            "title": info.title[:255],
            "runnable": info.runnable,
            "directory": storage.library_directory(info),
            "preloaded_js": list(info.preloaded_js),
            "preloaded_css": list(info.preloaded_css),
            "dependencies": [list(dependency) for dependency in info.dependencies],
            "installed_by": by,
        },
    )
    if trusted and not library.is_approved:
        library.approved_at = timezone.now()
        library.approved_by = by
        library.save(update_fields=["approved_at", "approved_by"])
    return library, created


def _store(file, info: PackageInfo, *, by: User) -> tuple[str, list[H5PLibrary], list[str]]:
    """Library rows and the extracted files of one upload. Returns the new
    folder, the libraries the package uses, and the names written."""
    trusted = may_install_libraries(by)
    libraries, new_folders = [], set()
    for folder, library_info in info.libraries.items():
        library, created = _library_for(library_info, by=by, trusted=trusted)
        libraries.append(library)
        if created or not storage.h5p_storage().exists(
            storage.library_name(library.directory, "library.json")
        ):
            new_folders.add(folder)
    libraries += [_approved(dependency) for dependency in info.installed_dependencies]
    directory = package_storage.new_directory()
    written = storage.extract(file, info, directory=directory, new_libraries=new_folders)
    return directory, libraries, written


def _apply(package: H5PPackage, info: PackageInfo, directory: str, libraries, title: str):
    package.title = (title or info.title)[:255]
    package.file.name = storage.upload_name(directory)
    package.content_hash = info.content_hash
    package.size = info.size
    package.main_library = " ".join(
        [info.main_library[0], f"{info.main_library[1]}.{info.main_library[2]}"]
    )
    package.language = info.language[:20]
    package.directory = directory
    pending = [library for library in libraries if not library.is_approved]
    package.status = H5PPackage.Status.PENDING if pending else H5PPackage.Status.READY
    package.save()
    package.libraries.set(libraries)
    return pending


def _guarded(file, info, by, apply):
    """Extract, then write rows; files of a failed write are removed."""
    directory, libraries, written = _store(file, info, by=by)
    try:
        with transaction.atomic():
            return apply(directory, libraries)
    except BaseException:
        storage.delete_names(written)
        storage.delete_tree(storage.content_name(directory))
        raise


@transaction.atomic
def h5p_package_create(*, file, by: User, title: str = "", info: PackageInfo | None = None):
    """Store a new package from an upload (validated here unless the caller
    already did). Returns UploadResult; its pending libraries are non-empty
    when the package waits for approval."""
    info = info or package_validate(file)

    def apply(directory, libraries):
        package = H5PPackage(uploaded_by=by, uploaded_at=timezone.now())
        pending = _apply(package, info, directory, libraries, title)
        return UploadResult(package=package, pending_libraries=pending)

    return _guarded(file, info, by, apply)


@transaction.atomic
def h5p_package_replace(
    *, package: H5PPackage, file, by: User, title: str = "", info: PackageInfo | None = None
):
    """Put a new upload in place of a package. Learners mid-attempt keep the
    folder their player loaded (kept as the previous one); the folder before
    that is removed once the replacement commits. Saved states belong to the
    folder they were saved for, so nobody resumes into different content."""
    info = info or package_validate(file)
    package = H5PPackage.objects.select_for_update().get(pk=package.pk)
    outdated = package.previous_directory

    def apply(directory, libraries):
        package.previous_directory = package.directory
        package.replaced_at = timezone.now()
        package.uploaded_by = by
        pending = _apply(package, info, directory, libraries, title)
        if outdated:
            transaction.on_commit(lambda: storage.delete_upload(outdated))
        return UploadResult(package=package, pending_libraries=pending)

    return _guarded(file, info, by, apply)


@transaction.atomic
def h5p_package_approve(*, package: H5PPackage, by: User) -> list[H5PPackage]:
    """Approve the library versions a package waits for; every package whose
    libraries are then all approved becomes ready. Returns those packages."""
    if not may_install_libraries(by):
        raise PackageServiceError(NOT_ALLOWED_TO_APPROVE)
    now = timezone.now()
    package.libraries.filter(approved_at__isnull=True).update(approved_at=now, approved_by=by)
    ready = list(
        H5PPackage.objects.filter(status=H5PPackage.Status.PENDING).exclude(
            Q(libraries__approved_at__isnull=True)
        )
    )
    H5PPackage.objects.filter(pk__in=[each.pk for each in ready]).update(
        status=H5PPackage.Status.READY
    )
    return ready


def pending_message(pending: list[H5PLibrary]) -> str:
    return str(WAITING_FOR_APPROVAL) % {"libraries": ", ".join(str(library) for library in pending)}
