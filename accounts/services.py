"""Writes with side effects on accounts: invitations, participant import,
RODO acknowledgement, deactivation and anonymisation.

Each function is keyword-only, atomic and raises AccountError with one of the
message constants below, which views show and tests assert on."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.addresses import client_address
from lms.errors import ServiceError
from lms.models import PrivacyNoticePage

from . import emails, roles
from .models import (
    AccountSettings,
    Invitation,
    LoginEvent,
    PrivacyAcknowledgement,
    User,
    token_digest,
)
from .participant_import import ParticipantRow

INVITATION_INVALID = _(
    "This invitation link is not valid. It may have been mistyped or replaced by a newer one. "
    "Ask your coordinator to send the invitation again."
)
INVITATION_EXPIRED = _(
    "This invitation link has expired. Ask your coordinator to send the invitation again."
)
INVITATION_USED = _(
    "This invitation link has already been used. Log in with your email and password, or "
    "reset your password if you do not remember it."
)
USER_ANONYMISED = _("This person's data has been anonymised; nothing can be sent to them.")
IMPORT_HAS_ERRORS = _("The file has errors; nothing was imported.")


class AccountError(ServiceError):
    """A refused account operation."""


@dataclass(frozen=True)
class ImportResult:
    created: list[User]
    updated: list[User]


@transaction.atomic
def invitation_send(*, user: User, sent_by: User | None) -> Invitation:
    """Create a one-time link for `user`, retire older unused ones, and email
    it once the transaction commits."""
    if user.anonymised_at:
        raise AccountError(USER_ANONYMISED)
    now = timezone.now()
    user.invitations.filter(used_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    token = secrets.token_urlsafe(32)
    days = AccountSettings.load().invitation_valid_days
    invitation = Invitation.objects.create(
        user=user,
        token_digest=token_digest(token),
        expires_at=now + timedelta(days=days),
        sent_by=sent_by,
    )
    transaction.on_commit(
        lambda: emails.send_invitation(user=user, token=token, expires_at=invitation.expires_at)
    )
    return invitation


def invitation_check(*, token: str) -> Invitation:
    """The invitation behind `token`, or AccountError saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("user").filter(token_digest=token_digest(token)).first()
    )
    if invitation is None or invitation.user.anonymised_at or not invitation.user.is_active:
        raise AccountError(INVITATION_INVALID)
    if invitation.used_at is not None:
        raise AccountError(INVITATION_USED)
    if invitation.expires_at <= timezone.now():
        raise AccountError(INVITATION_EXPIRED)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Set the invited person's password and use up the link; the email
    address is thereby verified. Password validators raise ValidationError."""
    invitation = invitation_check(token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise AccountError(INVITATION_USED)
    user = invitation.user
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    email_mark_verified(user=user)
    return user


@transaction.atomic
def email_mark_verified(*, user: User) -> EmailAddress:
    """Record the user's email as verified and primary for allauth (an
    invitation link proves the address, as does an administrator's word)."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return address


@transaction.atomic
def participants_import(*, rows: list[ParticipantRow], imported_by: User) -> ImportResult:
    """Create or update the participants of a validated file, all or nothing.
    New people get the learner role and an invitation; existing ones (same
    email) are updated, never duplicated."""
    if any(row.errors for row in rows):
        raise AccountError(IMPORT_HAS_ERRORS)
    learners = roles.role_group(roles.LEARNER)
    existing = {
        user.email: user
        for user in User.objects.select_for_update().filter(email__in=[r.email for r in rows])
    }
    created, updated = [], []
    for row in rows:
        user = existing.get(row.email)
        fields = {
            "first_name": row.first_name,
            "last_name": row.last_name,
            "institution_id": row.institution_id,
            "position": row.position,
        }
        if row.gender is not None:
            fields["gender"] = row.gender
        if user is None:
            user = User(email=row.email, **fields)
            user.set_unusable_password()
            user.save()
            user.groups.add(learners)
            invitation_send(user=user, sent_by=imported_by)
            created.append(user)
        else:
            for name, value in fields.items():
                setattr(user, name, value)
            user.save(update_fields=list(fields))
            updated.append(user)
    return ImportResult(created=created, updated=updated)


