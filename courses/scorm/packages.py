"""Services for SCORM/cmi5 packages: upload, replacement and approval.

The trust rule (as for H5P libraries): a package's scripts run for learners
on our origin. A user with the `courses.approve_scormpackage` permission
(administrators) uploads packages that are playable at once; anyone else's
upload waits for such a user's approval, and a replacement waits again.
Validation happens before anything is written, so a refused package leaves
nothing."""

import dataclasses

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses import package_storage
from courses.models import ScormPackage
from courses.scorm import storage
from courses.scorm.validation import PackageInfo, validate_package
from lms.errors import ServiceError

APPROVE_PERMISSION = "courses.approve_scormpackage"
WAITING_FOR_APPROVAL = _(
    "The package is stored. Its pages and scripts run in learners' browsers, so learners "
    "will see it once an administrator approves it."
)
NOT_ALLOWED_TO_APPROVE = _("Only people allowed to approve SCORM/cmi5 packages can do that.")


class PackageServiceError(ServiceError):
    """A refused package operation."""


def may_approve(user: User) -> bool:
    return user.has_perm(APPROVE_PERMISSION)


def _apply(package: ScormPackage, info: PackageInfo, directory: str, *, by: User, title: str):
    manifest = info.manifest
    package.title = (title or manifest.title or package.title)[:255]
    package.file.name = storage.upload_name(directory)
    package.version = manifest.version
    package.manifest = dataclasses.asdict(manifest)
    package.content_hash = info.content_hash
    package.size = info.size
    package.directory = directory
    package.uploaded_by = by
    trusted = may_approve(by)
    package.approved_by = by if trusted else None
    package.approved_at = timezone.now() if trusted else None
    package.save()
    return package


def _stored(file, info: PackageInfo, apply) -> ScormPackage:
    """Extract into a new folder, then write the row; the files of a failed
    write are removed."""
    directory = package_storage.new_directory()
    storage.extract(file, info, directory=directory)
    try:
        with transaction.atomic():
            return apply(directory)
    except BaseException:
        storage.delete_upload(directory)
        raise


@transaction.atomic
def scorm_package_create(
    *, file, by: User, title: str = "", info: PackageInfo | None = None
) -> ScormPackage:
    """Store a new package from an upload (validated here unless the caller
    already did); it is ready at once only when `by` may approve packages."""
    info = info or validate_package(file)
    return _stored(
        file,
        info,
        lambda directory: _apply(ScormPackage(), info, directory, by=by, title=title),
    )


@transaction.atomic
def scorm_package_replace(
    *, package: ScormPackage, file, by: User, title: str = "", info: PackageInfo | None = None
) -> ScormPackage:
    """Put a new upload in place of a package. Learners in the middle of an
    attempt keep the folder they started in (kept as the previous one); the
    folder before that is removed once the replacement commits."""
    info = info or validate_package(file)
    package = ScormPackage.objects.select_for_update().get(pk=package.pk)
    outdated = package.previous_directory

    def apply(directory):
        package.previous_directory = package.directory
        package.replaced_at = timezone.now()
        _apply(package, info, directory, by=by, title=title)
        if outdated:
            transaction.on_commit(lambda: storage.delete_upload(outdated))
        return package

    return _stored(file, info, apply)


@transaction.atomic
def scorm_package_approve(*, package: ScormPackage, by: User) -> ScormPackage:
    """Let learners play a package someone without the permission uploaded."""
    if not may_approve(by):
        raise PackageServiceError(NOT_ALLOWED_TO_APPROVE)
    ScormPackage.objects.filter(pk=package.pk, approved_at__isnull=True).update(
        approved_at=timezone.now(), approved_by=by
    )
    package.refresh_from_db()
    return package
