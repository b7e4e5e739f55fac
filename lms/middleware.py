"""Middleware of the site shell."""

import logging
import re

from django.shortcuts import render
from django.urls import reverse

from . import views

logger = logging.getLogger(__name__)


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


# Django's message when a lookup gets text for an integer field.
NOT_A_NUMBER = re.compile(r"^Field '\w+' expected a number but got ")


class BadInputMiddleware:
    """The last line of defence for views we do not own (Wagtail's choosers
    and filters): an id the database cannot bind (OverflowError) or text
    looked up as a number (ValueError) is the client's bad input, answered
    400, not a 500. Our own views check ids before querying (lms.ids)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError) or (
            isinstance(exception, ValueError) and NOT_A_NUMBER.match(str(exception))
        ):
            logger.warning("Bad input refused: %s %s", request.method, request.path)
            return render(request, "400.html", status=400)
        return None
