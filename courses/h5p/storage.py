"""Where H5P files live: the storage named by `H5P_STORAGE` (private by
default, never served by URL: the app checks access first), written and
removed only through Django's storage API so S3-compatible storage works.

    h5p/uploads/<directory>.h5p          the uploaded file as it came
    h5p/content/<directory>/...          h5p.json and content/ of one upload
    h5p/libraries/<folder>.<patch>-<hash>/...   one library version, shared

Every upload gets a new `<directory>` (a random UUID, never reused), so a
replacement never overwrites files a learner's open player still uses.
Library folders are named by their content hash and never change."""

import posixpath
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from courses import package_storage
from courses.h5p.validation import LibraryInfo, PackageInfo

UPLOADS = "h5p/uploads"
CONTENT = "h5p/content"
LIBRARIES = "h5p/libraries"


def h5p_storage() -> Storage:
    return storages[settings.H5P_STORAGE]


def content_name(directory: str, path: str = "") -> str:
    return posixpath.join(CONTENT, directory, path) if path else posixpath.join(CONTENT, directory)


def library_directory(library: LibraryInfo) -> str:
    return f"{library.folder}.{library.patch}-{library.content_hash[:16]}"


def library_name(directory: str, path: str = "") -> str:
    return (
        posixpath.join(LIBRARIES, directory, path) if path else posixpath.join(LIBRARIES, directory)
    )


def upload_name(directory: str) -> str:
    return f"{UPLOADS}/{directory}.h5p"


def extract(fileobj, info: PackageInfo, *, directory: str, new_libraries: set[str]) -> list[str]:
    """Write the content of an accepted package under its new directory and
    the library folders named in `new_libraries` (those not stored yet)
    into the shared library store. Returns the names written; on any error
    removes them and re-raises, so a failed extraction leaves nothing."""
    storage = h5p_storage()
    written: list[str] = []
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            for member in info.members:
                folder, _slash, rest = member.partition("/")
                if member == "h5p.json" or folder == "content":
                    name = content_name(directory, member)
                elif folder in new_libraries:
                    name = library_name(library_directory(info.libraries[folder]), rest)
                    if storage.exists(name):
                        continue
                else:
                    continue
                with archive.open(member) as stream:
                    written.append(package_storage.member_save(storage, name, stream))
        fileobj.seek(0)
        saved = storage.save(upload_name(directory), ContentFile(fileobj.read()))
        written.append(saved)
    except BaseException:
        delete_names(written)
        raise
    return written


def delete_names(names) -> None:
    package_storage.names_delete(h5p_storage(), names)


def delete_tree(prefix: str) -> None:
    package_storage.tree_delete(h5p_storage(), prefix)


def delete_upload(directory: str) -> None:
    """Remove one upload's content folder and its `.h5p` file."""
    if not directory:
        return
    delete_tree(content_name(directory))
    delete_names([upload_name(directory)])
