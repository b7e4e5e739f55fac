"""`manage.py prune_private_files`: delete evidence packs and certificate ZIPs
older than PRIVATE_FILE_RETENTION_HOURS (files and records). Run it daily."""

from django.core.management.base import BaseCommand

from courses.reports.evidence import private_files_prune


class Command(BaseCommand):
    help = "Delete evidence packs and certificate ZIPs older than the retention time."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {private_files_prune()} files.")
