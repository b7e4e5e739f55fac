"""Writes on enrolment: a learner joining a course open for self-enrolment,
a coordinator assigning people and withdrawing an enrolment. Keyword-only,
atomic; refusals raise CourseError with one of the message constants below."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from courses import emails
from courses.models import CoursePage, Enrolment, LessonPage
from lms.errors import ServiceError

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


def may_see_package_files(*, user: User, lesson: LessonPage, manager_permission: str) -> bool:
    """Whether a lesson's package files (H5P, SCORM/cmi5) may be sent to the
    user: those who manage such packages, and learners enrolled on the course."""
    if user.has_perm(manager_permission):
        return True
    return active_enrolment(user=user, course=course_of(lesson)) is not None


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
