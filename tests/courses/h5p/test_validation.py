"""The upload validator against every refusal of the issue and against
valid packages: each case is refused with its own message."""

import json
import zipfile

import pytest

from courses import archives
from courses.h5p import content_type
from courses.h5p import validation as v
from tests.fixtures.h5p import (
    h5p_json,
    mark_encrypted,
    package_files,
    valid_package,
    with_files,
    zip_of,
)

LIB = "H5P.CheckpointQuestion-1.0"
LIMITS = archives.Limits(
    upload_bytes=20 * 1024 * 1024,
    members=50,
    member_bytes=10 * 1024 * 1024,
    total_bytes=30 * 1024 * 1024,
    ratio=100,
    kept_bytes=1024 * 1024,
)


def check(data: bytes, *, limits=LIMITS, is_installed=lambda dependency: False):
    import io

    return v.validate_package(io.BytesIO(data), limits=limits, is_installed=is_installed)


def refused(data: bytes, **kwargs) -> archives.PackageError:
    with pytest.raises(archives.PackageError) as caught:
        check(data, **kwargs)
    return caught.value


def test_the_projects_content_type_is_valid():
    info = check(valid_package())
    assert info.title == "Punkt kontrolny: hasło"
    assert info.main_library == ("H5P.CheckpointQuestion", 1, 0)
    library = info.libraries[LIB]
    assert library.preloaded_js == ("scripts/checkpoint.js",)
    assert library.preloaded_css == ("styles/checkpoint.css",)
    assert len(library.content_hash) == 64
    assert info.content_files == ("content/content.json",)
    # The same content gives the same file and hash (the demo relies on it).
    assert check(valid_package()).content_hash == info.content_hash


def test_a_package_from_another_tool_with_extras_is_valid():
    """Media in content, a language file and fonts in a library, dot and
    underscore files (skipped, as H5P core does), an already installed
    dependency left out of the package."""
    files = package_files(valid_package())
    library = json.loads(files[f"{LIB}/library.json"])
    library["preloadedDependencies"] = [
        {"machineName": "FontAwesome", "majorVersion": 4, "minorVersion": 5}
    ]
    data = with_files(
        valid_package(),
        add={
            f"{LIB}/library.json": json.dumps(library).encode(),
            f"{LIB}/language/pl.json": b"{}",
            f"{LIB}/fonts/icons.woff2": b"wOF2",
            f"{LIB}/icons/check.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "content/images/screen.png": b"\x89PNG",
            "content/audio/intro.mp3": b"ID3",
            ".DS_Store": b"x",
            "__MACOSX/._h5p.json": b"x",
        },
    )
    info = check(data, is_installed=lambda dep: dep == ("FontAwesome", 4, 5))
    assert info.installed_dependencies == (("FontAwesome", 4, 5),)
    assert "content/images/screen.png" in info.content_files
    assert ".DS_Store" not in info.members


def test_not_a_zip():
    assert refused(b"%PDF-1.7 not a zip").template == v.NOT_A_ZIP


@pytest.mark.parametrize(
    "name", ["../evil.json", "content/../../evil.json", "/etc/passwd.txt", "C:/evil.txt"]
)
def test_unsafe_paths(name):
    data = with_files(valid_package(), add={name: b"{}"})
    error = refused(data)
    assert error.template == archives.UNSAFE_PATH
    assert name in error.message


def test_backslash_and_nul_in_names():
    assert refused(with_files(valid_package(), add={"content\\x.json": b"{}"})).template == (
        archives.UNSAFE_PATH
    )


def test_symlink_member():
    files = package_files(valid_package())
    files["content/link.json"] = b"/etc/passwd"
    error = refused(zip_of(files, symlinks={"content/link.json"}))
    assert error.template == archives.SYMLINK


def test_encrypted_member():
    error = refused(mark_encrypted(valid_package(), "content/content.json"))
    assert error.template == archives.ENCRYPTED
    assert "content/content.json" in error.message


def test_duplicate_names():
    files = list(package_files(valid_package()).items())
    files.append(("content/content.json", b"{}"))
    assert refused(zip_of(files)).template == archives.DUPLICATE


@pytest.mark.parametrize(
    ("name", "template"),
    [
        (f"{LIB}/scripts/shell.php", v.EXTENSION_NOT_ALLOWED),
        (f"{LIB}/index.html", v.EXTENSION_NOT_ALLOWED),
        ("content/setup.exe", v.EXTENSION_NOT_ALLOWED),
        ("content/movie.swf", v.EXTENSION_NOT_ALLOWED),
        (f"{LIB}/scripts/README", v.NO_EXTENSION),
        ("content/images/picture", v.NO_EXTENSION),
        ("content/steal.js", v.CONTENT_SCRIPT),
        ("content/images/logo.svg", v.CONTENT_SCRIPT),
        ("notes.txt", v.OUTSIDE_FOLDERS),
    ],
)
def test_file_types(name, template):
    error = refused(with_files(valid_package(), add={name: b"x"}))
    assert error.template == template
    assert name in error.message


def test_missing_h5p_json():
    assert refused(with_files(valid_package(), remove={"h5p.json"})).template == (
        v.MISSING_H5P_JSON
    )


def test_missing_content_json():
    data = with_files(valid_package(), remove={"content/content.json"})
    assert refused(data).template == v.MISSING_CONTENT_JSON


