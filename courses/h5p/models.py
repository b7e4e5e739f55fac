"""H5P: uploaded packages, the library versions they run, and what each
learner did in each H5P activity of a lesson (statements as evidence, a
result per activity for progress, the saved state for resuming).

Library code runs in learners' browsers, so library versions are trusted
one by one: a version is identified by name, version and content hash and
is used only once approved. Files live in storage (courses.h5p.storage);
these rows say where."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.catalogue.models import CoursePage, LessonPage
from courses.h5p import storage
from courses.package_models import UploadedPackage, folders_removed_on_delete
from lms.records import Record


class H5PLibrary(models.Model):
    """One library version with its content hash. Installing a version not
    approved before needs the `install_h5plibrary` permission."""

    machine_name = models.CharField(_("machine name"), max_length=127)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    runnable = models.BooleanField(_("runnable"), default=False)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64)
    directory = models.CharField(_("storage folder"), max_length=255)
    preloaded_js = models.JSONField(_("preloaded scripts"), default=list)
    preloaded_css = models.JSONField(_("preloaded styles"), default=list)
    dependencies = models.JSONField(_("dependencies"), default=list)
    installed_at = models.DateTimeField(_("installed at"), default=timezone.now)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("installed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "-major_version", "-minor_version", "-patch_version"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "machine_name",
                    "major_version",
                    "minor_version",
                    "patch_version",
                    "content_hash",
                ],
                name="one_h5p_library_per_version_and_hash",
            )
        ]
        permissions = [("install_h5plibrary", _("Can install new H5P library versions"))]

    def __str__(self):
        return f"{self.machine_name} {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class H5PPackageQuerySet(models.QuerySet):
    def ready(self):
        return self.filter(status=H5PPackage.Status.READY)


class H5PPackage(UploadedPackage):
    """An uploaded `.h5p` file, managed as a snippet and placed in lessons
    with the H5P activity block. Replacing it extracts the new file into a
    new folder; the previous folder stays for learners mid-attempt until the
    next replacement."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for library approval")
        READY = "ready", _("ready")

    file = models.FileField(_("H5P file"), storage=storage.h5p_storage, max_length=255)
    main_library = models.CharField(_("main library"), max_length=140)
    language = models.CharField(_("language"), max_length=20, blank=True)
    libraries = models.ManyToManyField(
        H5PLibrary, verbose_name=_("libraries"), related_name="packages", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )

    objects = H5PPackageQuerySet.as_manager()

    class Meta(UploadedPackage.Meta):
        verbose_name = _("H5P package")
        verbose_name_plural = _("H5P packages")

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    def library_list(self) -> str:
        return ", ".join(str(library) for library in self.libraries.all())

    library_list.short_description = _("libraries")


folders_removed_on_delete(H5PPackage, storage.delete_upload)


class H5PStatement(Record, models.Model):
    """One xAPI statement as posted (evidence), with what the server read
    from it. The actor in `raw` is whatever the browser sent; `user` is who
    was logged in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_statements"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    package = models.ForeignKey(
        H5PPackage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(_("verb"), max_length=40)
    is_top_level = models.BooleanField(_("top-level"), default=True)
    ends_attempt = models.BooleanField(_("ends an attempt"), default=False)
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_max = models.FloatField(_("maximum score"), null=True, blank=True)
    score_scaled = models.FloatField(_("scaled score"), null=True, blank=True)
    raw = models.JSONField(_("statement"))
    created_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P statement")
        verbose_name_plural = _("H5P statements")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["user", "lesson", "activity_id"])]

    def __str__(self):
        return f"{self.user} – {self.activity_id}: {self.verb}"


class H5PResult(Record, models.Model):
    """A learner's result in one H5P activity: attempts, best score (%),
    when it was first viewed and first completed. Only moves forward."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_results"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="h5p_results")
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    best_score = models.PositiveSmallIntegerField(_("best score (%)"), null=True, blank=True)
    viewed_at = models.DateTimeField(_("first viewed"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    last_statement_at = models.DateTimeField(_("last statement"), null=True, blank=True)

    class Meta:
        verbose_name = _("H5P result")
        verbose_name_plural = _("H5P results")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "activity_id"], name="one_h5p_result_per_activity"
            )
        ]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self):
        return f"{self.user} – {self.activity_id}: {self.best_score}"


class H5PUserData(Record, models.Model):
    """The player's saved state for one learner and activity, so a learner
    who comes back continues where they left off. Tied to the package folder
    it was saved for: a replaced package starts fresh."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_user_data"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(_("activity (block id)"), max_length=64)
    data_type = models.CharField(_("data type"), max_length=64)
    sub_content_id = models.CharField(_("sub-content id"), max_length=64, default="0")
    directory = models.CharField(_("package folder"), max_length=32, blank=True)
    data = models.TextField(_("data"))
    preload = models.BooleanField(_("preload"), default=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "activity_id", "data_type", "sub_content_id"],
                name="one_h5p_state_per_activity",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.activity_id}/{self.data_type}"
