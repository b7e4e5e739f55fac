"""Files built in the background for the person who asked (a ZIP of
certificates, an evidence pack): what was asked, how far the build is, and
the file in private storage, kept for a limited time."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue.models import CoursePage
from lms.records import Record


def private_storage():
    """Files only the app hands out (to the person allowed), never served by URL."""
    return storages["private"]


class PrivateFileJob(Record, models.Model):
    """The shared part of background file builds; subclasses add their
    filters and their `file` field (with its own folder)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("in progress")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    institution = models.ForeignKey(
        "accounts.Institution", verbose_name=_("institution"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    total = models.PositiveIntegerField(_("steps"), default=0)
    done = models.PositiveIntegerField(_("done"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-requested_at"]

    def __str__(self):
        return f"{self.requested_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)
