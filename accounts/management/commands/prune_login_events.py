"""`manage.py prune_login_events`: record the expiry of login sessions that
ended without a logout, then delete login events older than the retention
(LOGIN_EVENT_RETENTION_DAYS). Run it daily from cron or a timer."""

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts import services


class Command(BaseCommand):
    help = "Record expired login sessions, then delete events older than the retention."

    def handle(self, *args, **options):
        expired = services.login_sessions_expire()
        self.stdout.write(f"Recorded {expired} expired sessions.")
        deleted = services.login_events_prune(older_than_days=settings.LOGIN_EVENT_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} login events.")
