"""Reading and checking a participant list (CSV or XLSX) before anything is
saved. Pure functions: they take the uploaded bytes and lookup tables and
return rows with their problems, so the admin can show a full preview."""

import csv
import io
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from lms.errors import ServiceError
from lms.formulas import FORMULA_STARTS

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000

FILE_TOO_LARGE = _("The file is larger than 2 MB. Split it into smaller files.")
FILE_EMPTY = _("The file is empty.")
FILE_NOT_UTF8 = _(
    "The file is not in UTF-8 encoding. In Excel choose “Save as” → “CSV UTF-8 "
    "(comma delimited)”, or upload the XLSX file."
)
FILE_NOT_SPREADSHEET = _("The file is not a readable XLSX spreadsheet. Save it again in Excel.")
FILE_UNKNOWN_TYPE = _("Upload a CSV file or an XLSX spreadsheet.")
FILE_TOO_MANY_ROWS = _("The file has more than 5000 rows. Split it into smaller files.")
FILE_MISSING_COLUMNS = _("Required columns are missing: %(columns)s.")
FILE_NO_ROWS = _("The file has a header but no participants.")

ROW_MISSING_FIRST_NAME = _("first name is missing")
ROW_MISSING_LAST_NAME = _("last name is missing")
ROW_BAD_EMAIL = _("“%(value)s” is not a valid email address")
ROW_MISSING_EMAIL = _("email is missing")
ROW_DUPLICATE_EMAIL = _("this email already appears in row %(line)s")
ROW_MISSING_INSTITUTION = _("institution is missing")
ROW_UNKNOWN_INSTITUTION = _("institution “%(value)s” is unknown or outside your scope")
ROW_USER_OUTSIDE_SCOPE = _("this person belongs to an institution outside your scope")
ROW_BAD_GENDER = _("gender “%(value)s” is not recognised (use K or M, or leave it empty)")
ROW_FORMULA_START = _(
    "Cell “%(column)s” starts with “%(char)s” – it will be stored as plain text, not a formula."
)

# Accepted header names (after normalisation) for each column.
HEADERS = {
    "first_name": {"imie", "first name", "firstname", "first_name", "given name"},
    "last_name": {"nazwisko", "last name", "lastname", "last_name", "surname", "family name"},
    "email": {"e-mail", "email", "adres e-mail", "adres email", "mail", "email address"},
    "institution": {"jednostka", "institution", "instytucja", "unit", "szkola/jednostka"},
    "position": {"stanowisko", "position", "job title", "funkcja"},
    "gender": {"plec", "gender", "sex"},
}
REQUIRED = ("first_name", "last_name", "email", "institution")
# The cells stored as the participant's text, named as the preview's columns.
STORED_TEXT = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "email": _("Email"),
    "position": _("Position"),
}
GENDERS = {
    "k": "K",
    "kobieta": "K",
    "f": "K",
    "female": "K",
    "m": "M",
    "mezczyzna": "M",
    "male": "M",
}


class ImportFileError(ServiceError):
    """The file as a whole cannot be read."""


@dataclass
class ParticipantRow:
    """One participant from the file, normalised, with its problems."""

    line: int
    first_name: str
    last_name: str
    email: str
    institution_name: str
    position: str
    gender_raw: str = ""
    institution_id: int | None = None
    gender: str | None = None
    is_update: bool = False
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def normalise(text: str) -> str:
    """Lower case without Polish diacritics or extra spaces, for matching."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.lower().split())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """Rows of cells from CSV (UTF-8, with or without BOM, `;` or `,`) or XLSX."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(FILE_TOO_LARGE)
    if not data.strip():
        raise ImportFileError(FILE_EMPTY)
    name = filename.lower()
    if name.endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    if name.endswith((".csv", ".txt")):
        return _read_csv(data)
    raise ImportFileError(FILE_UNKNOWN_TYPE)


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(FILE_NOT_UTF8) from None
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise ImportFileError(FILE_NOT_SPREADSHEET) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(c) for c in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _column_map(header: list[str]) -> dict[str, int]:
    columns = {}
    for index, title in enumerate(header):
        key = normalise(title).rstrip(":*")
        for column, names in HEADERS.items():
            if key in names and column not in columns:
                columns[column] = index
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        labels = {"first_name": "imię", "last_name": "nazwisko", "email": "e-mail",
                  "institution": "jednostka"}  # fmt: skip
        raise ImportFileError(
            FILE_MISSING_COLUMNS % {"columns": ", ".join(labels[c] for c in missing)}
        )
    return columns


