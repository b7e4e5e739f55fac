"""Backup and restore of a whole installation, for `manage.py backup` and
`manage.py restore`.

One `.tar.gz` archive holds:

- `manifest.json`: when and from what it was made (Django, Wagtail and Python
  versions, database vendor), the applied migrations per app, the row count of
  every table and the files of every storage;
- `database.jsonl`: every row of every model as Django's JSON Lines
  serialization, primary keys kept, written and read one row at a time so
  memory stays bounded. Django's own serialization rather than `pg_dump` or a
  copy of the SQLite file, so one procedure works on both databases (and a
  backup from SQLite restores into PostgreSQL). No natural keys: content
  types, permissions and Wagtail's page tree (treebeard paths) are restored
  with the very ids the other rows point at;
- `files/<storage alias>/...`: the files of every storage kept on this
  machine's disk (`default` is MEDIA_ROOT, `private` is PRIVATE_ROOT).

Left out on purpose (see `EXCLUDED_APPS`): Wagtail's search index, which is
derived data in backend-specific columns (and, on SQLite, an FTS virtual
table that PostgreSQL does not have); the restore rebuilds it. The database
cache table (`django_cache`) is not a model and is never dumped; the restore
clears the cache. Sessions, allauth's session list and the task queue are
kept: login evidence ("expired" events) needs the sessions' expiry times, and
queued jobs (certificate ZIPs, evidence packs) still finish after a restore.

The restore goes only into an installation migrated to the same migrations
and holding no data of its own (unless forced); it empties the database,
loads the rows in one transaction (all or nothing), checks the row counts
against the manifest, resets PostgreSQL's sequences, then puts the files
back, clears the cache and rebuilds the search index.
"""

import datetime
import io
import json
import os
import platform
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import sql_flush
from django.core.serializers import serialize
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, models, router, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.models import Institution, User

FORMAT = "cyfrowa-akademia-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATA_NAME = "database.jsonl"
FILES_DIR = "files"
# Apps whose rows are not backed up: Wagtail's search index (rebuilt on restore).
EXCLUDED_APPS = frozenset({"wagtailsearch"})
# Storages that are not data: collectstatic rebuilds the static files.
SKIPPED_STORAGES = frozenset({"staticfiles"})
CHUNK_SIZE = 2000
CONTENT_TYPES = "contenttypes.contenttype"

NOT_AN_ARCHIVE = "{path} is not a backup archive made by `manage.py backup`."
NEWER_FORMAT = (
    "{path} was made by a newer version (backup format {version}); update the code first."
)
MIGRATIONS_DIFFER = (
    "The database is not migrated to the backup's migrations ({differences}). "
    "Install the release the backup was made with, run `manage.py migrate`, then restore."
)
NOT_EMPTY = (
    "This installation already holds data ({found}). Restore into an empty installation "
    "(a new database after `manage.py migrate`), or pass --force to replace everything in it."
)
STORAGE_MISSING = (
    "The backup holds files of the storage '{alias}', which this installation does not keep "
    "on local disk (STORAGES['{alias}'] must be a FileSystemStorage)."
)
COUNTS_DIFFER = (
    "The loaded rows do not match the manifest ({differences}); the database was left unchanged."
)
UNSAFE_MEMBER = "The archive holds an unsafe or unexpected member: {name}"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; nothing was changed."""


class _ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds (ECMA-262); a backup keeps
    microseconds, so ordering by time and equality of timestamps survive."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def backup_models(using: str = DEFAULT_DB_ALIAS) -> list[type[models.Model]]:
    """The concrete, managed models whose rows a backup holds, in a stable
    order (apps, then models as registered) with content types first:
    building a Wagtail page subclass from its row looks its content type up
    (`Page.__init__`), which must then find the backup's row instead of
    creating one with another id. Many-to-many tables that Django creates are
    written with their owner's rows."""
    model_list = [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and model._meta.app_label not in EXCLUDED_APPS
        and router.allow_migrate_model(using, model)
    ]
    return sorted(model_list, key=lambda model: model._meta.label_lower != CONTENT_TYPES)


