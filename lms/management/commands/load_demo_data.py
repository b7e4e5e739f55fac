"""`manage.py load_demo_data`: build (or refresh) the demo site. Idempotent."""

from django.core.management.base import BaseCommand

from lms import demo


class Command(BaseCommand):
    help = "Create or update the demo content and accounts (safe to run repeatedly)."

    def handle(self, *args, **options):
        result = demo.build_site_shell()
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write("Demo accounts (password from DEMO_PASSWORD):")
        for email, role in result["accounts"]:
            self.stdout.write(f"  {role:<14} {email}")
        self.stdout.write(f"  password       {demo.demo_password()}")
