"""`manage.py load_demo_data`: build (or refresh) the demo site. Idempotent."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts import demo as accounts_demo
from courses import demo as courses_demo
from lms import demo


class Command(BaseCommand):
    help = "Create or update the demo content and accounts (safe to run repeatedly)."

    def handle(self, *args, **options):
        result = demo.build_site_shell()
        # The organiser's demo seal (named after it) and credential key before any
        # document is made.
        call_command("seal_demo_create", stdout=self.stdout)
        call_command("credential_key_demo_create", stdout=self.stdout)
        accounts = result["accounts"] + accounts_demo.build_accounts(demo.demo_password())
        courses = courses_demo.build_courses()
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(courses)} courses."))
        self.stdout.write("Demo accounts (password from DEMO_PASSWORD):")
        for email, role in accounts:
            self.stdout.write(f"  {email:<32} {role}")
        self.stdout.write(f"  {'password':<32} {demo.demo_password()}")
