"""`manage.py backup PATH.tar.gz`: write the database (every row, as portable
JSON Lines), the files of MEDIA_ROOT and the private storage, and a manifest
into one archive (see `lms.backup`). Run it daily from cron or a timer."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from lms import backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded and private files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive to write, e.g. /backups/akademia.tar.gz")
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="database alias (default: default)"
        )

    def handle(self, *args, path, database, **options):
        path = Path(path)
        if not path.name.endswith((".tar.gz", ".tgz")):
            raise CommandError("The archive's name must end in .tar.gz.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        try:
            manifest = backup.backup_create(path, using=database)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        files = sum(described["count"] for described in manifest["files"].values())
        self.stdout.write(f"Wrote {path}: {rows} rows, {files} files.")
        for alias in manifest["excluded"]["storages not on local disk"]:
            self.stderr.write(
                f"Storage '{alias}' is not on local disk and is not in the archive; "
                "back it up with its provider's tools."
            )
