"""Reads on the catalogue shared by the learner's pages, the admin screens
and the reports."""

from collections.abc import Iterable
from typing import TypeVar

from wagtail.models import Page

from accounts import scopes
from accounts.admin_views import PARTICIPANT_POLICY
from courses.models import CoursePage

Item = TypeVar("Item")


def is_course_staff(user) -> bool:
    """Administrators, coordinators and trainers: the people with the course
    screens of the admin (reports, live sessions, the overdue list)."""
    return scopes.may_see_everyone(user) or scopes.may_coordinate(user) or scopes.may_teach(user)


def sees_every_course(user) -> bool:
    """Administrators and coordinators work on every course; a trainer only
    on the courses they teach."""
    return scopes.may_see_everyone(user) or scopes.may_coordinate(user)


def courses_in_scope(user):
    """The courses a person reports on, keeps the progress grid and the live
    sessions of, by title."""
    courses = CoursePage.objects.order_by("title")
    return courses if sees_every_course(user) else courses.filter(trainers=user)


def may_see_enrolments(user) -> bool:
    return PARTICIPANT_POLICY.user_has_permission(user, "change") or scopes.may_teach(user)


def lessons_by_course(
    courses: Iterable[Page], lessons: Iterable[tuple[Item, str]]
) -> dict[int, list[Item]]:
    """Course id -> the lessons in its tree, in the order given, from each
    lesson's page path; a lesson outside every course is left out. Pure (the
    callers fetch the pages they need, with their own query), and a dictionary
    look-up per ancestor, not a scan of every course per lesson."""
    courses = list(courses)
    by_path = {course.path: course.pk for course in courses}
    found: dict[int, list[Item]] = {course.pk: [] for course in courses}
    for item, path in lessons:
        for depth in range(len(path) // Page.steplen - 1, 0, -1):
            course_id = by_path.get(path[: depth * Page.steplen])
            if course_id is not None:
                found[course_id].append(item)
                break
    return found
