"""Reading an uploaded ZIP package safely, before anything of it is stored.

H5P and SCORM/cmi5 packages both bring code that runs for learners, so an
upload is hostile until every rule holds (design/h5p.md, rules 1 and 3):
safe member paths (no `..`, absolute paths, backslashes, NUL, control
characters, drive letters), no symlinks, encrypted or duplicate members,
and limits on upload size, member count, member size, total size and
compression ratio, enforced while reading, so a zip bomb is stopped before
it expands. Each package kind adds its own rules (file types, manifest) on
top; refusals raise `PackageError` whose message says what is wrong."""

import hashlib
import re
import stat
import struct
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lms.errors import TemplatedError

READ_CHUNK = 64 * 1024
# Compression ratios are judged only for members at least this big: small
# repetitive files (a JSON list, a blank image) compress well and are harmless.
RATIO_MIN_BYTES = 64 * 1024
DRIVE = re.compile(r"^[A-Za-z]:")

TOO_BIG = _("The file is too large: %(size)s MB, at most %(limit)s MB are allowed.")
TOO_MANY_MEMBERS = _("The package has too many files: at most %(limit)s are allowed.")
UNSAFE_PATH = _("The package contains an unsafe file path: “%(name)s”.")
SYMLINK = _("The package contains a symbolic link: “%(name)s”.")
ENCRYPTED = _("The package contains an encrypted file: “%(name)s”.")
DUPLICATE = _("The package contains the file “%(name)s” twice.")
MEMBER_TOO_BIG = _("The file “%(name)s” is too large when unpacked (at most %(limit)s MB).")
TOTAL_TOO_BIG = _("The package is too large when unpacked (at most %(limit)s MB in total).")
RATIO_TOO_HIGH = _(
    "The file “%(name)s” expands suspiciously much (a compression ratio above %(limit)s); "
    "the package looks like a zip bomb."
)
CORRUPT = _("The file “%(name)s” in the package is damaged and cannot be read.")


class PackageError(TemplatedError):
    """A refused package: nothing of it is stored."""


@dataclass(frozen=True)
class Limits:
    """What one upload may be; `kept_bytes` caps the members read into memory
    (the manifests and JSON files the validators parse)."""

    upload_bytes: int
    members: int
    member_bytes: int
    total_bytes: int
    ratio: int
    kept_bytes: int


@dataclass(frozen=True)
class Member:
    """A member of the archive that passed the checks of the central directory."""

    info: zipfile.ZipInfo
    parts: list[str]

    @property
    def name(self) -> str:
        return self.info.filename


@dataclass(frozen=True)
class Archive:
    """An opened upload: the zip, its screened members, its sha256 and size."""

    zip: zipfile.ZipFile
    members: list[Member]
    sha256: str
    size: int


def check_path(name: str) -> list[str]:
    """The path's parts, or PackageError when it could leave its folder."""
    if (
        not name
        or "\\" in name
        or "\x00" in name
        or name.startswith("/")
        or DRIVE.match(name)
        or any(ord(char) < 32 for char in name)
    ):
        raise PackageError(UNSAFE_PATH, name=name)
    parts = name.rstrip("/").split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise PackageError(UNSAFE_PATH, name=name)
    return parts


def extension(name: str) -> str:
    """The lower-case extension of a path's last part ("" for none)."""
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.strip(".") else ""


def megabytes(value: int) -> str:
    return f"{value / 1024 / 1024:.0f}" if value >= 1024 * 1024 else f"{value / 1024 / 1024:.2f}"


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _declared_member_count(fileobj) -> int | None:
    """The entry count from the end-of-central-directory record, read before
    the zip module parses (and holds in memory) the whole directory."""
    fileobj.seek(0, 2)
    size = fileobj.tell()
    tail_size = min(size, 65_557)
    fileobj.seek(size - tail_size)
    tail = fileobj.read(tail_size)
    position = tail.rfind(b"PK\x05\x06")
    if position < 0 or position + 22 > len(tail):
        return None
    (entries,) = struct.unpack("<H", tail[position + 10 : position + 12])
    return entries


def _upload_size(fileobj) -> int:
    size = getattr(fileobj, "size", None)
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    fileobj.seek(0)
    return size


