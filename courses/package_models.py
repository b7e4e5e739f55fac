"""What the uploaded packages (H5P, SCORM/cmi5) have in common: a title,
the upload's hash and size, the storage folder of the current upload and
of the one before it (kept for learners in the middle of an attempt), who
uploaded it and when; and the cleanup of both folders when one is deleted."""

from collections.abc import Callable

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UploadedPackage(models.Model):
    """An uploaded package managed as a snippet; each upload has its own
    folder, the previous one stays until the next replacement."""

    title = models.CharField(_("title"), max_length=255)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    directory = models.CharField(_("storage folder"), max_length=32)
    previous_directory = models.CharField(_("previous storage folder"), max_length=32, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["title"]

    def __str__(self):
        return self.title


def folders_removed_on_delete(model: type[UploadedPackage], delete_upload: Callable[[str], None]):
    """Cleanup only: a deleted package's folders go once the deletion commits."""

    def remove(sender, instance, **kwargs):
        directories = [instance.directory, instance.previous_directory]
        transaction.on_commit(lambda: [delete_upload(directory) for directory in directories])

    post_delete.connect(remove, sender=model, weak=False, dispatch_uid=f"{model._meta.label}-files")
