"""`manage.py restore PATH.tar.gz`: restore an archive made by `manage.py
backup` into an empty installation migrated to the same migrations (see
`lms.backup`). Refuses, changing nothing, when the database is migrated
differently or already holds data (unless --force)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from lms import backup


class Command(BaseCommand):
    help = "Restore a backup archive into an empty, migrated installation."

    def add_arguments(self, parser):
        parser.add_argument("path", help="an archive written by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of an installation that is not empty (all of it is lost)",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)"
        )

    def handle(self, *args, path, force, database, **options):
        path = Path(path)
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            manifest = backup.backup_restore(path, force=force, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        files = sum(described["count"] for described in manifest["files"].values())
        self.stdout.write(
            f"Restored {path} (made {manifest['created_at']}): {rows} rows, {files} files."
        )
