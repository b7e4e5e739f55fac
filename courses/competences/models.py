"""The competence domain's tables.

Reference data: a framework version (DigComp 2.2, DigComp 3.0 or one an
administrator adds) with its proficiency levels, areas and competences, each
with a Polish and an English name. Every tag names a competence of exactly
one framework version, so the version is recorded with every tag.

The standard of a course (wzorzec): its learning outcomes are the lines of
the course's outcome fields, numbered W1.. (knowledge), U1.. (skills), K1..
(social competences) as Polish programmes do (CoursePage.numbered_outcomes);
an `OutcomeAlignment` gives an outcome its competence, target level and pass
criterion. The pre- and post-test (`CompetenceTest`) are authored with the
course page, so drafts and revisions work as for the rest of the course.

What participants meet is never the editable course but a frozen
`CompetenceStandard`: the outcomes, criteria, competences and both tests as
they stood when the first participant started, as JSON. A later change of
any of these makes a new version (with its date) for those who start after
it; each participant's `CompetenceAssessment` keeps the version they started
with, and their attempts are shown and graded from it.

`CompetenceStandard.content`:
    {"framework": {"code", "name"} | null,
     "outcomes": [{"code": "W1", "kind": "knowledge"|"skills"|"social", "text",
                   "competence": {"code", "area", "name", "name_en", "framework"} | null,
                   "target_level": int | null, "pass_percent": int}],
     "min_gain": int,                       # percentage points, 0 = no minimum
     "pre_test": {"optional": bool, "questions": [QUESTION]} | null,
     "post_test": {"questions": [QUESTION]} | null}
    QUESTION is {"id", "type": "question", "outcome", "kind": "single"|"multiple"|
    "true_false", "text", "options": [{"id", "text", "correct", "feedback"}]} or
    {"id", "type": "self_assessment", "outcome", "statements": [{"id", "text", "level"}]}.

`CompetenceAssessment.results`, written once when a post-test is graded:
    {"outcomes": [{"code", "before": int | null, "after": int | null,
                   "criterion": int, "met": bool}],
     "competences": [{"code", "name", "framework", "target_level",
                      "before": int | null, "after": int | null}],
     "score_before": int | null, "score_after": int, "gain": int | null}
    before/after of an outcome are percent scores of its questions; of a
    competence, the self-assessed proficiency level (null without statements).

`CompetenceAttempt.answers`: {"questions": {question id: [option ids]},
"statements": [ticked statement ids]}; outcome_scores {outcome code: percent}
for the outcomes with questions, self_levels {outcome code: level} for those
with statements (courses/competences/services.py grades them)."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from courses.catalogue.models import CoursePage, Enrolment
from courses.competences.blocks import CompetenceTestBlock
from lms.records import Record


class Named(models.Model):
    """A reference row named in Polish (the site's language) and English."""

    name = models.CharField(_("name (Polish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def label(self) -> str:
        """The name in the active language (Polish when no English one is set)."""
        if self.name_en and (translation.get_language() or "").startswith("en"):
            return self.name_en
        return self.name


class CompetenceFramework(Named, ClusterableModel):
    """One version of a competence framework. DigComp 2.2 and 3.0 ship with
    the app; administrators may add others (or a later version) without code."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("year")]),
        FieldPanel("name"),
        FieldPanel("name_en"),
        InlinePanel("levels", heading=_("Proficiency levels"), min_num=1),
    ]

    class Meta:
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")
        ordering = ["code"]

    def __str__(self):
        return self.label


class ProficiencyLevel(Named, Orderable):
    """A framework's proficiency level (DigComp 2.2 has 8, 3.0 has 4): the
    scale of target levels and of the self-assessment."""

    framework = ParentalKey(CompetenceFramework, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(_("number"))

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("name"), FieldPanel("name_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("proficiency level")
        verbose_name_plural = _("proficiency levels")
        constraints = [
            models.UniqueConstraint(fields=["framework", "number"], name="unique_level_number")
        ]

    def __str__(self):
        return f"{self.number}: {self.label}"


class CompetenceArea(Named, ClusterableModel):
    """An area of a framework (DigComp: five) grouping its competences."""

    framework = models.ForeignKey(
        CompetenceFramework,
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="areas",
    )
    code = models.CharField(_("code"), max_length=10)

    panels = [
        FieldRowPanel([FieldPanel("framework"), FieldPanel("code")]),
        FieldPanel("name"),
        FieldPanel("name_en"),
        InlinePanel("competences", heading=_("Competences"), min_num=1),
    ]

    class Meta:
        verbose_name = _("competence area")
        verbose_name_plural = _("competence areas")
        ordering = ["framework__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="unique_area_code")
        ]

    def __str__(self):
        return f"{self.framework.name}: {self.code} {self.label}"


class CompetenceManager(models.Manager):
    """Competences with their area and framework: a competence is named with
    its framework (the same code means different things in 2.2 and 3.0), so
    the course editor's choice list reads them in its one query."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("area__framework")
            .order_by("area__framework__code", "area__code", "sort_order")
        )


class Competence(Named, Orderable):
    """One competence of a framework (DigComp 4.2 "Protecting personal data
    and privacy"): what a course's outcomes are tagged with."""

    area = ParentalKey(CompetenceArea, on_delete=models.PROTECT, related_name="competences")
    code = models.CharField(_("code"), max_length=10)

    objects = CompetenceManager()

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("name"), FieldPanel("name_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        constraints = [models.UniqueConstraint(fields=["area", "code"], name="unique_competence")]

    def __str__(self):
        return f"{self.area.framework.name}: {self.code} {self.label}"


class OutcomeAlignment(Orderable):
    """How one learning outcome of a course is measured: the competence it
    develops and the level it aims at (both optional: a social competence
    may lie outside DigComp) and the post-test score it must reach."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="outcome_alignments")
    outcome = models.CharField(
        _("learning outcome"), max_length=8, help_text=_("Its symbol, for example W1, U2 or K1.")
    )
    competence = models.ForeignKey(
        Competence,
        verbose_name=_("competence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_level = models.PositiveSmallIntegerField(_("target level"), null=True, blank=True)
    pass_percent = models.PositiveSmallIntegerField(
        _("pass criterion (%)"),
        default=60,
        validators=[MaxValueValidator(100)],
        help_text=_("The post-test score on this outcome's questions that meets the outcome."),
    )

    panels = [
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("pass_percent")]),
        FieldRowPanel([FieldPanel("competence"), FieldPanel("target_level")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("outcome alignment")
        verbose_name_plural = _("outcome alignments")
        constraints = [
            models.UniqueConstraint(fields=["course", "outcome"], name="one_alignment_per_outcome")
        ]


class CompetenceTest(Orderable):
    """A course's pre-test or post-test, authored with the course page: quiz
    questions and self-assessment statements, each linked to an outcome."""

    class Kind(models.TextChoices):
        PRE = "pre", _("pre-test")
        POST = "post", _("post-test")

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="competence_tests")
    kind = models.CharField(_("test"), max_length=4, choices=Kind.choices)
    optional = models.BooleanField(
        _("learners may skip it"),
        default=False,
        help_text=_("Pre-test only: offered before the first lesson, with a button to skip it."),
    )
    min_gain = models.PositiveSmallIntegerField(
        _("minimum gain (percentage points)"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Post-test only: how much the post-test score must exceed the pre-test score for "
            "the competence to count as gained; 0 means no minimum."
        ),
    )
    questions = StreamField(CompetenceTestBlock(), verbose_name=_("questions"))

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("optional"), FieldPanel("min_gain")]),
        FieldPanel("questions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competence test")
        verbose_name_plural = _("competence tests")
        constraints = [
            models.UniqueConstraint(fields=["course", "kind"], name="one_test_of_each_kind")
        ]


class CompetenceStandard(models.Model):
    """A frozen version of a course's standard (see the module docstring):
    what participants who started while it was current are assessed against."""

    course = models.ForeignKey(
        CoursePage, on_delete=models.CASCADE, related_name="competence_standards"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    frozen_at = models.DateTimeField(_("in force since"), default=timezone.now)
    content = models.JSONField(_("standard"))

    class Meta:
        verbose_name = _("competence standard version")
        verbose_name_plural = _("competence standard versions")
        ordering = ["course", "number"]
        constraints = [
            models.UniqueConstraint(fields=["course", "number"], name="unique_standard_version")
        ]

    def __str__(self):
        return f"{self.course} v{self.number}"


class CompetenceAssessment(Record, models.Model):
    """One participant's competence record on a course: the standard version
    they started with, whether they skipped an optional pre-test, and the
    result stored when their post-test was graded (never recomputed when the
    course's rules change later, like course completion)."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="competence_assessment"
    )
    standard = models.ForeignKey(
        CompetenceStandard,
        verbose_name=_("standard version"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    pre_test_skipped_at = models.DateTimeField(_("pre-test skipped at"), null=True, blank=True)
    assessed_at = models.DateTimeField(_("assessed at"), null=True, blank=True)
    gained = models.BooleanField(_("competence gained"), null=True)
    results = models.JSONField(_("results"), default=dict)

    class Meta:
        verbose_name = _("competence assessment")
        verbose_name_plural = _("competence assessments")
        indexes = [models.Index(fields=["standard", "assessed_at"])]

    def __str__(self):
        return f"{self.enrolment} v{self.standard.number}"


class CompetenceAttempt(Record, models.Model):
    """One submitted pre- or post-test attempt, graded on the server against
    the participant's standard version; every attempt is kept."""

    assessment = models.ForeignKey(
        CompetenceAssessment, on_delete=models.CASCADE, related_name="attempts"
    )
    kind = models.CharField(_("test"), max_length=4, choices=CompetenceTest.Kind.choices)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    answers = models.JSONField(_("answers"))
    outcome_scores = models.JSONField(_("score per outcome (%)"), default=dict)
    self_levels = models.JSONField(_("self-assessed level per outcome"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("competence test attempt")
        verbose_name_plural = _("competence test attempts")
        ordering = ["assessment", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "kind", "number"], name="unique_competence_attempt"
            )
        ]

    def __str__(self):
        return f"{self.assessment} {self.kind} #{self.number}: {self.score}%"
