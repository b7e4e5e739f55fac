"""`manage.py prune_login_events`: delete login events older than the
retention (LOGIN_EVENT_RETENTION_DAYS); run it daily from cron or a timer."""

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts import services


class Command(BaseCommand):
    help = "Delete login and logout events older than LOGIN_EVENT_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted = services.login_events_prune(older_than_days=settings.LOGIN_EVENT_RETENTION_DAYS)
        self.stdout.write(f"Deleted {deleted} login events.")
