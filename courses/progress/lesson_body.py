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
kept HTML, together with the progress, the CSRF token and the messages."""

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail.blocks import StreamValue

from courses.models import LessonPage
from lms import site_cache

LEARNER_BLOCKS = frozenset({"quiz", "h5p"})
SHARED_TIMEOUT = 24 * 3600  # a generation no request reads any more simply expires


def lesson_body_parts(lesson: LessonPage) -> list[SafeString | StreamValue.StreamChild]:
    """The lesson's body in order: kept HTML for the runs of shared blocks,
    the blocks themselves for the learner's own (quiz, H5P). `lesson.body`
    must be the parsed body kept per process (selectors.lesson_body)."""
    language = translation.get_language()
    name = f"courses:lesson-html:{lesson.pk}:{lesson.live_revision_id}:{language}"

    def shared():
        key = f"{name}:{site_cache.generation()}"
        parts = cache.get(key)
        if parts is None:
            parts = _render_shared(lesson)
            cache.set(key, parts, SHARED_TIMEOUT)
        return parts

    body = lesson.body
    # The HTML comes from our own block templates, escaped as they render.
    return [
        mark_safe(part) if isinstance(part, str) else body[part]  # noqa: S308
        for part in site_cache.memo(name, shared)
    ]


def _render_shared(lesson: LessonPage) -> list[str | int]:
    """The shared blocks' HTML, runs joined, with the position in the body of
    every learner block in between. Rendered with the page only: no request,
    no user, so nothing of anyone's can end up in it."""
    parts: list[str | int] = []
    for index, child in enumerate(lesson.body):
        if child.block_type in LEARNER_BLOCKS:
            parts.append(index)
            continue
        html = str(child.render(context={"page": lesson}))
        if parts and isinstance(parts[-1], str):
            parts[-1] += html
        else:
            parts.append(html)
    return parts