def parse_rows(table: list[list[str]]) -> list[ParticipantRow]:
    """Map the header to our columns and turn data lines into rows."""
    table = [row for row in table if any(cell.strip() for cell in row)]
    if not table:
        raise ImportFileError(FILE_EMPTY)
    columns = _column_map(table[0])
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(FILE_TOO_MANY_ROWS)
    if len(table) == 1:
        raise ImportFileError(FILE_NO_ROWS)

    def get(row, column):
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    return [
        ParticipantRow(
            line=number,
            first_name=get(row, "first_name"),
            last_name=get(row, "last_name"),
            email=get(row, "email").lower(),
            institution_name=get(row, "institution"),
            position=get(row, "position"),
            gender_raw=get(row, "gender"),
        )
        for number, row in enumerate(table[1:], start=2)
    ]


def formula_warnings(row: ParticipantRow) -> list[str]:
    """A warning per stored cell a spreadsheet would take for a formula: the
    import keeps it as the literal text (and our exports neutralise it), so
    the importer learns what will be saved. A leading tab or carriage return
    never reaches a row (`_cell` folds white space), the other starts do."""
    return [
        str(ROW_FORMULA_START % {"column": label, "char": getattr(row, name)[0]})
        for name, label in STORED_TEXT.items()
        if getattr(row, name).startswith(FORMULA_STARTS)
    ]


def validate_rows(
    rows: list[ParticipantRow],
    *,
    institutions: dict[str, int],
    existing_users: dict[str, int | None],
    scope_ids: set[int] | None,
    collect_gender: bool,
) -> list[ParticipantRow]:
    """Attach every problem to its row. `institutions` maps normalised names
    and short names in the importer's scope to ids; `existing_users` maps
    emails already registered to their institution id. Warnings do not
    stop the import."""
    first_seen: dict[str, int] = {}
    for row in rows:
        row.errors = []
        row.warnings = formula_warnings(row)
        if not row.first_name:
            row.errors.append(str(ROW_MISSING_FIRST_NAME))
        if not row.last_name:
            row.errors.append(str(ROW_MISSING_LAST_NAME))
        if not row.email:
            row.errors.append(str(ROW_MISSING_EMAIL))
        else:
            try:
                validate_email(row.email)
            except ValidationError:
                row.errors.append(str(ROW_BAD_EMAIL % {"value": row.email}))
            if row.email in first_seen:
                row.errors.append(str(ROW_DUPLICATE_EMAIL % {"line": first_seen[row.email]}))
            else:
                first_seen[row.email] = row.line
        if not row.institution_name:
            row.errors.append(str(ROW_MISSING_INSTITUTION))
        else:
            row.institution_id = institutions.get(normalise(row.institution_name))
            if row.institution_id is None:
                row.errors.append(str(ROW_UNKNOWN_INSTITUTION % {"value": row.institution_name}))
        row.is_update = row.email in existing_users
        if row.is_update and scope_ids is not None:
            current = existing_users[row.email]
            if current is None or current not in scope_ids:
                row.errors.append(str(ROW_USER_OUTSIDE_SCOPE))
        row.gender = None
        if collect_gender:
            raw = normalise(row.gender_raw)
            if raw:
                row.gender = GENDERS.get(raw)
                if row.gender is None:
                    row.errors.append(str(ROW_BAD_GENDER % {"value": row.gender_raw}))
            else:
                row.gender = ""
    return rows
