"""People and the institutions they work in.

The custom user logs in with an email address; first and last names are
required because they go on certificates and attendance lists. Institutions
form a hierarchy (a county office above its schools) and a coordinator's scope
is a set of institutions with everything below them. Defined from the first
migration so that the user model never has to be swapped."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import ModelLogEntry
from wagtail.models.audit_log import ModelLogEntryManager

from lms.records import Record


def validate_regon(value: str) -> None:
    """REGON: 9 or 14 digits with the statistical office's check digit."""
    weights = {9: [8, 9, 2, 3, 4, 5, 6, 7], 14: [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]}
    if not value.isdigit() or len(value) not in weights:
        raise ValidationError(_("REGON has 9 or 14 digits."))
    digits = [int(char) for char in value]
    checksum = sum(w * d for w, d in zip(weights[len(value)], digits, strict=False)) % 11 % 10
    if checksum != digits[-1]:
        raise ValidationError(_("This REGON number has a wrong check digit."))


class InstitutionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def subtree_ids(self, root_ids) -> set[int]:
        """Ids of the given institutions and of everything below them. One
        query: a county has tens of units and a country a few thousand, so the
        whole (id, parent) list is small."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in Institution.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found: set[int] = set()
        stack = [pk for pk in root_ids if pk is not None]
        while stack:
            pk = stack.pop()
            if pk in found:
                continue
            found.add(pk)
            stack.extend(children.get(pk, ()))
        return found


class Institution(models.Model):
    """A unit (jednostka) whose staff take part: an office, a school, a care or
    support unit. Reports and coordinators' scopes follow this hierarchy."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("office")
        SCHOOL = "school", _("school")
        CARE = "care", _("care or support unit")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OFFICE)
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self.pk
            and self.parent_id
            and self.parent_id in Institution.objects.subtree_ids([self.pk])
        ):
            raise ValidationError({"parent": _("An institution cannot be placed below itself.")})


class UserManager(DjangoUserManager):
    """Creates users identified by email instead of a username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError(_("An email address is required."))
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(Record, AbstractBaseUser, PermissionsMixin):
    """A person using the platform: learner, trainer, coordinator or administrator."""

    class Gender(models.TextChoices):
        FEMALE = "K", _("female")
        MALE = "M", _("male")

    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    gender = models.CharField(
        _("gender"),
        max_length=1,
        choices=Gender.choices,
        blank=True,
        help_text=_("Collected only when indicator reporting by gender is on."),
    )
    scope = models.ManyToManyField(
        Institution,
        verbose_name=_("coordinated institutions"),
        blank=True,
        related_name="coordinators",
        help_text=_("A coordinator sees these institutions and everything below them."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can log into the administration panel."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        # Not Django's change_user: that would also open Wagtail's unscoped Users admin.
        permissions = [("manage_participants", _("Can manage participants in their scope"))]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name


def token_digest(token: str) -> str:
    """Invitation tokens are stored only as a digest, like passwords."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(Record, models.Model):
    """A one-time link by which an imported participant sets a password. Only
    the digest of the token is stored, so a database leak reveals no links."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class PrivacyAcknowledgement(Record, models.Model):
    """Evidence that a person read a given version of the RODO information
    clause: the version and date are copied so later edits of the page do not
    change what was acknowledged."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_acknowledgements"
    )
    version = models.CharField(_("clause version"), max_length=20)
    valid_from = models.DateField(_("clause valid from"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), default=timezone.now)

    class Meta:
        verbose_name = _("RODO acknowledgement")
        verbose_name_plural = _("RODO acknowledgements")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="unique_ack_per_version")
        ]

    def __str__(self):
        return f"{self.user} – {self.version}"


class LoginEvent(Record, models.Model):
    """A login or logout with time and address, kept for the configured
    retention as evidence of remote participation."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("login")
        LOGOUT = "logout", _("logout")
        EXPIRED = "expired", _("session expired")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_events"
    )
    kind = models.CharField(_("event"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("login event")
        verbose_name_plural = _("login events")
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "-at"])]

    def __str__(self):
        return f"{self.user} {self.kind} {self.at:%Y-%m-%d %H:%M}"


@register_setting(icon="group")
class AccountSettings(BaseGenericSetting):
    """How people join and what is collected about them; one per installation."""

    invitation_valid_days = models.PositiveSmallIntegerField(
        _("invitation valid for (days)"), default=14
    )
    open_signup = models.BooleanField(
        _("open sign-up"),
        default=False,
        help_text=_("Let people register themselves with an email address in the domains below."),
    )
    signup_domains = models.TextField(
        _("sign-up email domains"),
        blank=True,
        help_text=_("One domain per line, for example powiat.boleslawiec.pl"),
    )
    report_by_gender = models.BooleanField(
        _("indicator reporting by gender"),
        default=False,
        help_text=_("Show and store the gender field; split indicators by gender."),
    )

    class Meta:
        verbose_name = _("account settings")

    def allowed_domains(self) -> list[str]:
        return [
            line.strip().lower().lstrip("@")
            for line in self.signup_domains.splitlines()
            if line.strip()
        ]


class ScopedLogEntryManager(ModelLogEntryManager):
    def viewable_by_user(self, user):
        """Wagtail's permission check, then the user's scope: the site
        history, its filter choices and the dashboard all read through this."""
        from .scopes import log_entries_visible

        entries = super().viewable_by_user(user)
        visible = log_entries_visible(user)
        return entries if visible is None else entries.filter(visible)


class ScopedLogEntry(ModelLogEntry):
    """Wagtail's log entries for non-page objects, read within the reader's
    scope; registered in place of ModelLogEntry (accounts.wagtail_hooks)."""

    objects = ScopedLogEntryManager()

    class Meta:
        proxy = True
