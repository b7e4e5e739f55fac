"""Reads on H5P results that progress asks for through its registries
(courses.progress.rules and courses.progress.sections, filled in by
`CoursesConfig.ready()`): the lesson's H5P completion rule and the results
shown in the progress grid's cells; the player's saved state."""

from typing import Any

from django.db.models import Max, Sum

from courses.models import CoursePage, H5PResult, H5PUserData, LessonPage, LessonProgress


def h5p_rule_met(progress: LessonProgress, lesson: LessonPage) -> bool | None:
    """The lesson's H5P rule: every required activity completed (one query);
    None when the lesson is not completed by H5P."""
    if not lesson.complete_by_h5p:
        return None
    required = {key for key, value in lesson.h5p_activities().items() if value["required"]}
    completed = set(
        H5PResult.objects.filter(
            user=progress.user_id, lesson=lesson, completed_at__isnull=False
        ).values_list("activity_id", flat=True)
    )
    return required <= completed


def grid_cells(course: CoursePage, user_ids: list[int]) -> dict[tuple[int, int], dict[str, Any]]:
    """(user id, lesson id) -> the learner's H5P attempts and best score in %
    in that lesson, for the progress grid (one query)."""
    results = (
        H5PResult.objects.filter(course=course, user_id__in=user_ids)
        .values("user_id", "lesson_id")
        .annotate(attempts=Sum("attempts"), best=Max("best_score"))
    )
    return {
        (row["user_id"], row["lesson_id"]): {
            "h5p_attempts": row["attempts"],
            "h5p_best": row["best"],
        }
        for row in results
    }


def h5p_saved_state(*, user, lesson: LessonPage, activity_id: str, directory: str):
    """The player's saved state (a JSON string) for resuming, if it was saved
    for the package folder the learner gets now."""
    saved = H5PUserData.objects.filter(
        user=user, lesson=lesson, activity_id=activity_id, data_type="state",
        sub_content_id="0", directory=directory,
    )  # fmt: skip
    return saved.values_list("data", flat=True).first()