def _counted_tables(model_list) -> Iterator[tuple[str, object]]:
    """(label, manager) of each model and of each many-to-many table Django
    created for it: the row counts the manifest keeps and the restore checks."""
    for model in model_list:
        yield model._meta.label_lower, model._base_manager
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                yield through._meta.label_lower, through._base_manager


def table_counts(model_list, *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows per model (and per automatic many-to-many table)."""
    return {label: manager.using(using).count() for label, manager in _counted_tables(model_list)}


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """The migrations recorded as applied, per app, sorted."""
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(applied.items())}


def local_storages() -> tuple[dict[str, Path], list[str]]:
    """The storages whose files are on this machine's disk, as alias →
    folder (one alias per folder), and the aliases of the other storages
    (S3 and the like: back those up with the provider's tools)."""
    local: dict[str, Path] = {}
    elsewhere: list[str] = []
    for alias in storages.backends:
        if alias in SKIPPED_STORAGES:
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            location = Path(storage.location).resolve()
            if location not in local.values():
                local[alias] = location
        else:
            elsewhere.append(alias)
    return local, elsewhere


def _files_of(location: Path) -> list[tuple[Path, str, int]]:
    """(path, path inside the folder, size) of the regular files below a
    folder, sorted; symbolic links are not followed."""
    found = []
    if not location.is_dir():
        return found
    for folder, dirs, files in os.walk(location):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(location).as_posix(), path.stat().st_size))
    return found


@contextmanager
def _consistent_read(using: str):
    """Make every query of the dump see the database at one moment, without
    stopping the site: a read-only REPEATABLE READ transaction on
    PostgreSQL; on SQLite a deferred read transaction, which in WAL mode does
    not block writers (Django's own `atomic` would BEGIN IMMEDIATE here and
    make heartbeats wait for the whole dump)."""
    connection = connections[using]
    if connection.in_atomic_block:
        yield  # already inside a transaction (a test, a caller's atomic): use it
        return
    with connection.cursor():
        pass  # connect and run the health check before the transaction starts
    if connection.vendor == "postgresql":
        with transaction.atomic(using=using):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
    else:
        with transaction.atomic(using=using):
            yield


def _rows(model, using: str):
    """Every row of a model, in primary key order, read in chunks; plain
    many-to-many fields prefetched per chunk instead of one query a row."""
    prefetch = [
        field.name
        for field in model._meta.local_many_to_many
        if type(field) is models.ManyToManyField
        and field.serialize
        and field.remote_field.through._meta.auto_created
    ]
    queryset = model._base_manager.using(using).order_by("pk")
    if prefetch:
        queryset = queryset.prefetch_related(*prefetch)
    return queryset.iterator(chunk_size=CHUNK_SIZE)


def database_dump(stream, *, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Write every backed-up row to a text stream as JSON Lines, all read in
    one consistent snapshot; return the row counts for the manifest."""
    model_list = backup_models(using)
    with _consistent_read(using):
        for model in model_list:
            serialize("jsonl", _rows(model, using), stream=stream, cls=_ExactJSONEncoder)
        return table_counts(model_list, using=using)


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def backup_create(path, *, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Write a backup archive of the database and the local storages to
    `path` and return its manifest. The database is read first (one
    snapshot), then the files, so only files deleted during the backup can be
    missing. The archive holds password hashes and personal data: it is
    created readable by its owner only, and appears under its name only
    when complete."""
    path = Path(path)
    locations, elsewhere = local_storages()
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        data_path = Path(work) / DATA_NAME
        with data_path.open("w", encoding="utf-8") as stream:
            counts = database_dump(stream, using=using)
        files = {alias: _files_of(location) for alias, location in locations.items()}
        applied = applied_migrations(using)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "versions": {
                "django": django.get_version(),
                "wagtail": wagtail.__version__,
                "python": platform.python_version(),
            },
            "database_vendor": connections[using].vendor,
            "latest_migrations": {app_label: names[-1] for app_label, names in applied.items()},
            "applied_migrations": applied,
            "counts": counts,
            "excluded": {
                "apps": sorted(EXCLUDED_APPS),
                "storages not on local disk": elsewhere,
            },
            "files": {
                alias: {"count": len(found), "bytes": sum(size for *_rest, size in found)}
                for alias, found in files.items()
            },
        }
        partial = Path(work) / "archive.tar.gz"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
            tar.add(data_path, arcname=DATA_NAME)
            for alias, found in files.items():
                for file_path, relative, _size in found:
                    try:
                        tar.add(file_path, arcname=f"{FILES_DIR}/{alias}/{relative}")
                    except FileNotFoundError:
                        continue  # deleted since it was listed: it is gone from the site too
        os.replace(partial, path)
    return manifest


