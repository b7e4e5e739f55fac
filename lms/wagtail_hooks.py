"""Wagtail hooks for the site shell and the page editor."""

from wagtail import hooks

from .admin_pages import ProjectPageViewSet


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """Replaces Wagtail's base page viewset (registered with order=-1) for
    every page type."""
    return ProjectPageViewSet("lms_pages")
