"""Writes on enrolment: a learner joining a course open for self-enrolment,
a coordinator assigning people and withdrawing an enrolment. Keyword-only,
atomic; refusals raise CourseError with one of the message constants below."""

import re
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses import emails
from courses.models import CoursePage, Enrolment, LessonPage
from lms.errors import ServiceError

# An uploaded package's storage folder (courses.package_storage.new_directory).
PACKAGE_FOLDER = re.compile(r"^[0-9a-f]{32}$")

ENROLMENT_CLOSED = _("This course is not open for self-enrolment. Ask your coordinator.")


class CourseError(ServiceError):
    """A refused course operation (enrolment, progress, quiz)."""


@dataclass(frozen=True)
class AssignResult:
    created: list[Enrolment]
    already_enrolled: int


def course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.ancestor_of(lesson).get()


def active_enrolment(*, user: User, course: CoursePage) -> Enrolment | None:
    return Enrolment.objects.active().filter(user=user, course=course).first()


def lesson_package_for_files(
    *,
    user: User,
    lesson_id: int,
    packages,
    package_id: int,
    directory: str,
    block_type: str,
    manager_permission: str,
) -> tuple[LessonPage, object] | None:
    """The live lesson and the ready package (from `packages`) whose files in
    `directory` (the current or previous upload) the user may have: a block
    of `block_type` of the lesson plays it, and the user manages such
    packages or is enrolled on the course. None: not theirs (403); Http404:
    no such lesson, package or folder."""
    if not user.is_authenticated:
        return None
    if not PACKAGE_FOLDER.match(directory):
        raise Http404
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    package = get_object_or_404(packages, pk=package_id)
    if directory not in (package.directory, package.previous_directory):
        raise Http404
    if not lesson.uses_package(block_type, package.pk):
        raise Http404
    if not user.has_perm(manager_permission) and (
        active_enrolment(user=user, course=course_of(lesson)) is None
    ):
        return None
    return lesson, package


@transaction.atomic
def enrolment_self(*, user: User, course: CoursePage) -> Enrolment:
    """A learner joins a course open for self-enrolment (idempotent)."""
    existing = active_enrolment(user=user, course=course)
    if existing:
        return existing
    if not (course.live and course.self_enrolment and user.is_active):
        raise CourseError(ENROLMENT_CLOSED)
    return _enrol(user=user, course=course, by=user, method=Enrolment.Method.SELF, deadline=None)


def _enrol(*, user, course, by, method, deadline) -> Enrolment:
    try:
        with transaction.atomic():
            return Enrolment.objects.create(
                user=user, course=course, enrolled_by=by, method=method, deadline=deadline
            )
    except IntegrityError:  # a concurrent request enrolled them first
        return Enrolment.objects.active().get(user=user, course=course)


@transaction.atomic
def enrolment_assign(
    *,
    course: CoursePage,
    users,
    by: User,
    method: str,
    deadline: date | None,
    notify: bool = True,
) -> AssignResult:
    """Enrol the given people (already active enrolments are left as they
    are) and, unless told not to, email the newly assigned once the
    transaction commits."""
    users = list(users)
    enrolled = set(
        Enrolment.objects.active()
        .filter(course=course, user__in=users)
        .values_list("user_id", flat=True)
    )
    created = [
        _enrol(user=user, course=course, by=by, method=method, deadline=deadline)
        for user in users
        if user.pk not in enrolled and user.is_active
    ]
    if notify:
        transaction.on_commit(lambda: emails.send_assignments(created))
    return AssignResult(created=created, already_enrolled=len(enrolled))


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment, by: User) -> Enrolment:
    """End an enrolment; the row stays as history."""
    if enrolment.withdrawn_at is None:
        enrolment.withdrawn_at = timezone.now()
        enrolment.withdrawn_by = by
        enrolment.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return enrolment
