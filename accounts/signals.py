"""Side effects that must happen however an event came about: end a
deactivated user's sessions (our forms, Wagtail's user admin, a script),
keep `is_staff` equal to admin access when roles change, and log logins and
logouts (Django's auth signals are the one place every login path passes,
allauth's and the invitation's alike)."""

from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from . import services
from .models import LoginEvent, User


@receiver(post_save, sender=User, dispatch_uid="accounts_end_sessions_of_inactive")
def end_sessions_of_inactive_user(sender, instance, created, **kwargs):
    if not created and not instance.is_active:
        services.user_sessions_end(user=instance)


@receiver(post_save, sender=User, dispatch_uid="accounts_staff_of_superusers")
def staff_follows_superuser(sender, instance, update_fields=None, **kwargs):
    """A save that may have changed `is_superuser` (not a login's
    `last_login` update) with the two flags apart: check the roles."""
    if update_fields is not None and "is_superuser" not in update_fields:
        return
    if instance.is_superuser != instance.is_staff:
        services.staff_status_sync(user_ids=[instance.pk])


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts_staff_by_role")
def staff_follows_roles(sender, instance, action, reverse, pk_set, **kwargs):
    """A user's groups changed (`reverse`: a group's users changed)."""
    if action == "pre_clear" and reverse:
        instance._members_before_clear = list(instance.user_set.values_list("pk", flat=True))
    elif action.startswith("post_"):
        if not reverse:
            user_ids = [instance.pk]
        elif action == "post_clear":
            user_ids = instance.__dict__.pop("_members_before_clear", [])
        else:
            user_ids = pk_set
        services.staff_status_sync(user_ids=user_ids)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="accounts_staff_by_grant")
def staff_follows_group_permissions(sender, instance, action, reverse, **kwargs):
    """A group's permissions changed (`reverse`, a permission's groups: rare,
    so everyone is checked)."""
    if action.startswith("post_"):
        members = User.objects.all() if reverse else instance.user_set.all()
        services.staff_status_sync(user_ids=members.values_list("pk", flat=True))


@receiver(user_logged_in, dispatch_uid="accounts_log_login")
def log_login(sender, request, user, **kwargs):
    services.login_event_record(user=user, kind=LoginEvent.Kind.LOGIN, request=request)


@receiver(user_logged_out, dispatch_uid="accounts_log_logout")
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        services.login_event_record(user=user, kind=LoginEvent.Kind.LOGOUT, request=request)
