"""The four roles as Django groups.

The groups and their admin permissions are created by the data migration
`accounts/0003_roles.py`; their names are data shown in the admin, so they
are Polish, while the code refers to them by these constants."""

from django.urls import reverse

LEARNER = "Uczestnicy"
TRAINER = "Trenerzy"
COORDINATOR = "Koordynatorzy"
ADMINISTRATOR = "Administratorzy"

ALL_ROLES = (LEARNER, TRAINER, COORDINATOR, ADMINISTRATOR)


def landing_url(user) -> str:
    """Where a person starts after logging in (when no safe `next` says
    otherwise): staff in the admin, where all their work is; everyone else
    on their own courses, which the home page promises after the first
    login. `is_staff` is kept equal to admin access (accounts.services)."""
    return reverse("wagtailadmin_home") if user.is_staff else reverse("courses:my_courses")


# The collection whose images and documents trainers add to and choose from
# (collection permissions created by the same migration).
MEDIA_COLLECTION = "Materiały szkoleń"
