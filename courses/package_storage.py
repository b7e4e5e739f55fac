"""Writing extracted package files (H5P, SCORM/cmi5) into a storage and
removing them, through Django's storage API only, so that the local private
folder and S3-compatible storage behave the same. Every upload goes into a
new, never-reused folder (a random UUID), so replacing a package never
overwrites files a learner's open player still loads."""

import contextlib
import posixpath
import shutil
import uuid

from django.core.files.base import File
from django.core.files.storage import Storage


def new_directory() -> str:
    return uuid.uuid4().hex


def member_save(storage: Storage, name: str, stream) -> str:
    """Save one extracted file under exactly `name`; a storage that would
    rename it (the name is taken) is refused: we never serve a surprise."""
    saved = storage.save(name, File(stream, name=posixpath.basename(name)))
    if saved != name:
        storage.delete(saved)
        raise OSError(f"the storage renamed {name} to {saved}")
    return saved


def names_delete(storage: Storage, names) -> None:
    for name in names:
        with contextlib.suppress(OSError):  # already gone
            storage.delete(name)


def tree_delete(storage: Storage, prefix: str) -> None:
    """Remove every file under `prefix` (storage APIs have no rmtree)."""
    try:
        folders, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        storage.delete(posixpath.join(prefix, name))
    for folder in folders:
        tree_delete(storage, posixpath.join(prefix, folder))
    path = getattr(storage, "path", None)
    if path is not None:  # a local file system keeps empty folders; drop them
        with contextlib.suppress(NotImplementedError):
            shutil.rmtree(path(prefix), ignore_errors=True)
