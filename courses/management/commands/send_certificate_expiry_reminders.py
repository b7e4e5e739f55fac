"""`manage.py send_certificate_expiry_reminders [--days N]`: email every
holder of a valid certificate that expires within N days (default
CERTIFICATE_EXPIRY_REMINDER_DAYS), or has expired, that they may take the
course again. Run it daily from cron or a timer; each certificate is
reminded once (`Certificate.expiry_reminded_at`), so repeated runs send
nothing again."""

from django.core.management.base import BaseCommand, CommandError

from courses.certificates import services
from courses.models import Certificate


class Command(BaseCommand):
    help = "Email holders whose certificates expire within N days (once per certificate)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days before the expiry (default: the CERTIFICATE_EXPIRY_REMINDER_DAYS setting).",
        )

    def handle(self, *args, days, **options):
        if days is not None and days < 0:
            raise CommandError("--days must be 0 or more.")
        certificates = Certificate.objects.due_for_expiry_reminder(days=days).select_related("user")
        sent = services.certificate_expiry_reminders_send(certificates=certificates)
        self.stdout.write(f"Sent {sent} certificate expiry reminders.")
