"""`manage.py send_live_session_reminders`: email every learner expected at
a live session that starts within LIVE_SESSION_REMINDER_HOURS. Run it from
cron or a timer every few minutes (or hourly); each session is reminded of
once, so repeated or parallel runs send nothing twice."""

from django.core.management.base import BaseCommand

from courses.live import services as live_sessions


class Command(BaseCommand):
    help = "Email learners expected at live sessions starting soon (once per session)."

    def handle(self, *args, **options):
        sent = live_sessions.live_session_reminders_send()
        self.stdout.write(f"Sent {sent} live-session reminders.")
