"""The lesson page's body, rendered once and kept: text, headings, steps,
images with their renditions, videos, documents and callouts are the same
for every learner, and rendering them was most of the page's CPU. They are
kept as HTML per lesson, live revision and language, in the shared cache
(Redis when scaled out, so one instance renders for all) under the site
generation, which every publish, unpublish, move and change of an image,
document or H5P package replaces (lms.site_cache); each process also keeps
its copy for the generation, so a warm page reads no cache at all.

What belongs to one learner is never in there: quizzes (the options are
shuffled per learner and attempt, and the form or the graded result depends
on their attempts) and H5P activities (the player's settings carry the
learner's saved state) stay blocks, rendered for the request around the
kept HTML, together with the progress, the CSRF token and the messages.
Of a quiz, the questions' and options' HTML is kept too (no one's answers
are in it), and joined in the learner's order; of an H5P activity, the
player's settings but the saved state (courses.h5p.player)."""

from django.core.cache import cache
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue

from courses.catalogue import quiz
from courses.models import LessonPage
from lms import site_cache

LEARNER_BLOCKS = frozenset({"quiz", "h5p", "scorm"})
SHARED_TIMEOUT = 24 * 3600  # a generation no request reads any more simply expires


def lesson_body_parts(lesson: LessonPage) -> list[SafeString | StreamValue.StreamChild]:
    """The lesson's body in order: kept HTML for the runs of shared blocks,
    the blocks themselves for the learner's own (quiz, H5P). `lesson.body`
    must be the parsed body kept per process (selectors.lesson_body)."""
    body = lesson.body
    # The HTML comes from our own block templates, escaped as they render.
    return [
        mark_safe(part) if isinstance(part, str) else body[part]  # noqa: S308
        for part in _kept(lesson)["parts"]
    ]


def quiz_form_parts(
    lesson: LessonPage, block: StreamValue.StreamChild, *, seed: str
) -> list[tuple[SafeString, list[SafeString]]]:
    """A quiz's form for one learner and attempt: (legend, [option]) of
    every question, the kept HTML in the learner's shuffled order."""
    kept = _kept(lesson)["quizzes"][block.id]
    return [
        (
            mark_safe(kept[question_id]["legend"]),  # noqa: S308 (format_html's output)
            [mark_safe(kept[question_id]["options"][oid]) for oid, _ in options],  # noqa: S308
        )
        for question_id, _value, options in quiz.shuffled_options(block.value, seed=seed)
    ]


def _kept(lesson: LessonPage) -> dict:
    language = translation.get_language()
    name = f"courses:lesson-html:v2:{lesson.pk}:{lesson.live_revision_id}:{language}"

    def shared():
        key = f"{name}:{site_cache.generation()}"
        kept = cache.get(key)
        if kept is None:
            kept = _render_shared(lesson)
            cache.set(key, kept, SHARED_TIMEOUT)
        return kept

    return site_cache.memo(name, shared)


def _render_shared(lesson: LessonPage) -> dict:
    """The shared blocks' HTML, runs joined, with the position in the body of
    every learner block in between, and the quizzes' question and option
    HTML. Rendered with the page only: no request, no user, so nothing of
    anyone's can end up in it."""
    parts: list[str | int] = []
    quizzes = {}
    for index, child in enumerate(lesson.body):
        if child.block_type in LEARNER_BLOCKS:
            parts.append(index)
            if child.block_type == "quiz":
                quizzes[child.id] = _quiz_html(child.value)
            continue
        html = str(child.render(context={"page": lesson}))
        if parts and isinstance(parts[-1], str):
            parts[-1] += html
        else:
            parts.append(html)
    return {"parts": parts, "quizzes": quizzes}


def _quiz_html(value) -> dict[str, dict]:
    """Question id -> its legend's and its options' HTML (option id -> the
    input with its label), as the quiz form shows them."""
    kept = {}
    for question_id, question, options in quiz.questions(value):
        multiple = question["kind"] == "multiple"
        hint = format_html(' <span class="quiz__hint">({})</span>', _("choose all that apply"))
        kept[question_id] = {
            "legend": format_html("{}{}", question["text"], hint if multiple else ""),
            "options": {
                option_id: format_html(
                    '<div class="quiz__option"><input type="{type}" name="q-{question}" '
                    'value="{option}" id="o-{option}"><label class="inline" for="o-{option}">'
                    "{text}</label></div>",
                    type="checkbox" if multiple else "radio",
                    question=question_id,
                    option=option_id,
                    text=option["text"],
                )
                for option_id, option in options
            },
        }
    return kept