@transaction.atomic
def participant_create(*, user: User, created_by: User) -> User:
    """Add one participant from the admin form and invite them."""
    user.set_unusable_password()
    user.save()
    user.groups.add(roles.role_group(roles.LEARNER))
    invitation_send(user=user, sent_by=created_by)
    return user


@transaction.atomic
def privacy_acknowledge(*, user: User, notice: PrivacyNoticePage) -> PrivacyAcknowledgement:
    """Record that `user` read this version of the clause (once per version)."""
    acknowledgement, _created = PrivacyAcknowledgement.objects.get_or_create(
        user=user,
        version=notice.version,
        defaults={"valid_from": notice.valid_from},
    )
    return acknowledgement


def user_sessions_end(*, user: User) -> int:
    """Log the user out everywhere by deleting every session allauth tracked."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    return len(sessions)


def staff_status_sync(*, user_ids) -> None:
    """Keep `is_staff` equal to admin access: a superuser, or a member of a
    group granting Wagtail's `access_admin` (trainers, coordinators,
    administrators). Pages read this one flag for the "Administration" link
    and the editors' bar instead of loading permissions on every request,
    so it is updated wherever group memberships or group permissions change
    (accounts.signals), including Wagtail's user admin."""
    users = User.objects.filter(pk__in=list(user_ids))
    admin_groups = Group.objects.filter(
        permissions__content_type__app_label="wagtailadmin", permissions__codename="access_admin"
    )
    staff = users.filter(Q(is_superuser=True) | Q(groups__in=admin_groups)).values("pk")
    users.filter(pk__in=staff).exclude(is_staff=True).update(is_staff=True)
    users.exclude(pk__in=staff).exclude(is_staff=False).update(is_staff=False)


@transaction.atomic
def user_anonymise(*, user: User) -> User:
    """Clear a former participant's personal data and disable the login.
    Institution and gender stay: the grant report counts people per
    institution (and by gender), and neither identifies anyone alone."""
    user.first_name = ""
    user.last_name = ""
    user.position = ""
    user.email = f"anonymised-{user.pk}@invalid.example"
    user.is_active = False
    user.set_unusable_password()
    user.anonymised_at = timezone.now()
    user.save()
    user.scope.clear()
    EmailAddress.objects.filter(user=user).delete()
    user.invitations.all().delete()
    return user  # deactivation ends the sessions (accounts.signals)


def login_event_record(*, user: User, kind: str, request=None) -> LoginEvent:
    """Log a login or logout with the client address, as remote-participation evidence."""
    address = client_address(request) if request is not None else None
    return LoginEvent.objects.create(user=user, kind=kind, ip_address=address or None)


@transaction.atomic
def login_events_prune(*, older_than_days: int) -> int:
    """Delete login events past their retention; returns how many."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _by_model = LoginEvent.objects.filter(at__lt=cutoff).delete()
    return deleted


def login_sessions_expire(*, now=None) -> int:
    """Record an "expired" event for each tracked login session whose Django
    session has expired without a logout, at its expiry time (the one moment
    the server knows), then forget the session. Returns how many."""
    now = now or timezone.now()
    tracked = {session.session_key: session for session in UserSession.objects.all()}
    expired = Session.objects.filter(session_key__in=list(tracked), expire_date__lte=now)
    count = 0
    for session_key, expire_date in expired.values_list("session_key", "expire_date"):
        with transaction.atomic():
            tracked_session = tracked[session_key]
            LoginEvent.objects.create(
                user_id=tracked_session.user_id, kind=LoginEvent.Kind.EXPIRED, at=expire_date,
                ip_address=tracked_session.ip or None,
            )  # fmt: skip
            tracked_session.end()
            count += 1
    return count
