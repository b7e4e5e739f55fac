"""`manage.py credential_key_demo_create`: write a new Ed25519 key to
CREDENTIAL_KEY_PATH if no file is there, so that `make run` signs its Open
Badges credentials with no setup. Idempotent; in production the path names
the organiser's own key, kept like the seal."""

from django.conf import settings
from django.core.management.base import BaseCommand

from courses.certificates import keys


class Command(BaseCommand):
    help = "Create the demo credential key at CREDENTIAL_KEY_PATH unless a file is there."

    def handle(self, *args, **options):
        path = settings.CREDENTIAL_KEY_PATH
        if not path:
            self.stdout.write("CREDENTIAL_KEY_PATH is not set: no credential key written.")
            return
        if keys.demo_key_write(path=path):
            keys.cache_clear()
            self.stdout.write(self.style.SUCCESS(f"Credential key written to {path}."))
        else:
            self.stdout.write(f"Credential key kept: {path}.")
