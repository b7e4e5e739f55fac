"""Side effects that must happen however an event came about: end a
deactivated user's sessions (our forms, Wagtail's user admin, a script),
and log logins and logouts (Django's auth signals are the one place every login path
passes, allauth's and the invitation's alike)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services
from .models import LoginEvent, User


@receiver(post_save, sender=User, dispatch_uid="accounts_end_sessions_of_inactive")
def end_sessions_of_inactive_user(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        services.user_sessions_end(user=instance)


@receiver(user_logged_in, dispatch_uid="accounts_log_login")
def log_login(sender, request, user, **kwargs):
    services.login_event_record(user=user, kind=LoginEvent.Kind.LOGIN, request=request)


@receiver(user_logged_out, dispatch_uid="accounts_log_logout")
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        services.login_event_record(user=user, kind=LoginEvent.Kind.LOGOUT, request=request)
