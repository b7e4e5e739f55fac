"""Reads on a learner's progress that the learner's pages share: the lessons
they completed, a course's programme with their done marks, the summary of a
list of lessons (count, done, percent, where to continue), their effective
time and last activity. The learner's progress rows of the courses shown
are read once (with the enrolment on the lesson page) and everything else
is worked out from them: one query, whatever the number of lessons."""

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from wagtail.models import Page

from courses.catalogue.impact import ShareImpact
from courses.models import CoursePage, Enrolment, LessonPage, LessonProgress, ModulePage
from courses.progress import heartbeat_sql
from lms import site_cache

PROGRESS_FIELDS = (
    "id", "user_id", "lesson_id", "course_id", "status",
    "first_opened_at", "last_opened_at", "effective_seconds", "best_score",
)  # fmt: skip


def course_progress(user, course_ids: Iterable[int]) -> dict[int, LessonProgress]:
    """Lesson id -> the learner's progress row, for the given courses: one
    read that gives the done lessons, the effective time and the last
    activity; none (and no query) for a visitor."""
    if not user.is_authenticated:
        return {}
    rows = LessonProgress.objects.filter(user=user, course_id__in=list(course_ids)).only(
        *PROGRESS_FIELDS
    )
    return {row.lesson_id: row for row in rows}


def enrolled_course_progress(
    user, course: CoursePage, lesson: LessonPage
) -> dict[int, LessonProgress] | None:
    """The learner's progress rows in the course (as `course_progress`),
    read with their enrolment in one query; None when not enrolled. The
    lesson page's one read before it records the opening, so the row of
    `lesson` also brings the learner's quiz summary."""
    columns = ", ".join(f"p.{name}" for name in PROGRESS_FIELDS)
    columns += ", CASE WHEN p.lesson_id = %s THEN p.quiz_summary END"
    sql = f"""
        SELECT {columns}
          FROM {_table(Enrolment)} e
          LEFT JOIN {_table(LessonProgress)} p
            ON p.user_id = e.user_id AND p.course_id = e.course_id
         WHERE e.user_id = %s AND e.course_id = %s AND e.withdrawn_at IS NULL"""  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [lesson.pk, user.pk, course.pk])
        rows = cursor.fetchall()
    if not rows:
        return None
    progress = {}
    for *row, summary in rows:
        values = dict(zip(PROGRESS_FIELDS, row, strict=True))
        if values["id"] is None:  # enrolled, nothing started yet
            continue
        if summary is not None:
            # SQLite and psycopg both hand raw JSON text to a raw cursor
            values["quiz_summary"] = summary if isinstance(summary, dict) else json.loads(summary)
        for name in ("first_opened_at", "last_opened_at"):
            if values[name] is not None:
                values[name] = heartbeat_sql.aware(values[name])
        progress[values["lesson_id"]] = LessonProgress(**values)
    return progress


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def done_ids(progress: dict[int, LessonProgress]) -> set[int]:
    """The completed lessons among the learner's progress rows."""
    return {lesson_id for lesson_id, row in progress.items() if row.is_completed}


def course_of_lesson(lesson: LessonPage) -> CoursePage:
    """The lesson's course, the same for everyone: kept per process until a
    page changes (a move replaces the site generation)."""
    return site_cache.memo(
        f"courses:course-of:{lesson.pk}", lambda: CoursePage.objects.ancestor_of(lesson).get()
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


def required_lessons_pending(user_id: int, course: CoursePage):
    """The course's live required lessons the learner has not completed: a
    queryset, so callers ask `.exists()` or embed it in one query (the
    competence post-test opens once it is empty)."""
    completed = LessonProgress.objects.filter(
        user_id=user_id, course=course, status=LessonProgress.Status.COMPLETED
    ).values("lesson_id")
    return course.lessons().filter(is_required=True).exclude(pk__in=completed)


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


def effective_seconds(progress: dict[int, LessonProgress], course: CoursePage) -> int:
    """The learner's effective learning time on the course."""
    return sum(row.effective_seconds for row in progress.values() if row.course_id == course.pk)


def last_activity_by_course(progress: dict[int, LessonProgress]) -> dict[int, Any]:
    """Course id -> when the learner last opened one of its lessons."""
    last: dict[int, Any] = {}
    for row in progress.values():
        if row.last_opened_at and (
            row.course_id not in last or row.last_opened_at > last[row.course_id]
        ):
            last[row.course_id] = row.last_opened_at
    return last


def live_lessons() -> list[Page]:
    """Every live lesson of the site in tree order (pages with their paths,
    for counting and linking a course's lessons), the same for everyone:
    kept per process until a page changes."""

    def build():
        lesson_type = ContentType.objects.get_for_model(LessonPage)
        return list(Page.objects.live().filter(content_type=lesson_type).order_by("path"))

    return site_cache.memo("courses:live-lessons", build)


def course_people(course: CoursePage) -> dict[str, list]:
    """The course's audiences and trainers as its page lists them, the same
    for everyone: kept per process until a page (or its lists) changes."""

    def build():
        return {"audiences": list(course.audiences.all()), "trainers": list(course.trainers.all())}

    return site_cache.memo(f"courses:people:{course.pk}", build)


def lesson_body(lesson: LessonPage):
    """The lesson's content blocks, parsed (with the images, documents and
    H5P packages they show), the same for everyone: kept per process for
    the live revision until a page, package, image or document changes."""

    def build():
        body = lesson.body
        for child in body:  # parse every block now, fetching what they show
            child.value  # noqa: B018
        return body

    return site_cache.memo(f"courses:lesson-body:{lesson.pk}:{lesson.live_revision_id}", build)


def enrolment_effective_seconds():
    """The effective seconds of an enrolment's learner in its course, as an
    expression for a queryset of enrolments (0 before any heartbeat)."""
    spent = (
        LessonProgress.objects.filter(user=OuterRef("user_id"), course=OuterRef("course_id"))
        .order_by()
        .values("user")
        .annotate(total=Sum("effective_seconds"))
        .values("total")
    )
    return Coalesce(Subquery(spent), 0)


def share_impact(course: CoursePage, *, old_seconds: int, new_seconds: int) -> ShareImpact:
    """For the editor changing a course's share of effective time: how many
    learners still on the course (enrolled, not completed) have less time
    than the new share needs, and how many of them had the old one's (whom
    raising the share holds back). One query; completions stay as stored."""
    figures = (
        Enrolment.objects.active()
        .filter(course=course, completed_at__isnull=True)
        .annotate(spent=enrolment_effective_seconds())
        .aggregate(
            below=Count("pk", filter=Q(spent__lt=new_seconds)),
            reached_old=Count("pk", filter=Q(spent__lt=new_seconds, spent__gte=old_seconds)),
        )
    )
    return ShareImpact(**figures)
