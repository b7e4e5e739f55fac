"""Completion certificates (zaświadczenia o ukończeniu szkolenia).

A certificate is a register entry: it keeps a snapshot of everything it
certifies (name and the gender its wording follows, institution, course,
dates, hours, outcomes, programme, signatory, place and date of issue), so
later edits of the learner or the
course never change an issued certificate. Numbers come from a sequence per
register key (for example "CA/2026") with no gaps; the public link uses a
separate unguessable code, never the number."""

import re
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from courses.catalogue.models import CoursePage, Enrolment
from courses.certificates import designs as certificate_templates
from courses.certificates import expiry
from courses.models.jobs import PrivateFileJob, private_storage
from lms.records import Record

DEFAULT_NUMBER_PATTERN = "CA/{year}/{number:05d}"
CODE_BYTES = 24  # 192 bits; token_urlsafe gives 32 characters
CODE_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32}$")


def validate_number_pattern(value: str) -> None:
    """A pattern must number its certificates and may name the year, nothing else."""
    fields = re.findall(r"{([^{}:]*)(?::[^{}]*)?}", value)
    if "number" not in fields or set(fields) - {"number", "year"}:
        raise ValidationError(
            _("The pattern must contain {number} and may contain {year}, nothing else in braces.")
        )
    try:
        value.format(year=2026, number=1)
    except (ValueError, KeyError, IndexError) as error:
        raise ValidationError(
            _("The pattern cannot be used: %(error)s"), params={"error": error}
        ) from error


@register_setting(icon="doc-full")
class CertificateSettings(BaseSiteSetting):
    """How this site numbers and signs its certificates: each organiser keeps
    its own register pattern and signatory."""

    number_pattern = models.CharField(
        _("register number pattern"),
        max_length=60,
        default=DEFAULT_NUMBER_PATTERN,
        validators=[validate_number_pattern],
        help_text=_(
            "For example CA/{year}/{number:05d} gives CA/2026/00001. Numbering starts "
            "again at 1 whenever the text before the number changes (for example each year)."
        ),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=200, blank=True)
    signatory_title = models.CharField(
        _("signatory's title"),
        max_length=200,
        blank=True,
        help_text=_("For example: Wójt Gminy or Kierownik szkolenia."),
    )
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional scanned signature printed above the signatory's name."),
    )
    issue_place = models.CharField(
        _("place of issue"), max_length=100, blank=True, help_text=_("For example: Kraków.")
    )

    panels = [
        FieldPanel("number_pattern"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
                FieldPanel("signature_image"),
                FieldPanel("issue_place"),
            ],
            heading=_("Signature"),
        ),
    ]

    class Meta:
        verbose_name = _("certificates")


