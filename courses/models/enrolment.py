"""Who takes which course: an enrolment records who enrolled whom, when, how,
and until when; withdrawing keeps the row (history), and re-enrolling makes
a new one, so at most one enrolment per learner and course is active."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models.pages import CoursePage
from lms.records import Record


class EnrolmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)

    def for_user(self, user):
        return self.filter(user=user)


class Enrolment(Record, models.Model):
    """A learner's place on a course."""

    class Method(models.TextChoices):
        SELF = "self", _("self-enrolment")
        ASSIGNED = "assigned", _("assigned to the person")
        INSTITUTION = "institution", _("assigned to the institution")
        IMPORTED = "imported", _("assigned to everyone the coordinator imported")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    enrolled_at = models.DateTimeField(_("enrolled at"), default=timezone.now)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # The last deadline reminder (sent by a coordinator or the daily command),
    # so the overdue list shows it and the command never reminds twice a day.
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_enrolment_per_course",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
