"""The evidence pack: everything a coordinator hands in with the grant
report for a course (or all courses), an institution and a period, as one
ZIP built in the background."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models.jobs import PrivateFileJob, private_storage


class EvidencePack(PrivateFileJob):
    """One requested evidence pack; its filters are kept so the README in the
    ZIP can say what it holds."""

    period_from = models.DateField(_("from"))
    period_to = models.DateField(_("to"))
    file = models.FileField(_("file"), storage=private_storage, upload_to="evidence-packs/",
                            blank=True)  # fmt: skip

    class Meta(PrivateFileJob.Meta):
        verbose_name = _("evidence pack")
        verbose_name_plural = _("evidence packs")
