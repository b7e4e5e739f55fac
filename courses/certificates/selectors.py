"""Reads on certificates shared by the register in the admin, the reports
and the evidence pack: who may see the register and which certificates."""

from accounts import scopes
from courses.catalogue import selectors as catalogue_selectors
from courses.models import Certificate


def may_see_register(user) -> bool:
    return catalogue_selectors.sees_every_course(user)


def certificates_in_scope(user):
    """Every certificate for administrators; for a coordinator those issued
    to members of the institutions in their scope."""
    ids = scopes.scope_institution_ids(user)
    certificates = Certificate.objects.all()
    return certificates if ids is None else certificates.filter(institution_id__in=ids)
