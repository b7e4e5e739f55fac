"""Checking an uploaded SCORM or cmi5 package before anything of it is stored.

The archive rules are H5P's (courses/archives.py: paths, links, encryption,
duplicates, sizes, compression ratios, read while streaming). On top: the
file types a web package may hold (its pages and scripts run for learners
in a frame on our origin; no Flash, no executables), the manifest at the
top level (`imsmanifest.xml` or `cmi5.xml`, parsed safely), and every
launch file it names present in the package. Files of macOS archives
(`__MACOSX/`, `.DS_Store`) and other dot files are left out.

Pure: it reads a file object and returns a `PackageInfo`, or raises
`PackageError` whose message says exactly what is wrong."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses.archives import Archive, Limits, PackageError, archive_open, extension, member_read
from courses.scorm import manifest as manifests

WEB_EXTENSIONS = frozenset({
    "html", "htm", "xhtml", "js", "mjs", "css", "json", "xml", "xsd", "dtd", "txt", "map",
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "avif",
    "woff", "woff2", "ttf", "otf", "eot",
    "mp4", "webm", "ogg", "ogv", "oga", "mp3", "m4a", "m4v", "wav", "aac", "vtt", "srt",
    "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv",
})  # fmt: skip

NOT_A_ZIP = _("The file is not a SCORM or cmi5 package (not a ZIP archive).")
NO_EXTENSION = _("The file “%(name)s” has no extension; such files are not allowed.")
EXTENSION_NOT_ALLOWED = _(
    "The file type “.%(extension)s” is not allowed in a SCORM or cmi5 package: “%(name)s”."
)


@dataclass(frozen=True)
class PackageInfo:
    """An accepted package: its manifest, the zip names to extract, the
    upload's sha256 and size."""

    manifest: manifests.Manifest
    members: tuple[str, ...]
    content_hash: str
    size: int


def limits_from_settings() -> Limits:
    return Limits(
        upload_bytes=settings.SCORM_MAX_UPLOAD_BYTES,
        members=settings.SCORM_MAX_MEMBERS,
        member_bytes=settings.SCORM_MAX_MEMBER_BYTES,
        total_bytes=settings.SCORM_MAX_TOTAL_BYTES,
        ratio=settings.SCORM_MAX_COMPRESSION_RATIO,
        kept_bytes=settings.SCORM_MAX_MANIFEST_BYTES,
    )


def _skipped(parts: list[str]) -> bool:
    return parts[0] == "__MACOSX" or any(part.startswith(".") for part in parts)


def _check_type(name: str, parts: list[str]) -> None:
    kind = extension(name)
    if not kind:
        raise PackageError(NO_EXTENSION, name=name)
    if kind not in WEB_EXTENSIONS:
        raise PackageError(EXTENSION_NOT_ALLOWED, extension=kind, name=name)


def validate_package(fileobj, *, limits: Limits | None = None) -> PackageInfo:
    """Check an uploaded package (raises PackageError); writes nothing."""
    limits = limits or limits_from_settings()
    with archive_open(
        fileobj, limits, not_a_zip=NOT_A_ZIP, skip=_skipped, check_type=_check_type
    ) as archive:
        return _validate_members(archive, limits)


def _validate_members(archive: Archive, limits: Limits) -> PackageInfo:
    names = frozenset(member.name for member in archive.members)
    manifest_name = next(
        (name for name in (manifests.SCORM_MANIFEST, manifests.CMI5_MANIFEST) if name in names),
        None,
    )
    if manifest_name is None:
        raise PackageError(manifests.NO_MANIFEST)
    # Every member is read (sizes really counted, CRCs checked); the manifest kept.
    manifest_data = b""
    total = 0
    for member in archive.members:
        keep = member.name == manifest_name
        data, _digest, read = member_read(archive, member, limits, total, keep=keep)
        total += read
        if keep and data is not None:
            manifest_data = data
    parse = (
        manifests.scorm_manifest
        if manifest_name == manifests.SCORM_MANIFEST
        else manifests.cmi5_manifest
    )
    return PackageInfo(
        manifest=parse(manifest_data, names),
        members=tuple(sorted(names)),
        content_hash=archive.sha256,
        size=archive.size,
    )
