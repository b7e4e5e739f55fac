"""`manage.py seal_demo_create`: write a demo electronic seal (a self-signed
demo CA and the organiser's seal certificate, PKCS#12) to SEAL_PKCS12_PATH if
no file is there, so that `make run` seals its documents with no setup.
Idempotent; never used in production, where the path names the organiser's
real seal."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site

from courses.certificates import seal
from lms.models import SiteSettings

DEFAULT_ORGANISER = "Cyfrowa Akademia"


class Command(BaseCommand):
    help = "Create the demo electronic seal at SEAL_PKCS12_PATH unless a file is there."

    def handle(self, *args, **options):
        path = settings.SEAL_PKCS12_PATH
        if not path:
            self.stdout.write("SEAL_PKCS12_PATH is not set: no demo seal written.")
            return
        site = Site.objects.filter(is_default_site=True).first()
        organiser = (
            SiteSettings.for_site(site).organiser_name if site else ""
        ) or DEFAULT_ORGANISER
        if seal.demo_seal_write(
            path=path, organiser=organiser, password=settings.SEAL_PKCS12_PASSWORD
        ):
            seal.cache_clear()
            self.stdout.write(self.style.SUCCESS(f"Demo seal of {organiser} written to {path}."))
        else:
            self.stdout.write(f"Seal kept: {path}.")
