"""Who sees which report rows: administrators everything; coordinators the
participants of the institutions in their scope (on every course); trainers
the learners of the courses they teach. A person with both roles sees both."""

from django.db.models import Q

from accounts import scopes
from accounts.models import Institution
from courses.models import CoursePage, Enrolment


def report_institutions(user):
    """Institutions the user may filter by: a coordinator's scope, or all."""
    if scopes.may_coordinate(user) and not scopes.may_see_everyone(user):
        return scopes.institutions_in_scope(user).order_by("name")
    return Institution.objects.order_by("name")


def enrolment_visibility(user) -> Q:
    """The enrolments (active or not) whose learners the user may see."""
    ids = scopes.scope_institution_ids(user)
    if ids is None:
        return Q()
    visible = Q(user__institution_id__in=ids)
    if scopes.may_teach(user):
        visible |= Q(course__in=CoursePage.objects.filter(trainers=user))
    return visible


def report_enrolments(user):
    return Enrolment.objects.filter(enrolment_visibility(user))
