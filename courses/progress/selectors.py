"""Reads on a learner's progress that the learner's pages share: the lessons
they completed, a course's programme with their done marks, the summary of a
list of lessons (count, done, percent, where to continue), their effective
time and last activity. One query each, whatever the number of lessons."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Sum
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, LessonProgress, ModulePage
from lms import site_cache


def done_lesson_ids(user, course_ids: Iterable[int]) -> set[int]:
    """The lessons the learner completed on the given courses; none (and no
    query) for a visitor."""
    if not user.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(
            user=user, course_id__in=course_ids, status=LessonProgress.Status.COMPLETED
        ).values_list("lesson_id", flat=True)
    )


def _outline(course: CoursePage) -> list[tuple[Page, bool]]:
    """(page, is module) for the course's live modules and lessons in order."""
    lesson_type = ContentType.objects.get_for_model(LessonPage).pk
    module_type = ContentType.objects.get_for_model(ModulePage).pk
    return [
        (page, page.content_type_id == module_type)
        for page in Page.objects.live().descendant_of(course).order_by("path")
        if page.content_type_id in (lesson_type, module_type)
    ]


def programme(course: CoursePage, done_ids: set[int]) -> list[dict[str, Any]]:
    """The course's modules and lessons in order, with the learner's done
    marks. The outline is the same for everyone, so kept per process until
    a page changes."""
    outline = site_cache.memo(f"courses:outline:{course.pk}", lambda: _outline(course))
    return [
        {"page": page, "is_module": True}
        if is_module
        else {"page": page, "is_module": False, "done": page.pk in done_ids}
        for page, is_module in outline
    ]


def programme_lessons(items: list[dict[str, Any]]) -> list[Page]:
    """The lessons of a programme, in order."""
    return [item["page"] for item in items if not item["is_module"]]


def percent_done(done: int, total: int) -> int:
    """The share of lessons done, in whole percent (0 for no lessons)."""
    return round(100 * done / total) if total else 0


def lesson_summary(lessons: Sequence[Page], done_ids: set[int]) -> dict[str, Any]:
    """How far the learner is through the lessons given in order: their
    count, how many are done, the percent, and the lesson to continue with
    (the first not done, else the first)."""
    done = sum(1 for lesson in lessons if lesson.pk in done_ids)
    next_lesson = next((lesson for lesson in lessons if lesson.pk not in done_ids), None)
    return {
        "lesson_count": len(lessons),
        "done_count": done,
        "percent": percent_done(done, len(lessons)),
        "continue_page": next_lesson or (lessons[0] if lessons else None),
    }


def effective_seconds(user, course: CoursePage) -> int:
    """The learner's effective learning time on the course."""
    total = LessonProgress.objects.filter(user=user, course=course).aggregate(
        total=Sum("effective_seconds")
    )["total"]
    return total or 0


def last_activity_by_course(user, courses: Sequence[CoursePage]) -> dict[int, Any]:
    """Course id -> when the learner last opened one of its lessons."""
    return dict(
        LessonProgress.objects.filter(user=user, course__in=courses)
        .values("course_id")
        .annotate(last=Max("last_opened_at"))
        .values_list("course_id", "last")
    )
