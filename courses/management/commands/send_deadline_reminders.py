"""`manage.py send_deadline_reminders [--days N]`: email a reminder to every
learner whose course deadline is exactly N days away (default
DEADLINE_REMINDER_DAYS) and who has not completed the course. Run it daily
from cron or a timer; a second run on the same day sends nothing again,
because each reminder is recorded on the enrolment."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.reports import overdue


class Command(BaseCommand):
    help = "Email learners whose course deadline is N days away and who have not completed it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.DEADLINE_REMINDER_DAYS,
            help="Days before the deadline (default: the DEADLINE_REMINDER_DAYS setting).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        sent = overdue.reminders_send(enrolments=overdue.due_for_reminder(days=days))
        self.stdout.write(f"Sent {sent} deadline reminders.")
