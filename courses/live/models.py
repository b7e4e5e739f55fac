"""Live online sessions (zajęcia na żywo) of a course and their attendance
register. A session is a scheduled remote class with a trainer; its
attendance is the grant evidence (lista obecności with hours), so every
change of a status keeps a history row. Times are stored as aware UTC
moments: the duration is the real time between them, also across the
switch to and from summer time."""

import secrets
from datetime import UTC, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from accounts import roles
from accounts.models import User
from courses.catalogue.models import CoursePage, Enrolment
from lms.records import Record

# Check-in codes: no 0/O, 1/I/L, so a code read aloud or from a shared
# screen is typed right the first time.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
END_BEFORE_START = _("The session must end after it starts.")
PLACE_REQUIRED = _("Give a meeting link or a room (or both).")


def checkin_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def checkin_code_normalise(code: str) -> str:
    """What a learner typed, as stored: upper case, without spaces or dashes."""
    return "".join(code.split()).replace("-", "").upper()


class LiveSessionQuerySet(models.QuerySet):
    def expecting(self, user):
        """Sessions a learner is expected at: on a course they are actively
        enrolled on, for everyone enrolled or for their institution."""
        through = LiveSession.expected_institutions.through
        enrolled = Enrolment.objects.active().filter(user=user, course=OuterRef("course_id"))
        for_them = ~Exists(through.objects.filter(livesession_id=OuterRef("pk")))
        if user.institution_id:
            for_them |= Exists(
                through.objects.filter(
                    livesession_id=OuterRef("pk"), institution_id=user.institution_id
                )
            )
        return self.filter(Exists(enrolled), for_them)

    def upcoming(self, now=None):
        """Sessions not over yet (one under way included)."""
        return self.filter(ends_at__gt=now or timezone.now())


class LiveSession(models.Model):
    """One scheduled live class of a course: when, with whom, where (a video
    meeting link or a room), for whom (all enrolled learners or chosen
    institutions), and the short code learners check in with."""

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="live_sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="live_sessions_led",
        limit_choices_to=roles.holds(roles.TEACH),
    )
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        help_text=_(
            "A link to the video meeting (any tool). Expected learners see it on the course "
            "page shortly before the start."
        ),
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    expected_institutions = models.ManyToManyField(
        "accounts.Institution",
        verbose_name=_("expected institutions"),
        blank=True,
        related_name="+",
        help_text=_(
            "None ticked: every learner enrolled on the course is expected. Otherwise only "
            "the enrolled learners of the ticked institutions (units below are not included)."
        ),
    )
    checkin_code = models.CharField(
        _("check-in code"), max_length=12, default=checkin_code_new, editable=False
    )
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = LiveSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="live_session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["course", "starts_at"])]

    def __str__(self):
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.duration <= timedelta():
            raise ValidationError(END_BEFORE_START)
        if not (self.meeting_url or self.room):
            raise ValidationError(PLACE_REQUIRED)

    @property
    def duration(self) -> timedelta:
        """Real elapsed time, whatever the clocks did: in UTC, because Python
        subtracts two moments of the same zone by their wall clocks."""
        return self.ends_at.astimezone(UTC) - self.starts_at.astimezone(UTC)

    @property
    def opens_at(self):
        """From when learners may check in and see the meeting link."""
        return self.starts_at - timedelta(minutes=settings.LIVE_SESSION_EARLY_MINUTES)

    def expected_learners(self):
        """The learners expected at this session (a User queryset)."""
        learners = User.objects.filter(
            enrolments__course_id=self.course_id, enrolments__withdrawn_at__isnull=True
        )
        chosen = list(self.expected_institutions.values_list("pk", flat=True))
        if chosen:
            learners = learners.filter(institution_id__in=chosen)
        return learners.distinct()

    def is_expected(self, user) -> bool:
        return LiveSession.objects.filter(pk=self.pk).expecting(user).exists()

    def is_open(self, now=None) -> bool:
        """Within the check-in window: shortly before the start until the end."""
        now = now or timezone.now()
        return self.opens_at <= now <= self.ends_at


class AttendanceQuerySet(models.QuerySet):
    def attended(self):
        return self.filter(status__in=Attendance.ATTENDED)


class Attendance(Record, models.Model):
    """One learner's status at one session, set by their own check-in or by
    the trainer (who may correct it; `AttendanceChange` keeps each change)."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        LATE = "late", _("late")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    # What counts as attending (for hours and the course's completion rule).
    # An excused absence is still an absence: no hours were spent in class.
    ATTENDED = (Status.PRESENT, Status.LATE)

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session")
        ]

    def __str__(self):
        return f"{self.user} – {self.session_id}: {self.status}"

    @property
    def is_attended(self) -> bool:
        return self.status in self.ATTENDED


class AttendanceChange(Record, models.Model):
    """A history row: who set which status when (the first one has no
    previous status), and whether it came from a check-in or the register."""

    class Source(models.TextChoices):
        CHECKIN = "checkin", _("learner's check-in")
        REGISTER = "register", _("attendance register")

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    from_status = models.CharField(
        _("previous status"), max_length=10, choices=Attendance.Status.choices, blank=True
    )
    to_status = models.CharField(_("new status"), max_length=10, choices=Attendance.Status.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.attendance_id}: {self.from_status or '-'} → {self.to_status}"


@register_setting(icon="group")
class AttendanceSettings(BaseGenericSetting):
    """The words the register uses for the four statuses (for example
    "obecny/obecna" or "nieobecność usprawiedliwiona"); empty: the default
    word in the user's language."""

    present_label = models.CharField(_("label for “present”"), max_length=60, blank=True)
    late_label = models.CharField(_("label for “late”"), max_length=60, blank=True)
    excused_label = models.CharField(_("label for “excused”"), max_length=60, blank=True)
    absent_label = models.CharField(_("label for “absent”"), max_length=60, blank=True)

    panels = [
        FieldPanel("present_label"),
        FieldPanel("late_label"),
        FieldPanel("excused_label"),
        FieldPanel("absent_label"),
    ]

    class Meta:
        verbose_name = _("attendance statuses")

    def labels(self) -> dict[str, str]:
        """Status value -> the word to show."""
        return {
            value: getattr(self, f"{value}_label") or str(label)
            for value, label in Attendance.Status.choices
        }


def status_labels() -> dict[str, str]:
    """The status words, read once (per export or page)."""
    return AttendanceSettings.load().labels()