def manifest_read(path) -> dict:
    """The manifest of a backup archive (the archive's first member)."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.next()
            if member is None or member.name != MANIFEST_NAME or not member.isfile():
                raise BackupError(NOT_AN_ARCHIVE.format(path=path))
            manifest = json.load(tar.extractfile(member))
    except (OSError, tarfile.TarError, ValueError) as error:
        raise BackupError(NOT_AN_ARCHIVE.format(path=path)) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(NOT_AN_ARCHIVE.format(path=path))
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(NEWER_FORMAT.format(path=path, version=manifest["format_version"]))
    return manifest


def migration_differences(manifest: dict, *, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """How this database's applied migrations differ from the backup's, one
    line per app (empty when they are the same)."""
    here = applied_migrations(using)
    there = manifest["applied_migrations"]
    differences = []
    for app_label in sorted(set(here) | set(there)):
        if set(here.get(app_label, [])) != set(there.get(app_label, [])):
            ours = here.get(app_label, ["none"])[-1]
            theirs = there.get(app_label, ["none"])[-1]
            differences.append(f"{app_label}: backup at {theirs}, this database at {ours}")
    return differences


def installation_data(*, using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """What this installation holds beyond what `migrate` creates (a root
    page, Wagtail's welcome page, the root collection, groups, locales,
    content types and permissions): users, pages, documents, images and
    institutions, by count, only those present."""
    found = {
        "users": User._base_manager.using(using).count(),
        "pages": Page._base_manager.using(using).filter(depth__gt=2).count(),
        "documents": get_document_model()._base_manager.using(using).count(),
        "images": get_image_model()._base_manager.using(using).count(),
        "institutions": Institution._base_manager.using(using).count(),
    }
    return {name: count for name, count in found.items() if count}


def restore_check(manifest: dict, *, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> None:
    """Refuse a restore that would go wrong, before anything is changed:
    other migrations, an installation with data of its own (unless forced),
    files for a storage this installation does not keep on disk."""
    differences = migration_differences(manifest, using=using)
    if differences:
        raise BackupError(MIGRATIONS_DIFFER.format(differences="; ".join(differences)))
    if not force:
        found = installation_data(using=using)
        if found:
            described = ", ".join(f"{count} {name}" for name, count in found.items())
            raise BackupError(NOT_EMPTY.format(found=described))
    locations, _elsewhere = local_storages()
    for alias, described in manifest["files"].items():
        if described["count"] and alias not in locations:
            raise BackupError(STORAGE_MISSING.format(alias=alias))


def database_load(data_path: Path, manifest: dict, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace every row of the database with the backup's, in one
    transaction: empty all tables, load the rows with their primary keys
    (`loaddata`, row by row, signals told the rows are raw), check the counts
    against the manifest, and move PostgreSQL's sequences past the loaded
    ids. Any failure rolls everything back."""
    connection = connections[using]
    model_list = backup_models(using)
    with transaction.atomic(using=using):
        statements = sql_flush(no_style(), connection, reset_sequences=True, allow_cascade=False)
        connection.ops.execute_sql_flush(statements)
        ContentType.objects.clear_cache()  # its ids were this installation's
        call_command("loaddata", str(data_path), database=using, verbosity=0)
        loaded = table_counts(model_list, using=using)
        expected = manifest["counts"]
        differences = [
            f"{label}: {expected.get(label, 0)} in the backup, {loaded.get(label, 0)} loaded"
            for label in sorted(set(expected) | set(loaded))
            if expected.get(label, 0) != loaded.get(label, 0)
        ]
        if differences:
            raise BackupError(COUNTS_DIFFER.format(differences="; ".join(differences)))
        statements = connection.ops.sequence_reset_sql(no_style(), model_list)
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