@pytest.mark.parametrize("name", ["h5p.json", "content/content.json", f"{LIB}/library.json"])
def test_invalid_json(name):
    error = refused(with_files(valid_package(), add={name: b"{not json"}))
    assert error.template == v.INVALID_JSON
    assert name in error.message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"mainLibrary": None}, "mainLibrary"),
        ({"preloadedDependencies": []}, "preloadedDependencies"),
        ({"embedTypes": ["popup"]}, "embedTypes"),
        ({"language": 5}, "language"),
    ],
)
def test_h5p_json_fields(changes, field):
    error = refused(with_files(valid_package(), add={"h5p.json": h5p_json(**changes)}))
    assert error.template == v.JSON_FIELD
    assert error.params["field"] == field


def test_main_library_must_be_preloaded():
    data = with_files(valid_package(), add={"h5p.json": h5p_json(mainLibrary="H5P.Other")})
    assert refused(data).template == v.MAIN_NOT_PRELOADED


def test_missing_dependency():
    dependencies = [
        {"machineName": "H5P.CheckpointQuestion", "majorVersion": 1, "minorVersion": 0},
        {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3},
    ]
    data = with_files(
        valid_package(), add={"h5p.json": h5p_json(preloadedDependencies=dependencies)}
    )
    error = refused(data)
    assert error.template == v.MISSING_DEPENDENCY
    assert "H5P.JoubelUI 1.3" in error.message
    # Installed on the platform: fine.
    assert check(data, is_installed=lambda dep: dep[0] == "H5P.JoubelUI").installed_dependencies


def test_library_folder_must_match_library_json():
    files = package_files(valid_package())
    renamed = {
        name.replace(LIB, "H5P.CheckpointQuestion-2.0"): data for name, data in files.items()
    }
    error = refused(zip_of(renamed))
    assert error.template == v.FOLDER_MISMATCH
    assert error.params == {
        "folder": "H5P.CheckpointQuestion-2.0",
        "expected": "H5P.CheckpointQuestion-1.0",
    }


def test_library_folder_without_library_json():
    data = with_files(valid_package(), add={"H5P.Extra-1.0/scripts/extra.js": b"1"})
    assert refused(data).template == v.NO_LIBRARY_JSON


@pytest.mark.parametrize("key", ["preloadedJs", "preloadedCss"])
def test_preloaded_file_not_in_the_package(key):
    files = package_files(valid_package())
    library = json.loads(files[f"{LIB}/library.json"])
    library[key] = [{"path": "scripts/missing.js" if key == "preloadedJs" else "missing.css"}]
    error = refused(with_files(valid_package(), add={f"{LIB}/library.json": json.dumps(library)}))
    assert error.template == v.MISSING_PRELOADED


def test_library_json_needs_versions():
    files = package_files(valid_package())
    library = json.loads(files[f"{LIB}/library.json"])
    del library["patchVersion"]
    error = refused(with_files(valid_package(), add={f"{LIB}/library.json": json.dumps(library)}))
    assert error.template == v.JSON_FIELD
    assert error.params["field"] == "patchVersion"


def test_zip_bomb_is_stopped_before_it_expands():
    bomb = with_files(valid_package(), add={"content/big.txt": b"\0" * (8 * 1024 * 1024)})
    assert len(bomb) < 100_000  # tiny file, huge expansion
    error = refused(bomb)
    assert error.template == archives.RATIO_TOO_HIGH
    assert "content/big.txt" in error.message


def test_a_member_bigger_than_allowed():
    limits = archives.Limits(**{**LIMITS.__dict__, "member_bytes": 1000, "ratio": 10_000})
    data = with_files(valid_package(), add={"content/notes.txt": b"a" * 5000})
    assert refused(data, limits=limits).template == archives.MEMBER_TOO_BIG


def test_total_size_limit():
    limits = archives.Limits(**{**LIMITS.__dict__, "total_bytes": 5000})
    assert refused(valid_package(), limits=limits).template == archives.TOTAL_TOO_BIG


def test_upload_size_limit():
    limits = archives.Limits(**{**LIMITS.__dict__, "upload_bytes": 1000})
    error = refused(valid_package(), limits=limits)
    assert error.template == archives.TOO_BIG


def test_too_many_members():
    files = {f"content/images/{n}.png": b"\x89PNG" for n in range(60)}
    error = refused(with_files(valid_package(), add=files))
    assert error.template == archives.TOO_MANY_MEMBERS
    assert error.params == {"limit": 50}


def test_limits_come_from_settings(settings):
    settings.H5P_MAX_MEMBERS = 3
    import io

    with pytest.raises(archives.PackageError) as caught:
        v.validate_package(io.BytesIO(valid_package()))
    assert caught.value.template == archives.TOO_MANY_MEMBERS


def test_a_stored_zip_is_read_too():
    files = package_files(valid_package())
    assert check(zip_of(files, compression=zipfile.ZIP_STORED)).title


def test_builder_packs_the_library_from_the_repository():
    files = package_files(content_type.example_package())
    assert set(files) == {
        "h5p.json",
        "content/content.json",
        f"{LIB}/library.json",
        f"{LIB}/scripts/checkpoint.js",
        f"{LIB}/styles/checkpoint.css",
    }
