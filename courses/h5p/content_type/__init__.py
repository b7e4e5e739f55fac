"""The project's own H5P content type, H5P.CheckpointQuestion 1.0: a real
H5P library (library.json, a script, a stylesheet in the folder beside this
file) and a builder that packs it with content into a `.h5p` file. The demo
courses and the tests use it, since hub libraries cannot be downloaded here.

The archive is deterministic (sorted members, fixed timestamps), so the same
content gives the same bytes and the same content hash; the library folder's
hash stays the same until its source changes.

    python -m courses.h5p.content_type out.h5p   # writes an example package"""

import io
import json
import zipfile
from pathlib import Path

LIBRARY = "H5P.CheckpointQuestion"
LIBRARY_FOLDER = Path(__file__).resolve().parent / f"{LIBRARY}-1.0"
TIMESTAMP = (2026, 1, 1, 0, 0, 0)

POLISH_L10N = {
    "check": "Sprawdź",
    "retry": "Spróbuj ponownie",
    "correct": "Dobrze.",
    "wrong": "Niezupełnie. Spróbuj ponownie.",
    "chooseFirst": "Najpierw wybierz odpowiedź.",
    "score": "Wynik: :score z :max.",
}

EXAMPLE = {
    "title": "Punkt kontrolny: blokada ekranu",
    "question": "Odchodzisz od służbowego laptopa na chwilę. Co robisz?",
    "answers": [
        {"text": "Blokuję ekran (Windows + L)", "correct": True, "feedback": "Dobrze."},
        {"text": "Zostawiam otwarty, bo zaraz wrócę", "correct": False, "feedback": "Ryzyko."},
    ],
}


def library_files() -> dict[str, bytes]:
    """The library's files by their path inside the package."""
    return {
        f"{LIBRARY_FOLDER.name}/{path.relative_to(LIBRARY_FOLDER).as_posix()}": path.read_bytes()
        for path in sorted(LIBRARY_FOLDER.rglob("*"))
        if path.is_file()
    }


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=TIMESTAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def h5p_json(title: str, language: str = "pl") -> dict:
    return {
        "title": title,
        "language": language,
        "defaultLanguage": language,
        "mainLibrary": LIBRARY,
        "embedTypes": ["iframe"],
        "license": "U",
        "preloadedDependencies": [{"machineName": LIBRARY, "majorVersion": 1, "minorVersion": 0}],
    }


def build_package(
    *,
    title: str,
    question: str,
    answers: list[dict],
    language: str = "pl",
    extra_files: dict[str, bytes] | None = None,
    include_library: bool = True,
) -> bytes:
    """A `.h5p` file with one checkpoint question. `answers` are dicts with
    `text`, `correct` and optionally `feedback`. `extra_files` (name ->
    bytes, replacing same-named ones) and `include_library` let tests build
    broken packages from a valid one."""
    content = {
        "question": question,
        "answers": [
            {
                "text": answer["text"],
                "correct": bool(answer.get("correct")),
                "feedback": answer.get("feedback", ""),
            }
            for answer in answers
        ],
        "l10n": POLISH_L10N if language == "pl" else {},
    }
    files = {
        "h5p.json": json.dumps(h5p_json(title, language), ensure_ascii=False, indent=2).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False, indent=2).encode(),
        **(library_files() if include_library else {}),
        **(extra_files or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            _write(archive, name, files[name])
    return buffer.getvalue()


def example_package() -> bytes:
    return build_package(**EXAMPLE)
