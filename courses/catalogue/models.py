"""The course tree authored in Wagtail: catalogue > course > (module >) lesson.

The catalogue and course pages are public; lessons need a login and an
enrolment. Learner pages are served by `courses.progress.views` through Wagtail's
`on_serve_page` hook, so these models stay free of enrolment and progress.
Course metadata (hours, learning outcomes) goes on certificates, so it lives
in fields, not in free text.

Who takes which course: an enrolment records who enrolled whom, when, how,
and until when; withdrawing keeps the row (history), and re-enrolling makes
a new one, so at most one enrolment per learner and course is active."""

import math
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from accounts import roles, scopes
from courses import exports
from courses.catalogue import certificate_designs, form_checks, impact
from courses.catalogue.blocks import (
    H5PActivityBlock,
    LessonStreamBlock,
    PackageActivityBlock,
    QuizBlock,
)
from courses.catalogue.panels import CompletionImpactPanel, OutcomeSymbolsPanel
from lms import site_cache
from lms.records import Record
from lms.slugs import AsciiSlugPage


class Audience(models.Model):
    """Who a course is for (officials, teachers, IT staff); a course may have several."""

    key = models.SlugField(_("key"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Topic(models.Model):
    """A subject area used to filter the catalogue (security, office suite...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


DEFAULT_MIN_TIME_PERCENT = 80
# The editor's notice of a change of the needed time (CoursePageForm).
SHARE_CHANGE = ngettext_lazy(
    "This change concerns %(count)d learner still on the course who has less effective "
    "learning time than the new share would require (%(needed)s h).",
    "This change concerns %(count)d learners still on the course who have less effective "
    "learning time than the new share would require (%(needed)s h).",
    "count",
)
SHARE_HELD = ngettext_lazy(
    "Of them, %(count)d had reached the current share.",
    "Of them, %(count)d had reached the current share.",
    "count",
)
SHARE_CONFIRM = _("Save again to confirm.")


def min_effective_seconds(hours, percent: int) -> int:
    """The whole seconds of effective time that reach `percent` of the
    planned `hours`, rounded up (a share is met, never nearly met); one rule
    for completion, certificates, the editor's count and the reports."""
    if not percent or not hours:
        return 0
    return math.ceil(Decimal(hours) * 3600 * percent / 100)


class CourseCatalogPage(AsciiSlugPage, site_cache.SharedViewRestrictions, Page):
    """The public list of courses with filters and search."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")


class CoursePageForm(WagtailAdminPageForm):
    """A trainer who creates a course teaches it: unlisted, they would miss it
    in their progress, live-session and report screens, which go by the
    course's trainers. Pre-ticked on the form and kept on saving the new page.

    A change of the effective time completion needs (the share or the hours)
    that would hold back learners still on the course is refused once with
    their count; the panel (CompletionImpactPanel) then carries the needed
    seconds in a hidden field, so saving the same again confirms it."""

    share_confirmed = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._creator_is_trainer() and not self.initial.get("trainers"):
            self.initial["trainers"] = [self.for_user.pk]  # the new page's own value is empty

    def _creator_is_trainer(self) -> bool:
        return (
            self.instance._state.adding
            and self.for_user is not None
            and "trainers" in self.fields
            and scopes.may_teach(self.for_user)
        )

    def clean(self):
        cleaned_data = super().clean()
        if self._creator_is_trainer() and "trainers" in cleaned_data:
            cleaned_data["trainers"] = (
                self.fields["trainers"]
                .queryset.filter(
                    models.Q(pk__in=cleaned_data["trainers"]) | models.Q(pk=self.for_user.pk)
                )
                .distinct()
            )
        self._check_share_impact(cleaned_data)
        for check in form_checks.COURSE_PAGE_CHECKS:  # the competence alignments and tests
            check(self, cleaned_data)
        return cleaned_data

    def _check_share_impact(self, cleaned_data) -> None:
        """Refuse, once, a change of the needed seconds that holds back
        learners still on the course, counting them (the form's only query
        for it); the same save again, carrying those seconds, goes through."""
        self.share_pending = None
        names = ("hours", "completion_min_time_percent")
        if self.instance._state.adding or not all(cleaned_data.get(n) is not None for n in names):
            return
        old = min_effective_seconds(
            self.initial.get("hours"), self.initial.get("completion_min_time_percent") or 0
        )
        new = min_effective_seconds(*(cleaned_data[name] for name in names))
        if new == old or cleaned_data.get("share_confirmed") == str(new) or not impact.SHARE_IMPACT:
            return
        count = impact.SHARE_IMPACT[0](self.instance, old_seconds=old, new_seconds=new)
        if not count.below:
            return
        self.share_pending = new
        message = SHARE_CHANGE % {"count": count.below, "needed": exports.hours_minutes(new)}
        if new > old and count.reached_old:
            message += " " + SHARE_HELD % {"count": count.reached_old}
        self.add_error("completion_min_time_percent", f"{message} {SHARE_CONFIRM}")


class CoursePage(AsciiSlugPage, site_cache.SharedViewRestrictions, Page):
    """One course: what it teaches, for whom, for how many hours, who teaches
    it, and how learners join and complete it."""

    class Level(models.TextChoices):
        BASIC = "basic", _("basic")
        INTERMEDIATE = "intermediate", _("intermediate")
        ADVANCED = "advanced", _("advanced")

    summary = models.TextField(_("summary"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audiences = ParentalManyToManyField(Audience, verbose_name=_("audience"), blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.BASIC)
    hours = models.DecimalField(
        _("number of hours"),
        max_digits=5,
        decimal_places=1,
        help_text=_("Training hours stated on the certificate."),
    )
    outcomes_knowledge = models.TextField(
        _("learning outcomes: knowledge"), help_text=_("One outcome per line.")
    )
    outcomes_skills = models.TextField(
        _("learning outcomes: skills"), help_text=_("One outcome per line.")
    )
    outcomes_social = models.TextField(
        _("learning outcomes: social competences"),
        blank=True,
        help_text=_("One outcome per line."),
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="taught_courses",
        limit_choices_to=roles.holds(roles.TEACH),
    )
    self_enrolment = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("Learners may enrol themselves with a button on the course page."),
    )
    # 80 is the share settlements of EU grants usually accept as attended.
    completion_min_time_percent = models.PositiveSmallIntegerField(
        _("minimum effective time (percent of the hours)"),
        default=DEFAULT_MIN_TIME_PERCENT,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "0 means no minimum; for example 80 requires 80 percent of the course hours. "
            "Without it no certificate is issued."
        ),
    )
    live_attendance_min_percent = models.PositiveSmallIntegerField(
        _("minimum live-session attendance (percent of the sessions)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "0 means live sessions do not count towards completion; for example 75 requires "
            "attending (present or late) 75 percent of the sessions the learner is expected "
            "at. An excused absence does not count as attending."
        ),
    )
    default_deadline_days = models.PositiveSmallIntegerField(
        _("default deadline (days after assignment)"), null=True, blank=True
    )
    certificate_template = models.CharField(
        _("certificate design"),
        max_length=20,
        choices=certificate_designs.CHOICES,
        default=certificate_designs.DEFAULT,
    )
    certificate_shows_effective_time = models.BooleanField(
        _("show effective learning time on the certificate"),
        default=False,
        help_text=_("The certificate states the planned hours and also the learner's time."),
    )
    # Some trainings must be repeated (cyber hygiene every 12 months): each
    # certificate takes its expiry from this at issue (Certificate.expires_on).
    validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_(
            "Empty: the certificate does not expire. For example 12: it is valid for a year "
            "and the learner is reminded to complete the course again before it expires."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topic"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("hours")]),
            ],
            heading=_("Course details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("outcomes_knowledge"),
                FieldPanel("outcomes_skills"),
                FieldPanel("outcomes_social"),
            ],
            heading=_("Learning outcomes"),
        ),
        MultiFieldPanel(
            [
                OutcomeSymbolsPanel(),
                InlinePanel("outcome_alignments", heading=_("Outcome alignments")),
                InlinePanel("competence_tests", max_num=2, heading=_("Pre-test and post-test")),
            ],
            heading=_("Competences"),
        ),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [
                FieldPanel("self_enrolment"),
                FieldPanel("default_deadline_days"),
                FieldPanel("completion_min_time_percent"),
                FieldPanel("live_attendance_min_percent"),
                CompletionImpactPanel(),
                FieldPanel("certificate_template"),
                FieldPanel("validity_months"),
                FieldPanel("certificate_shows_effective_time"),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("topic_id"),
    ]
    parent_page_types = ["courses.CourseCatalogPage"]
    subpage_types = ["courses.ModulePage", "courses.LessonPage"]
    base_form_class = CoursePageForm

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def knowledge(self) -> list[str]:
        return _lines(self.outcomes_knowledge)

    @property
    def skills(self) -> list[str]:
        return _lines(self.outcomes_skills)

    @property
    def social(self) -> list[str]:
        return _lines(self.outcomes_social)

    def numbered_outcomes(self) -> list[tuple[str, str, str]]:
        """(symbol, kind, text) of every learning outcome, numbered as Polish
        programmes number them: W1.. knowledge (wiedza), U1.. skills
        (umiejętności), K1.. social competences (kompetencje społeczne).
        Tests and alignments name outcomes by these symbols."""
        kinds = [("W", "knowledge", self.knowledge), ("U", "skills", self.skills)]
        kinds.append(("K", "social", self.social))
        return [
            (f"{letter}{number}", kind, text)
            for letter, kind, lines in kinds
            for number, text in enumerate(lines, start=1)
        ]

    @property
    def min_effective_seconds(self) -> int:
        """The effective learning time completion asks for (0: none)."""
        return min_effective_seconds(self.hours, self.completion_min_time_percent)

    def lessons(self):
        """Live lessons of this course in programme order (modules included)."""
        return LessonPage.objects.live().descendant_of(self).order_by("path")


class ModulePage(AsciiSlugPage, site_cache.SharedViewRestrictions, Page):
    """An optional group of lessons within a course."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module has no page of its own: its lessons are listed on the course page.
        return redirect(self.get_parent().url)


class LessonPage(AsciiSlugPage, site_cache.SharedViewRestrictions, Page):
    """A lesson built from content blocks. Completion conditions are chosen
    per lesson and must all hold (the progress code evaluates them)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))
    is_required = models.BooleanField(_("required for course completion"), default=True)
    complete_on_open = models.BooleanField(_("completed by opening it"), default=False)
    complete_by_button = models.BooleanField(_("completed with “mark as done”"), default=True)
    complete_by_quiz = models.BooleanField(
        _("completed by passing its quiz"),
        default=False,
        help_text=_("All quizzes of the lesson must be passed."),
    )
    complete_by_h5p = models.BooleanField(
        _("completed by its H5P activities"),
        default=False,
        help_text=_("Every H5P activity of the lesson marked as required must be completed."),
    )
    complete_by_packages = models.BooleanField(
        _("completed by its SCORM/cmi5 packages"),
        default=False,
        help_text=_("Every SCORM/cmi5 package of the lesson marked as required must be done."),
    )
    complete_min_seconds = models.PositiveIntegerField(
        _("minimum effective time (seconds)"), default=0
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("is_required"),
                FieldPanel("complete_on_open"),
                FieldPanel("complete_by_button"),
                FieldPanel("complete_by_quiz"),
                FieldPanel("complete_by_h5p"),
                FieldPanel("complete_by_packages"),
                FieldPanel("complete_min_seconds"),
            ],
            heading=_("Completion"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage", "courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def quizzes(self) -> list:
        """(block id, quiz value) for every quiz block of the lesson."""
        return [
            (block.id, block.value) for block in self.body if isinstance(block.block, QuizBlock)
        ]

    def h5p_activities(self) -> dict:
        """Block id -> H5P activity value for every H5P block of the lesson."""
        return {
            block.id: block.value
            for block in self.body
            if isinstance(block.block, H5PActivityBlock)
        }

    def uses_package(self, block_type: str, package_id: int) -> bool:
        """Whether a block of the live body plays this package; read from the
        raw stream data, without loading the snippets."""
        return any(
            item.get("type") == block_type and item.get("value", {}).get("package") == package_id
            for item in self.body.raw_data
        )

    def package_activities(self) -> dict:
        """Block id -> SCORM/cmi5 activity value for every package block."""
        return {
            block.id: block.value
            for block in self.body
            if isinstance(block.block, PackageActivityBlock)
        }


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
    # Re-certification reopens a completed course: the attempt counts them and
    # its start separates the new attempt's quiz attempts from the earlier ones
    # (which stay, with the time and the activity log, as evidence).
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    attempt_started_at = models.DateTimeField(_("attempt started at"), null=True, blank=True)

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
