"""The blocks a pre- or post-test is written in: the lesson quiz's questions
(same kinds, same checks) and self-assessment statements, each naming the
learning outcome (W1, U2, K1) it measures. The course page's form checks
that every named outcome exists (courses.competences.validation)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.catalogue.blocks import QuestionBlock

OUTCOME_HELP = _("The symbol of the learning outcome it measures, for example W1, U2 or K1.")


def outcome_block():
    return blocks.CharBlock(label=_("Learning outcome"), max_length=8, help_text=OUTCOME_HELP)


class OutcomeQuestionBlock(QuestionBlock):
    """A graded question (single, multiple choice, true/false) measuring one outcome."""

    outcome = outcome_block()

    class Meta:
        icon = "help"
        label = _("Question")


class StatementBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Statement"), max_length=500, help_text=_('Begin with "I can", e.g. "I can ..."')
    )
    level = blocks.IntegerBlock(
        label=_("Proficiency level"),
        min_value=1,
        help_text=_("The level of the framework that this statement describes."),
    )

    class Meta:
        icon = "user"
        label = _("Statement")


class SelfAssessmentBlock(blocks.StructBlock):
    """ "I can ..." statements at proficiency levels: the participant ticks
    what they can do, and their self-assessed level is the highest level
    whose statements they all ticked, with every lower level's too."""

    outcome = outcome_block()
    statements = blocks.ListBlock(StatementBlock(), label=_("Statements"), min_num=1)

    class Meta:
        icon = "user"
        label = _("Self-assessment")


class CompetenceTestBlock(blocks.StreamBlock):
    question = OutcomeQuestionBlock()
    self_assessment = SelfAssessmentBlock()

    class Meta:
        min_num = 1
