"""Reads on the catalogue shared by the learner's pages, the admin screens
and the reports."""

from accounts import scopes
from accounts.admin_views import PARTICIPANT_POLICY


def may_see_enrolments(user) -> bool:
    return PARTICIPANT_POLICY.user_has_permission(user, "change") or scopes.is_trainer(user)
