"""Who may author which course. Page permissions on the catalogue let
trainers and coordinators create and edit course pages; on top of that a
trainer may touch only the courses that list them as a trainer."""

from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Page

from accounts import roles
from courses.catalogue import selectors as catalogue_selectors
from courses.models import CourseCatalogPage, CoursePage

CATALOGUE_PERMISSIONS = {
    roles.TRAINER: ["add_page", "change_page", "publish_page"],
    roles.COORDINATOR: ["add_page", "change_page", "publish_page", "delete_page"],
}


@transaction.atomic
def catalogue_grant_permissions(*, catalogue: CourseCatalogPage) -> None:
    """Give trainers and coordinators authoring rights on the catalogue subtree (idempotent)."""
    for role, codenames in CATALOGUE_PERMISSIONS.items():
        group = roles.role_group(role)
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=catalogue, permission=permission
            )


def course_of_page(page: Page) -> CoursePage | None:
    """The course a page belongs to (the course itself included), if any."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def may_author(user, page: Page) -> bool:
    """Administrators and coordinators edit all courses; a trainer edits a
    course when listed on it or when they created it (its owner). Pages
    outside courses follow Wagtail's own page permissions."""
    if catalogue_selectors.sees_every_course(user):
        return True
    course = course_of_page(page)
    return (
        course is None or course.owner_id == user.pk or course.trainers.filter(pk=user.pk).exists()
    )
