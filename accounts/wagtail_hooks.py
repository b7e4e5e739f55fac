"""Register the accounts screens in the Wagtail admin."""

from django.db import models
from wagtail import hooks
from wagtail.models import ModelLogEntry

from . import privacy
from .admin_views import InstitutionViewSet, ParticipantViewSet
from .models import ScopedLogEntry
from .privacy_panel import PrivacyNoticePanel


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ParticipantViewSet(), InstitutionViewSet()]


@hooks.register("register_log_actions", order=1)
def register_scoped_log_entries(actions):
    """Read non-page log entries through ScopedLogEntry, so the site history
    and its filters show each reader only their scope. Runs after Wagtail's
    own registration (order=1), which it replaces."""
    actions.register_model(models.Model, ScopedLogEntry)
    actions.log_entry_models.discard(ModelLogEntry)


@hooks.register("construct_homepage_panels")
def privacy_notice_panel(request, panels):
    """Editors are asked on the dashboard until they acknowledge the current
    clause version (on the public site or from here)."""
    if not privacy.session_is_current(request):
        panels.append(PrivacyNoticePanel(come_back_to=request.get_full_path()))
