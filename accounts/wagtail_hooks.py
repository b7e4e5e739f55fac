"""Register the accounts screens in the Wagtail admin."""

from wagtail import hooks

from .admin_views import InstitutionViewSet, ParticipantViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ParticipantViewSet(), InstitutionViewSet()]
