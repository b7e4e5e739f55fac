"""Side-effect cleanup only: end a deactivated user's sessions however the
deactivation happened (our forms, Wagtail's user admin, a script), and drop
the cached clause version when a new clause is published."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from lms.models import PrivacyNoticePage

from . import privacy, services
from .models import User


@receiver(post_save, sender=User, dispatch_uid="accounts_end_sessions_of_inactive")
def end_sessions_of_inactive_user(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        services.user_sessions_end(user=instance)


@receiver(page_published, sender=PrivacyNoticePage, dispatch_uid="accounts_privacy_published")
def forget_privacy_notice(sender, **kwargs):
    privacy.forget_cached_notice()
