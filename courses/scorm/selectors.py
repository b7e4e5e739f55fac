"""Reads on SCORM/cmi5 attempts that progress asks for through its
registries (filled in by `CoursesConfig.ready()`): the lesson's package
completion rule and the results in the progress grid's cells; the player's
view of a learner's attempts."""

from typing import Any

from django.db.models import Count, Max

from courses.models import CoursePage, LessonPage, LessonProgress, ScormAttempt


def launchable_units(package) -> list[str]:
    """The identifiers of the units that must be done for the activity:
    the SCOs and AUs (assets carry no runtime and report nothing)."""
    units = package.units
    scos = [unit.identifier for unit in units if unit.kind != "asset"]
    return scos or [unit.identifier for unit in units]


def package_rule_met(progress: LessonProgress, lesson: LessonPage) -> bool | None:
    """The lesson's package rule: every unit of every required package
    activity done in some attempt (one query); None when the lesson is not
    completed by its packages."""
    if not lesson.complete_by_packages:
        return None
    done = set(
        ScormAttempt.objects.filter(
            user=progress.user_id, lesson=lesson, done_at__isnull=False
        ).values_list("activity_id", "unit")
    )
    return all(
        (activity_id, unit) in done
        for activity_id, value in lesson.package_activities().items()
        if value["required"] and value["package"] is not None
        for unit in launchable_units(value["package"])
    )


def grid_cells(course: CoursePage, user_ids: list[int]) -> dict[tuple[int, int], dict[str, Any]]:
    """(user id, lesson id) -> the learner's package attempts and best score
    in % in that lesson, for the progress grid (one query)."""
    results = (
        ScormAttempt.objects.filter(course=course, user_id__in=user_ids)
        .values("user_id", "lesson_id")
        .annotate(attempts=Count("pk"), best=Max("best_score"))
    )
    return {
        (row["user_id"], row["lesson_id"]): {
            "package_attempts": row["attempts"],
            "package_best": row["best"],
        }
        for row in results
    }


def learner_attempts(*, user, lesson: LessonPage) -> dict[tuple[str, str], ScormAttempt]:
    """(activity id, unit) -> the learner's latest attempt in the lesson."""
    latest: dict[tuple[str, str], ScormAttempt] = {}
    for attempt in ScormAttempt.objects.filter(user=user, lesson=lesson).order_by("number"):
        latest[(attempt.activity_id, attempt.unit)] = attempt
    return latest
