"""Lesson content blocks. Each has a template, an admin preview and the
validation accessibility needs at authoring time: images and screenshots
need alt text, videos need a WebVTT captions file.

Quizzes are blocks too, so a trainer writes the questions inside the lesson;
every question and option keeps the stable id Wagtail gives list items, which
is what the learner's form posts and the server grades against."""

import os

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.blocks import RICH_TEXT_FEATURES, HeadingBlock, ImageBlock, ParagraphBlock

VIDEO_EXTENSIONS = {".mp4", ".webm"}
SCREENSHOT_NEEDS_ALT = _("A screenshot needs alternative text.")
VIDEO_WRONG_TYPE = _("Choose an MP4 or WebM video file.")
CAPTIONS_WRONG_TYPE = _("Captions must be a WebVTT file (.vtt).")
QUESTION_ONE_CORRECT = _("Mark exactly one correct answer.")
QUESTION_SOME_CORRECT = _("Mark at least one correct answer.")
QUESTION_TRUE_FALSE = _("A true/false question has exactly two answers.")
QUESTION_TWO_OPTIONS = _("Give at least two answers.")


def _extension(document) -> str:
    return os.path.splitext(document.file.name)[1].lower() if document else ""


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)
    screenshot = ImageChooserBlock(label=_("Screenshot"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Screenshot alternative text"), required=False, max_length=250
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("screenshot") and not value.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(SCREENSHOT_NEEDS_ALT)}
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    """A numbered step-by-step instruction, each step with an optional screenshot."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step instruction")
        template = "courses/blocks/steps.html"
        preview_value = {
            "title": "Blokada ekranu",
            "steps": [
                {"text": "<p>Naciśnij klawisze Windows + L.</p>"},
                {"text": "<p>Sprawdź, że widać ekran logowania.</p>"},
            ],
        }
        description = _("Numbered steps with optional screenshots.")


class VideoBlock(blocks.StructBlock):
    """An uploaded video with required captions (WCAG 1.2.2), an optional
    transcript and an optional poster (else the player is a black box until
    the video plays)."""

    video = DocumentChooserBlock(label=_("Video file (MP4 or WebM)"))
    poster = ImageChooserBlock(
        label=_("Poster image"),
        required=False,
        help_text=_("Shown in the player until the video starts, for example a frame of it."),
    )
    captions = DocumentChooserBlock(label=_("Captions (WebVTT .vtt)"))
    captions_language = blocks.ChoiceBlock(
        label=_("Captions language"), choices=[("pl", "polski"), ("en", "English")], default="pl"
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if _extension(value.get("video")) not in VIDEO_EXTENSIONS:
            errors["video"] = ValidationError(VIDEO_WRONG_TYPE)
        if _extension(value.get("captions")) != ".vtt":
            errors["captions"] = ValidationError(CAPTIONS_WRONG_TYPE)
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"
        description = _("An uploaded video with captions.")


class DocumentBlock(blocks.StructBlock):
    """A file to download, shown with its type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document.html"
        description = _("A file to download with its type and size.")


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip, warning or important note."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning")), ("important", _("Important"))],
        default="tip",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"
        preview_value = {"kind": "tip", "text": "<p>Zablokuj ekran, gdy odchodzisz od biurka.</p>"}
        description = _("A tip, warning or important note.")


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(label=_("Feedback"), required=False, max_length=500)

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    class Kind:
        SINGLE = "single"
        MULTIPLE = "multiple"
        TRUE_FALSE = "true_false"

    text = blocks.CharBlock(label=_("Question"), max_length=1000)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("single", _("single choice")),
            ("multiple", _("multiple choice")),
            ("true_false", _("true / false")),
        ],
        default="single",
    )
    options = blocks.ListBlock(OptionBlock(), label=_("Answers"))

    def clean(self, value):
        value = super().clean(value)
        options = list(value["options"])
        correct = sum(1 for option in options if option["correct"])
        message = None
        if len(options) < 2:
            message = QUESTION_TWO_OPTIONS
        elif value["kind"] == self.Kind.TRUE_FALSE and len(options) != 2:
            message = QUESTION_TRUE_FALSE
        elif value["kind"] in (self.Kind.SINGLE, self.Kind.TRUE_FALSE) and correct != 1:
            message = QUESTION_ONE_CORRECT
        elif value["kind"] == self.Kind.MULTIPLE and correct < 1:
            message = QUESTION_SOME_CORRECT
        if message:
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        non_block_errors=ErrorList([ValidationError(message)])
                    )
                }
            )
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class QuizBlock(blocks.StructBlock):
    """A graded quiz. The pass mark, attempt limit and shuffling are per quiz;
    grading happens on the server (courses.catalogue.quiz)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=0, max_value=100, default=70
    )
    max_attempts = blocks.IntegerBlock(
        label=_("Attempt limit"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no limit."),
    )
    shuffle = blocks.BooleanBlock(label=_("Shuffle answers"), required=False, default=True)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "courses/blocks/quiz_preview.html"
        description = _("Questions graded on the server, with feedback.")


class H5PActivityBlock(blocks.StructBlock):
    """An interactive H5P activity: an uploaded package (snippet) played in
    the lesson by h5p-standalone. Its xAPI results are scored on the server
    (courses.h5p.xapi) and count when the lesson is completed by its H5P
    activities."""

    package = SnippetChooserBlock("courses.H5PPackage", label=_("H5P package"))
    required = blocks.BooleanBlock(
        label=_("Required for the lesson"),
        required=False,
        default=True,
        help_text=_("Counts when the lesson is completed by its H5P activities."),
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        min_value=0,
        max_value=100,
        default=70,
        help_text=_("The score an attempt needs; content without a score only has to be finished."),
    )
    complete_on_view = blocks.BooleanBlock(
        label=_("Viewing completes it"),
        required=False,
        default=False,
        help_text=_("For content without a score (a presentation, a video): opening it is enough."),
    )

    class Meta:
        icon = "pick"
        label = _("H5P activity")
        template = "courses/h5p/activity_block.html"
        description = _("An interactive H5P package with results that count for progress.")


class PackageActivityBlock(blocks.StructBlock):
    """A SCORM 1.2, SCORM 2004 or cmi5 package (snippet) played in the lesson:
    SCORM through scorm-again, cmi5 through our own launch and xAPI endpoint
    (courses.scorm). It is done when the package says so (completion and
    success status, cmi5's moveOn) and counts when the lesson is completed
    by its packages."""

    package = SnippetChooserBlock("courses.ScormPackage", label=_("SCORM/cmi5 package"))
    required = blocks.BooleanBlock(
        label=_("Required for the lesson"),
        required=False,
        default=True,
        help_text=_("Counts when the lesson is completed by its packages."),
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_(
            "Empty: the package's own mastery score, if it names one; a package without "
            "one only has to be completed."
        ),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("SCORM/cmi5 package")
        template = "courses/scorm/package_block.html"
        description = _("A ready-made e-learning package whose results count for progress.")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    steps = StepsBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quiz = QuizBlock()
    h5p = H5PActivityBlock()
    scorm = PackageActivityBlock()


def stream_with_ids(value: StreamValue) -> StreamValue:
    """The same content with every block bound, so that saving it stores the
    ids of list items too. A StreamValue read from raw data saves the blocks
    nobody looked at as they came; quiz questions and options written without
    ids (the old list format) then get new random ids on every load, and a
    posted answer never matches the form it came from."""
    return StreamValue(value.stream_block, [(c.block_type, c.value, c.id) for c in value])