class CertificateSequence(models.Model):
    """The last number given in one register (a key like "CA/2026"). Issuing
    locks this row in the issuing transaction, so numbers never repeat and,
    since a failed issue rolls the counter back with it, never skip."""

    key = models.CharField(_("register"), max_length=80, unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate register sequence")
        verbose_name_plural = _("certificate register sequences")

    def __str__(self):
        return f"{self.key}: {self.last_number}"


class CertificateQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def valid(self):
        """Not revoked or replaced (expired ones included: they were issued
        rightly and stay in the holder's hands)."""
        return self.filter(status=Certificate.Status.VALID)

    def with_state(self, today=None):
        """Each certificate's state as `state_now`, for filters and counts in
        the database: the same rule as `Certificate.state_on`."""
        today = today or expiry.today()
        return self.annotate(
            state_now=Case(
                When(status=Certificate.Status.REVOKED, then=Value(Certificate.State.REVOKED)),
                When(status=Certificate.Status.REPLACED, then=Value(Certificate.State.REPLACED)),
                When(expires_on__lt=today, then=Value(Certificate.State.EXPIRED)),
                default=Value(Certificate.State.VALID),
                output_field=models.CharField(),
            )
        )

    def in_state(self, state: str, today=None):
        return self.with_state(today).filter(state_now=state)

    def due_for_expiry_reminder(self, *, days: int | None = None, today=None):
        """Valid certificates that expire within `days` (by default the
        reminder days) or have expired, whose holder was not reminded yet:
        what the daily command sends, once per certificate."""
        today = today or expiry.today()
        if days is None:
            days = settings.CERTIFICATE_EXPIRY_REMINDER_DAYS
        return self.valid().filter(
            expires_on__isnull=False,
            expires_on__lte=today + timedelta(days=days),
            expiry_reminded_at__isnull=True,
            user__isnull=False,
        )

    def in_register_order(self):
        return self.order_by("sequence_key", "sequence_number")


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


class Certificate(Record, models.Model):
    """One issued certificate and what it certifies, as issued."""

    class Status(models.TextChoices):
        VALID = "valid", _("valid")
        REVOKED = "revoked", _("revoked")
        REPLACED = "replaced", _("replaced")

    class State(models.TextChoices):
        """What a certificate is worth today: the stored status, and for a
        valid one whether its validity period has passed."""

        VALID = "valid", _("valid")
        EXPIRED = "expired", _("expired")
        REPLACED = "replaced", _("replaced")
        REVOKED = "revoked", _("revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    enrolment = models.ForeignKey(
        Enrolment, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    institution = models.ForeignKey(
        "accounts.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    number = models.CharField(_("register number"), max_length=100, unique=True)
    sequence_key = models.CharField(_("register"), max_length=80)
    sequence_number = models.PositiveIntegerField(_("number in the register"))
    code = models.CharField(_("verification code"), max_length=64, unique=True, default=new_code)
    template = models.CharField(_("design"), max_length=20, choices=certificate_templates.CHOICES)
    # The snapshot: what the certificate says, as issued.
    holder_name = models.CharField(_("full name"), max_length=300)
    # The learner's gender (accounts.User.Gender: K, M, or empty when not
    # given): the Polish wording follows it ("ukończyła", "ukończył").
    learner_gender = models.CharField(_("gender"), max_length=1, blank=True, default="")
    institution_name = models.CharField(_("institution"), max_length=300, blank=True)
    course_title = models.CharField(_("course title"), max_length=300)
    organiser_name = models.CharField(_("organiser"), max_length=300)
    organiser_address = models.TextField(_("organiser address"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1)
    # The learner's effective learning time at issue (the heartbeats' sum),
    # which settlements compare with the planned hours. Certificates issued
    # before it was recorded got the time at that migration (0015); null
    # only where the holder or the course is gone.
    effective_seconds = models.PositiveIntegerField(
        _("effective learning time (s)"), null=True, blank=True
    )
    # Whether the certificate states that time (the course's setting at issue).
    states_effective_time = models.BooleanField(
        _("states the effective learning time"), default=False
    )
    outcomes_knowledge = models.JSONField(_("learning outcomes: knowledge"), default=list)
    outcomes_skills = models.JSONField(_("learning outcomes: skills"), default=list)
    outcomes_social = models.JSONField(_("learning outcomes: social competences"), default=list)
    programme = models.JSONField(_("programme"), default=list)
    signatory_name = models.CharField(_("signatory's name"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=200, blank=True)
    issue_place = models.CharField(_("place of issue"), max_length=100, blank=True)
    issued_at = models.DateTimeField(_("issued at"))
    # The register's own state.
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revocation"), blank=True)
    # The last day it is valid, from the course's validity period at issue
    # (None: it never expires). "Expired" is judged from it, never stored.
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    # When the holder was reminded of the expiry: once per certificate.
    expiry_reminded_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    # The PDF as issued, rendered once in the background (see
    # courses.certificates.files) and served from then on.
    pdf = models.FileField(
        _("PDF"),
        storage=private_storage,
        upload_to="certificates/",
        blank=True,
        editable=False,
        db_default="",
        default="",
    )
    # When the kept PDF got the organiser's seal: null for a file kept before
    # the seal existed (sealed once, at its next download) or with no seal set.
    sealed_at = models.DateTimeField(_("sealed at"), null=True, blank=True, editable=False)
    # SHA-256 of the kept PDF, so a copy can be matched to the register.
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True, editable=False)
    # The Open Badges 3.0 credential (a VC-JWT, see courses.certificates.
    # credentials), signed at issue; empty where it is signed at first download.
    credential = models.TextField(
        _("Open Badges credential"), blank=True, editable=False, db_default="", default=""
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(replaces__isnull=True),
                name="one_certificate_per_completion",
            ),
            models.UniqueConstraint(
                fields=["sequence_key", "sequence_number"], name="one_certificate_per_number"
            ),
        ]

    def __str__(self):
        return f"{self.number} – {self.holder_name}"

    @property
    def is_valid(self) -> bool:
        """Not revoked or replaced (it may have expired)."""
        return self.status == self.Status.VALID

    def state_on(self, today: date) -> str:
        """The state on a given day: the rule `CertificateQuerySet.with_state`
        writes in SQL."""
        if self.status == self.Status.REVOKED:
            return self.State.REVOKED
        if self.status == self.Status.REPLACED:
            return self.State.REPLACED
        if self.expires_on is not None and self.expires_on < today:
            return self.State.EXPIRED
        return self.State.VALID

    @property
    def state(self) -> str:
        """The state today (from `state_now` when the queryset annotated it)."""
        return self.__dict__.get("state_now") or self.state_on(expiry.today())

    @property
    def state_label(self) -> str:
        return str(self.State(self.state).label)

    @property
    def is_expired(self) -> bool:
        return self.state == self.State.EXPIRED

    @property
    def reminder_on(self) -> date | None:
        return expiry.reminder_date(self.expires_on) if self.expires_on else None

    @property
    def renewal_opens_on(self) -> date | None:
        return expiry.renewal_date(self.expires_on) if self.expires_on else None

    def renewable_on(self, today: date) -> bool:
        """Whether the holder may take the course again on `today`: a valid
        (or expired) certificate that expires, its renewal day reached, of a
        completed attempt still on the learner's courses. "My courses" offers
        the button by this rule and `enrolment_recertify` checks it."""
        enrolment = self.enrolment
        return (
            self.status == self.Status.VALID
            and self.expires_on is not None
            and self.renewal_opens_on <= today
            and enrolment is not None
            and enrolment.is_active
            and enrolment.completed_at is not None
        )

    @property
    def verification_url(self) -> str:
        """The public address printed in the QR code."""
        path = reverse("courses:certificate_verify", kwargs={"code": self.code})
        return f"{settings.SITE_URL}{path}"

    @property
    def issue_date(self):
        return timezone.localdate(self.issued_at)


class CertificateBatch(PrivateFileJob):
    """A ZIP of certificate PDFs for a course, institution and period, built
    by a background task for the coordinator who asked."""

    issued_from = models.DateField(_("issued from"), null=True, blank=True)
    issued_to = models.DateField(_("issued to"), null=True, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to="certificate-batches/",
                            blank=True)  # fmt: skip

    class Meta(PrivateFileJob.Meta):
        verbose_name = _("certificate download")
        verbose_name_plural = _("certificate downloads")
