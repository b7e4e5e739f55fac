"""Checking an uploaded `.h5p` file before anything of it is stored.

H5P runs library JavaScript in our pages, so an upload is treated as hostile
until every rule holds: safe member paths (no `..`, absolute paths,
backslashes, NUL, drive letters, symlinks, encrypted or duplicate members),
the two extension whitelists of H5P core (content files; library files add
js, css, svg, xml), no scripts or SVG inside `content/`, limits on upload
size, member count, member size, total size and compression ratio enforced
while reading (a zip bomb is stopped before it expands), valid `h5p.json`
and `library.json` files, library folders named after their library, every
dependency present in the package or already installed, and every preloaded
file present.

Pure: it reads a file object and returns a `PackageInfo`, or raises
`PackageError` whose message says exactly what is wrong. Files whose name
starts with `.` or `_` are skipped, as H5P core skips them."""

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses.archives import Archive, Limits, PackageError, archive_open, check_path, member_read
from courses.archives import extension as _extension

CONTENT_EXTENSIONS = frozenset({
    "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "eot", "ttf", "woff", "woff2",
    "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx", "xls",
    "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "md", "textile", "vtt",
    "webvtt", "gltf", "glb",
})  # fmt: skip
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "svg", "xml"}
MACHINE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{0,126}$")
EMBED_TYPES = {"div", "iframe"}

NOT_A_ZIP = _("The file is not an H5P package (not a ZIP archive).")
NO_EXTENSION = _("The file “%(name)s” has no extension; such files are not allowed.")
CONTENT_SCRIPT = _(
    "The content folder may not contain scripts or SVG images: “%(name)s”. "
    "Only libraries may bring them."
)
EXTENSION_NOT_ALLOWED = _("The file type “.%(extension)s” is not allowed: “%(name)s”.")
OUTSIDE_FOLDERS = _(
    "The file “%(name)s” is outside the content folder and the library folders; "
    "only h5p.json may be at the top level."
)
MISSING_H5P_JSON = _("The package has no h5p.json file at the top level.")
MISSING_CONTENT_JSON = _("The package has no content/content.json file.")
INVALID_JSON = _("The file “%(name)s” is not valid JSON: %(error)s.")
JSON_NOT_OBJECT = _("The file “%(name)s” must contain a JSON object.")
JSON_FIELD = _("The file “%(name)s” has a missing or invalid field “%(field)s”.")
MAIN_NOT_PRELOADED = _(
    "h5p.json names the main library “%(library)s”, but does not list it in preloadedDependencies."
)
FOLDER_MISMATCH = _(
    "The library folder “%(folder)s” does not match its library.json, which describes "
    "“%(expected)s”."
)
NO_LIBRARY_JSON = _("The library folder “%(folder)s” has no library.json.")
MISSING_DEPENDENCY = _(
    "The package needs the library “%(library)s”, which is neither in the package nor "
    "installed on the platform."
)
MISSING_PRELOADED = _(
    "The library “%(folder)s” lists the file “%(path)s” in library.json, but the package "
    "does not contain it."
)
PRELOADED_WRONG_TYPE = _(
    "The library “%(folder)s” lists “%(path)s” as a %(kind)s file, but it is not one."
)


def limits_from_settings() -> Limits:
    return Limits(
        upload_bytes=settings.H5P_MAX_UPLOAD_BYTES,
        members=settings.H5P_MAX_MEMBERS,
        member_bytes=settings.H5P_MAX_MEMBER_BYTES,
        total_bytes=settings.H5P_MAX_TOTAL_BYTES,
        ratio=settings.H5P_MAX_COMPRESSION_RATIO,
        kept_bytes=settings.H5P_MAX_JSON_BYTES,
    )


Dependency = tuple[str, int, int]  # machine name, major, minor


def dependency_label(dependency: Dependency) -> str:
    machine_name, major, minor = dependency
    return f"{machine_name} {major}.{minor}"


def folder_name(dependency: Dependency) -> str:
    machine_name, major, minor = dependency
    return f"{machine_name}-{major}.{minor}"


@dataclass(frozen=True)
class LibraryInfo:
    """One library folder of a package, with the hash that decides trust."""

    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    preloaded_js: tuple[str, ...]
    preloaded_css: tuple[str, ...]
    dependencies: tuple[Dependency, ...]
    content_hash: str
    files: tuple[str, ...]

    @property
    def folder(self) -> str:
        return folder_name((self.machine_name, self.major, self.minor))

    @property
    def version(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True)
