"""The four roles: Django groups, each a set of permissions.

The groups and their admin permissions are created by the data migration
`accounts/0003_roles.py`, the permissions below by `0010_role_capabilities`.
A role is only ever *assigned* by its group name (invitations, the demo,
the tests), here and nowhere else; the names are data shown in the admin,
so they are Polish. Access is never decided by a group name: the code asks
for a permission ("may this user teach?"), with `user.has_perm` or a Wagtail
permission policy, and `accounts.scopes` turns these into scopes."""

from django.contrib.auth.models import Group
from django.db.models import Q
from django.urls import reverse

LEARNER = "Uczestnicy"
TRAINER = "Trenerzy"
COORDINATOR = "Koordynatorzy"
ADMINISTRATOR = "Administratorzy"

ALL_ROLES = (LEARNER, TRAINER, COORDINATOR, ADMINISTRATOR)

# What each role may do beyond its admin permissions: administrators see
# everyone, coordinators the institutions of their scope, trainers teach the
# courses that list them, learners take courses.
SEE_EVERYONE = "accounts.see_everyone"
COORDINATE = "accounts.coordinate_institutions"
TEACH = "accounts.teach_courses"
TAKE_COURSES = "accounts.take_courses"


def role_group(role: str) -> Group:
    """The group that assigns a role (one of the names above)."""
    return Group.objects.get(name=role)


def holds(permission: str) -> Q:
    """Users whose role grants a permission ("app_label.codename"), for
    `limit_choices_to` and querysets (with `.distinct()`): who may be chosen
    as a trainer, or enrolled as a learner."""
    app_label, codename = permission.split(".")
    return Q(
        groups__permissions__content_type__app_label=app_label,
        groups__permissions__codename=codename,
    )


def landing_url(user) -> str:
    """Where a person starts after logging in (when no safe `next` says
    otherwise): staff in the admin, where all their work is; everyone else
    on their own courses, which the home page promises after the first
    login. `is_staff` is kept equal to admin access (accounts.services)."""
    return reverse("wagtailadmin_home") if user.is_staff else reverse("courses:my_courses")


# The collection whose images and documents trainers add to and choose from
# (collection permissions created by the same migration).
MEDIA_COLLECTION = "Materiały szkoleń"
