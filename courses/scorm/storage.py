"""Where SCORM/cmi5 files live: the storage named by `SCORM_STORAGE`
(private by default, never served by URL: the app checks access first).

    scorm/uploads/<directory>.zip        the uploaded file as it came
    scorm/content/<directory>/...        the extracted package

Every upload gets a new `<directory>`, so a replacement never overwrites
files that a learner in the middle of an attempt still loads."""

import posixpath
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from courses import package_storage
from courses.scorm.validation import PackageInfo

UPLOADS = "scorm/uploads"
CONTENT = "scorm/content"


def scorm_storage() -> Storage:
    return storages[settings.SCORM_STORAGE]


def content_name(directory: str, path: str = "") -> str:
    return posixpath.join(CONTENT, directory, path) if path else posixpath.join(CONTENT, directory)


def upload_name(directory: str) -> str:
    return f"{UPLOADS}/{directory}.zip"


def extract(fileobj, info: PackageInfo, *, directory: str) -> list[str]:
    """Write an accepted package under its new directory, and the upload as
    it came. Returns the names written; on any error removes them and
    re-raises, so a failed extraction leaves nothing."""
    storage = scorm_storage()
    written: list[str] = []
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            for member in info.members:
                with archive.open(member) as stream:
                    name = content_name(directory, member)
                    written.append(package_storage.member_save(storage, name, stream))
        fileobj.seek(0)
        written.append(storage.save(upload_name(directory), ContentFile(fileobj.read())))
    except BaseException:
        package_storage.names_delete(storage, written)
        raise
    return written


def delete_upload(directory: str) -> None:
    """Remove one upload's folder and its zip."""
    if not directory:
        return
    storage = scorm_storage()
    package_storage.tree_delete(storage, content_name(directory))
    package_storage.names_delete(storage, [upload_name(directory)])