class PackageInfo:
    """What an accepted package holds; `members` are the zip names to extract."""

    title: str
    language: str
    main_library: Dependency
    preloaded: tuple[Dependency, ...]
    libraries: dict[str, LibraryInfo]
    installed_dependencies: tuple[Dependency, ...]
    content_files: tuple[str, ...]
    members: tuple[str, ...]
    content_hash: str
    size: int
    h5p_json: dict = field(repr=False)


def _read_json(data: bytes, name: str) -> dict:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise PackageError(INVALID_JSON, name=name, error=str(error)) from None
    except ValueError as error:
        raise PackageError(INVALID_JSON, name=name, error=str(error)) from None
    if not isinstance(value, dict):
        raise PackageError(JSON_NOT_OBJECT, name=name)
    return value


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 <= value < 100_000:
        return value
    if isinstance(value, str) and value.isdigit() and len(value) <= 5:
        return int(value)
    return None


def _text(data: dict, key: str, name: str, *, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise PackageError(JSON_FIELD, name=name, field=key)
    return value


def _dependencies(data: dict, key: str, name: str, *, required: bool) -> tuple[Dependency, ...]:
    value = data.get(key)
    if value is None and not required:
        return ()
    if not isinstance(value, list) or (required and not value):
        raise PackageError(JSON_FIELD, name=name, field=key)
    result = []
    for item in value:
        if not isinstance(item, dict):
            raise PackageError(JSON_FIELD, name=name, field=key)
        machine_name = item.get("machineName")
        major, minor = _int(item.get("majorVersion")), _int(item.get("minorVersion"))
        if not (isinstance(machine_name, str) and MACHINE_NAME.match(machine_name)):
            raise PackageError(JSON_FIELD, name=name, field=f"{key}.machineName")
        if major is None or minor is None:
            raise PackageError(JSON_FIELD, name=name, field=f"{key}.majorVersion/minorVersion")
        result.append((machine_name, major, minor))
    return tuple(result)


def _file_list(data: dict, key: str, name: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise PackageError(JSON_FIELD, name=name, field=key)
    paths = []
    for item in value:
        path = item.get("path") if isinstance(item, dict) else None
        if not isinstance(path, str):
            raise PackageError(JSON_FIELD, name=name, field=f"{key}.path")
        check_path(path)
        paths.append(path)
    return tuple(paths)


def parse_h5p_json(data: dict) -> tuple[str, str, Dependency, tuple[Dependency, ...]]:
    name = "h5p.json"
    title = _text(data, "title", name)
    language = _text(data, "language", name)
    main = _text(data, "mainLibrary", name)
    if not MACHINE_NAME.match(main):
        raise PackageError(JSON_FIELD, name=name, field="mainLibrary")
    preloaded = _dependencies(data, "preloadedDependencies", name, required=True)
    embed_types = data.get("embedTypes")
    if (
        not isinstance(embed_types, list)
        or not embed_types
        or not all(isinstance(kind, str) and kind in EMBED_TYPES for kind in embed_types)
    ):
        raise PackageError(JSON_FIELD, name=name, field="embedTypes")
    main_dependency = next((dep for dep in preloaded if dep[0] == main), None)
    if main_dependency is None:
        raise PackageError(MAIN_NOT_PRELOADED, library=main)
    return title, language, main_dependency, preloaded


def parse_library_json(data: dict, folder: str, files: dict[str, str]) -> LibraryInfo:
    """`files` maps every path in the folder to its sha256."""
    name = f"{folder}/library.json"
    title = _text(data, "title", name)
    machine_name = _text(data, "machineName", name)
    if not MACHINE_NAME.match(machine_name):
        raise PackageError(JSON_FIELD, name=name, field="machineName")
    versions = {
        key: _int(data.get(key)) for key in ("majorVersion", "minorVersion", "patchVersion")
    }
    for key, value in versions.items():
        if value is None:
            raise PackageError(JSON_FIELD, name=name, field=key)
    runnable = data.get("runnable")
    if runnable not in (0, 1, True, False):
        raise PackageError(JSON_FIELD, name=name, field="runnable")
    expected = folder_name((machine_name, versions["majorVersion"], versions["minorVersion"]))
    if folder != expected:
        raise PackageError(FOLDER_MISMATCH, folder=folder, expected=expected)
    preloaded = {
        "JavaScript": _file_list(data, "preloadedJs", name),
        "CSS": _file_list(data, "preloadedCss", name),
    }
    for kind, paths in preloaded.items():
        wanted = "js" if kind == "JavaScript" else "css"
        for path in paths:
            if path not in files:
                raise PackageError(MISSING_PRELOADED, folder=folder, path=path)
            if _extension(path) != wanted:
                raise PackageError(PRELOADED_WRONG_TYPE, folder=folder, path=path, kind=kind)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(f"{path}\x00{files[path]}\n".encode())
    return LibraryInfo(
        machine_name=machine_name,
        major=versions["majorVersion"],
        minor=versions["minorVersion"],
        patch=versions["patchVersion"],
        title=title,
        runnable=bool(runnable),
        preloaded_js=preloaded["JavaScript"],
        preloaded_css=preloaded["CSS"],
        dependencies=_dependencies(data, "preloadedDependencies", name, required=False),
        content_hash=digest.hexdigest(),
        files=tuple(sorted(files)),
    )


def validate_package(
    fileobj,
    *,
    limits: Limits | None = None,
    is_installed: Callable[[Dependency], bool] = lambda dependency: False,
) -> PackageInfo:
    """Check an uploaded package; `is_installed` says whether a dependency
    missing from the package is available on the platform already."""
    limits = limits or limits_from_settings()
    with archive_open(
        fileobj,
        limits,
        not_a_zip=NOT_A_ZIP,
        # H5P core skips dot and underscore files.
        skip=lambda parts: any(part[0] in "._" for part in parts),
        check_type=_check_type,
    ) as archive:
        return _validate_members(archive, limits, is_installed)


def _check_type(name: str, parts: list[str]) -> None:
    if len(parts) == 1 and name != "h5p.json":
        raise PackageError(OUTSIDE_FOLDERS, name=name)
    extension = _extension(name)
    if not extension:
        raise PackageError(NO_EXTENSION, name=name)
    if parts[0] == "content":
        if extension in ("js", "svg", "mjs", "svgz"):
            raise PackageError(CONTENT_SCRIPT, name=name)
        if extension not in CONTENT_EXTENSIONS:
            raise PackageError(EXTENSION_NOT_ALLOWED, extension=extension, name=name)
    elif len(parts) > 1 and extension not in LIBRARY_EXTENSIONS:
        raise PackageError(EXTENSION_NOT_ALLOWED, extension=extension, name=name)


def _validate_members(archive: Archive, limits: Limits, is_installed) -> PackageInfo:
    members = archive.members
    names = {member.name for member in members}
    if "h5p.json" not in names:
        raise PackageError(MISSING_H5P_JSON)
    if "content/content.json" not in names:
        raise PackageError(MISSING_CONTENT_JSON)

    # Then every member is read (and its CRC checked) with the real sizes counted.
    json_files: dict[str, bytes] = {}
    library_files: dict[str, dict[str, str]] = {}
    total = 0
    for member in members:
        keep = member.name.endswith(".json")
        data, digest, read = member_read(archive, member, limits, total, keep=keep)
        total += read
        if data is not None:
            json_files[member.name] = data
        parts = member.parts
        if parts[0] != "content" and len(parts) > 1:
            library_files.setdefault(parts[0], {})["/".join(parts[1:])] = digest

    h5p_json = _read_json(json_files["h5p.json"], "h5p.json")
    title, language, main, preloaded = parse_h5p_json(h5p_json)
    _read_json(json_files["content/content.json"], "content/content.json")

    libraries: dict[str, LibraryInfo] = {}
    for folder, files in sorted(library_files.items()):
        if "library.json" not in files:
            raise PackageError(NO_LIBRARY_JSON, folder=folder)
        data = _read_json(json_files[f"{folder}/library.json"], f"{folder}/library.json")
        libraries[folder] = parse_library_json(data, folder, files)

    installed = _check_dependencies(preloaded, libraries, is_installed)
    return PackageInfo(
        title=title,
        language=language,
        main_library=main,
        preloaded=preloaded,
        libraries=libraries,
        installed_dependencies=installed,
        content_files=tuple(
            sorted(member.name for member in members if member.parts[0] == "content")
        ),
        members=tuple(member.name for member in members),
        content_hash=archive.sha256,
        size=archive.size,
        h5p_json=h5p_json,
    )


def _check_dependencies(
    preloaded: Iterable[Dependency],
    libraries: dict[str, LibraryInfo],
    is_installed: Callable[[Dependency], bool],
) -> tuple[Dependency, ...]:
    """Every dependency, followed through the package's libraries, must be in
    the package or installed; returns those taken from the installed ones."""
    pending = list(preloaded)
    seen: set[Dependency] = set()
    installed: list[Dependency] = []
    while pending:
        dependency = pending.pop(0)
        if dependency in seen:
            continue
        seen.add(dependency)
        library = libraries.get(folder_name(dependency))
        if library is not None:
            pending.extend(library.dependencies)
        elif is_installed(dependency):
            installed.append(dependency)
        else:
            raise PackageError(MISSING_DEPENDENCY, library=dependency_label(dependency))
    return tuple(installed)
