"""Middleware of the site shell."""

from django.shortcuts import render
from django.urls import reverse

from . import views


class HealthCheckMiddleware:
    """Answer `/healthz` before host validation, sessions or redirects: load
    balancers probe instances by IP address over plain HTTP, which
    ALLOWED_HOSTS and SECURE_SSL_REDIRECT would otherwise refuse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return views.healthz(request)
        return self.get_response(request)


class AdminAccessDeniedMiddleware:
    """A logged-in person without admin access who opens an admin address
    (a report link forwarded by email) gets a "no access" page. Wagtail would
    send them to the login page, which sends a logged-in person back to the
    admin: an endless redirect. Anonymous visitors still go to the login
    page with ``next`` (Wagtail's own handling)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith(self.admin_prefix)
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "403.html", status=403)
        return self.get_response(request)
