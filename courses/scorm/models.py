"""SCORM and cmi5: the uploaded packages and each learner's attempts at
their SCOs and AUs. A package's own pages and scripts
run for learners in a frame on our origin (the SCORM runtime needs to reach
the page's API object), so a package is code we serve: it is played only
once someone allowed to approve such code has (their own uploads at once).
Files live in storage (courses.scorm.storage); these rows say where."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue.models import CoursePage, LessonPage
from courses.package_models import UploadedPackage, folders_removed_on_delete
from courses.scorm import manifest as manifests
from courses.scorm import storage
from lms.records import Record


class ScormPackageQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(approved_at__isnull=False)


class ScormPackage(UploadedPackage):
    """An uploaded SCORM 1.2, SCORM 2004 or cmi5 package, managed as a snippet
    and placed in lessons with the package block. Replacing it extracts the
    new file into a new folder; the previous folder stays for learners in
    the middle of an attempt until the next replacement."""

    class Version(models.TextChoices):
        SCORM12 = manifests.SCORM12, "SCORM 1.2"
        SCORM2004_2 = manifests.SCORM2004_2, "SCORM 2004 2nd Edition"
        SCORM2004_3 = manifests.SCORM2004_3, "SCORM 2004 3rd Edition"
        SCORM2004_4 = manifests.SCORM2004_4, "SCORM 2004 4th Edition"
        CMI5 = manifests.CMI5, "cmi5"

    file = models.FileField(_("package file"), storage=storage.scorm_storage, max_length=255)
    version = models.CharField(_("version"), max_length=20, choices=Version.choices)
    # The manifest as read at upload (courses.scorm.manifest.Manifest as a dict):
    # the units to launch, the table of contents, whether sequencing applies.
    manifest = models.JSONField(_("manifest"), default=dict, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    objects = ScormPackageQuerySet.as_manager()

    class Meta(UploadedPackage.Meta):
        verbose_name = _("SCORM/cmi5 package")
        verbose_name_plural = _("SCORM/cmi5 packages")
        permissions = [
            ("approve_scormpackage", _("Can approve SCORM/cmi5 packages (their scripts run)")),
        ]

    @property
    def is_ready(self) -> bool:
        return self.approved_at is not None

    @property
    def units(self) -> list[manifests.Unit]:
        return [manifests.Unit(**unit) for unit in self.manifest.get("units", [])]

    def unit_count(self) -> int:
        return len(self.manifest.get("units", []))

    unit_count.short_description = _("SCOs/AUs")


folders_removed_on_delete(ScormPackage, storage.delete_upload)


class ScormAttempt(Record, models.Model):
    """A learner's attempt at one SCO or AU of a package activity in a lesson:
    what the package last committed (statuses, score, location, suspend data,
    interactions) for resuming and as evidence. Tied to the package folder it
    began in, so a replaced package never resumes into different content.
    Completion and a pass never go back; the time the package reports is
    kept beside ours, never credited (heartbeats measure effective time)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="scorm_attempts")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="attempts")
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    unit = models.CharField(_("SCO/AU"), max_length=255)
    number = models.PositiveIntegerField(_("attempt"), default=1)
    # cmi5: the registration the AU's statements carry (one per attempt).
    registration = models.UUIDField(_("cmi5 registration"), null=True, blank=True, unique=True)
    directory = models.CharField(_("package folder"), max_length=32)
    completion_status = models.CharField(_("completion status"), max_length=20, default="unknown")
    success_status = models.CharField(_("success status"), max_length=20, default="unknown")
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_min = models.FloatField(_("minimum score"), null=True, blank=True)
    score_max = models.FloatField(_("maximum score"), null=True, blank=True)
    score_scaled = models.FloatField(_("scaled score"), null=True, blank=True)
    best_score = models.PositiveSmallIntegerField(_("best score (%)"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("suspend data"), blank=True)
    exit = models.CharField(_("exit"), max_length=20, blank=True)
    reported_seconds = models.FloatField(_("time reported by the package (s)"), default=0)
    interactions = models.JSONField(_("interactions"), default=list, blank=True)
    commits = models.PositiveIntegerField(_("commits"), default=0)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    updated_at = models.DateTimeField(_("last commit"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("SCORM/cmi5 attempt")
        verbose_name_plural = _("SCORM/cmi5 attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "activity_id", "unit", "number"],
                name="one_scorm_attempt_per_number",
            )
        ]
        indexes = [
            models.Index(fields=["user", "lesson", "activity_id"]),
            models.Index(fields=["course", "user"]),
        ]

    def __str__(self):
        return f"{self.user} – {self.unit} #{self.number}: {self.completion_status}"


class ScormSequencingState(Record, models.Model):
    """Where a learner stands in a SCORM 2004 package's sequencing (the
    runtime's activity tree state: attempts, objectives, global objectives,
    a suspended activity), so that the next visit resumes with the same
    parts open or locked. Saved by the lesson page's runtime; it orders the
    navigation only: completion and results come from the SCOs' commits,
    checked on the server. Tied to the package folder it was made in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_sequencing"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    directory = models.CharField(_("package folder"), max_length=32)
    state = models.TextField(_("sequencing state"))
    updated_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("SCORM sequencing state")
        verbose_name_plural = _("SCORM sequencing states")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "activity_id"], name="one_sequencing_state_per_activity"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.activity_id}"


class Cmi5Session(Record, models.Model):
    """One launch of a cmi5 AU for a learner's attempt: the session id its
    statements carry, the secret of the single-use fetch address and the
    auth token handed out through it (both kept as SHA-256 only). The token
    is valid until the AU sends "terminated"."""

    attempt = models.ForeignKey(
        ScormAttempt, on_delete=models.CASCADE, related_name="cmi5_sessions"
    )
    session_id = models.UUIDField(_("session id"), unique=True)
    fetch_secret_hash = models.CharField(_("fetch secret (SHA-256)"), max_length=64)
    token_hash = models.CharField(_("auth token (SHA-256)"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("launched at"), default=timezone.now)
    fetched_at = models.DateTimeField(_("token fetched at"), null=True, blank=True)
    initialized_at = models.DateTimeField(_("initialized at"), null=True, blank=True)
    terminated_at = models.DateTimeField(_("terminated at"), null=True, blank=True)
    statements = models.JSONField(_("statements"), default=list, blank=True)

    class Meta:
        verbose_name = _("cmi5 session")
        verbose_name_plural = _("cmi5 sessions")

    def __str__(self):
        return f"{self.attempt} – {self.session_id}"