def _check_member(info: zipfile.ZipInfo, seen: set[str]) -> list[str]:
    name = info.filename
    parts = check_path(name)
    if _is_symlink(info):
        raise PackageError(SYMLINK, name=name)
    if info.flag_bits & 0x1:
        raise PackageError(ENCRYPTED, name=name)
    key = name.rstrip("/").casefold()
    if key in seen:
        raise PackageError(DUPLICATE, name=name)
    seen.add(key)
    return parts


def _too_compressed(size: int, info: zipfile.ZipInfo, limits: Limits) -> bool:
    return size >= RATIO_MIN_BYTES and size > limits.ratio * max(info.compress_size, 1)


def _screen(
    infos: list[zipfile.ZipInfo],
    limits: Limits,
    skip: Callable[[list[str]], bool],
    check_type: Callable[[str, list[str]], None],
) -> list[Member]:
    """Everything the central directory says, checked before a byte is inflated."""
    seen: set[str] = set()
    members: list[Member] = []
    declared_total = 0
    for info in infos:
        parts = _check_member(info, seen)
        if info.is_dir() or skip(parts):
            continue
        check_type(info.filename, parts)
        if info.file_size > limits.member_bytes:
            limit = megabytes(limits.member_bytes)
            raise PackageError(MEMBER_TOO_BIG, name=info.filename, limit=limit)
        if _too_compressed(info.file_size, info, limits):
            raise PackageError(RATIO_TOO_HIGH, name=info.filename, limit=limits.ratio)
        declared_total += info.file_size
        if declared_total > limits.total_bytes:
            raise PackageError(TOTAL_TOO_BIG, limit=megabytes(limits.total_bytes))
        members.append(Member(info, parts))
    return members


@contextmanager
def archive_open(
    fileobj,
    limits: Limits,
    *,
    not_a_zip: Promise,
    skip: Callable[[list[str]], bool] = lambda parts: False,
    check_type: Callable[[str, list[str]], None] = lambda name, parts: None,
) -> Iterator[Archive]:
    """The upload opened as a zip with its members screened: sizes, paths,
    links, encryption and duplicates; `skip` leaves members out (folders are
    always left out), `check_type` refuses a member by its name."""
    size = _upload_size(fileobj)
    if size > limits.upload_bytes:
        raise PackageError(TOO_BIG, size=megabytes(size), limit=megabytes(limits.upload_bytes))
    upload_hash = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(READ_CHUNK), b""):
        upload_hash.update(chunk)
    declared = _declared_member_count(fileobj)
    if declared is not None and declared > limits.members:
        raise PackageError(TOO_MANY_MEMBERS, limit=limits.members)
    fileobj.seek(0)
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise PackageError(not_a_zip) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise PackageError(TOO_MANY_MEMBERS, limit=limits.members)
        members = _screen(infos, limits, skip, check_type)
        yield Archive(archive, members, upload_hash.hexdigest(), size)


def member_read(
    archive: Archive, member: Member, limits: Limits, total_so_far: int, *, keep: bool
) -> tuple[bytes | None, str, int]:
    """Read one member in chunks, counting what it really expands to (and
    checking its CRC); keep the bytes only when asked. Returns (bytes or
    None, sha256, size)."""
    name = member.name
    digest, chunks, read = hashlib.sha256(), [], 0
    try:
        with archive.zip.open(member.info) as stream:
            for chunk in iter(lambda: stream.read(READ_CHUNK), b""):
                read += len(chunk)
                if read > limits.member_bytes or (keep and read > limits.kept_bytes):
                    limit = limits.kept_bytes if keep else limits.member_bytes
                    raise PackageError(MEMBER_TOO_BIG, name=name, limit=megabytes(limit))
                if total_so_far + read > limits.total_bytes:
                    raise PackageError(TOTAL_TOO_BIG, limit=megabytes(limits.total_bytes))
                if _too_compressed(read, member.info, limits):
                    raise PackageError(RATIO_TOO_HIGH, name=name, limit=limits.ratio)
                digest.update(chunk)
                if keep:
                    chunks.append(chunk)
    except PackageError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError):
        raise PackageError(CORRUPT, name=name) from None
    return (b"".join(chunks) if keep else None), digest.hexdigest(), read