def _file_members(tar: tarfile.TarFile, locations: dict[str, Path]):
    """(member renamed to its path inside the storage, storage alias) of each
    file or folder in the archive, each passed through tarfile's "data"
    filter (no absolute paths, no `..`, no links, no device files, no
    set-uid bits). Anything else than the manifest, the data and files
    below `files/<alias>/` is refused."""
    for member in tar:
        if member.name in (MANIFEST_NAME, DATA_NAME):
            continue
        parts = PurePosixPath(member.name).parts
        if len(parts) < 3 or parts[0] != FILES_DIR or not (member.isfile() or member.isdir()):
            raise BackupError(UNSAFE_MEMBER.format(name=member.name))
        alias = parts[1]
        if alias not in locations:
            raise BackupError(STORAGE_MISSING.format(alias=alias))
        try:
            inside = tarfile.data_filter(
                member.replace(name="/".join(parts[2:]), deep=False), str(locations[alias])
            )
        except tarfile.FilterError as error:
            raise BackupError(UNSAFE_MEMBER.format(name=member.name)) from error
        yield inside, alias


def archive_check(path, locations: dict[str, Path]) -> None:
    """Read the whole archive once before anything is changed: a truncated
    or corrupt archive, or an unsafe member, is refused up front instead of
    half-way through a restore."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            for _member in _file_members(tar, locations):
                pass
    except (OSError, EOFError, tarfile.TarError) as error:
        raise BackupError(NOT_AN_ARCHIVE.format(path=path)) from error


def files_restore(path, *, locations: dict[str, Path] | None = None) -> dict[str, int]:
    """Put the archive's files back into the storages' folders (same names;
    files already there with other names stay). Returns files written per
    storage alias."""
    if locations is None:
        locations, _elsewhere = local_storages()
    written: dict[str, int] = {}
    with tarfile.open(path, "r:gz") as tar:
        for member, alias in _file_members(tar, locations):
            locations[alias].mkdir(parents=True, exist_ok=True)
            tar.extract(member, locations[alias], filter="data")
            if member.isfile():
                written[alias] = written.get(alias, 0) + 1
    return written


def _extract_data(path, folder: Path) -> Path:
    """Copy the archive's database member to a file in `folder` (loaddata
    reads a file name), in chunks."""
    target = folder / DATA_NAME
    with tarfile.open(path, "r:gz") as tar:
        for member in tar:
            if member.name == DATA_NAME and member.isfile():
                with tar.extractfile(member) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink, 1024 * 1024)
                return target
    raise BackupError(NOT_AN_ARCHIVE.format(path=path))


def backup_restore(path, *, force: bool = False, using: str = DEFAULT_DB_ALIAS) -> dict:
    """Restore a backup archive into this installation and return its
    manifest. Checks first (`restore_check`, `archive_check`: nothing is
    changed when they refuse), then the database in one transaction (`database_load`), then
    the files; finally clears the cache (it may hold the old installation's
    pages and settings) and rebuilds the search index."""
    path = Path(path)
    manifest = manifest_read(path)
    restore_check(manifest, force=force, using=using)
    locations, _elsewhere = local_storages()
    archive_check(path, locations)
    with tempfile.TemporaryDirectory(prefix="restore-") as work:  # in TMPDIR
        data_path = _extract_data(path, Path(work))
        database_load(data_path, manifest, using=using)
    ContentType.objects.clear_cache()  # ids now are the backup's
    files_restore(path, locations=locations)
    for cache in caches.all(initialized_only=False):
        cache.clear()
    call_command("update_index", verbosity=0)
    return manifest
