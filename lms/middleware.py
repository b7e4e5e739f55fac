"""Middleware of the site shell."""

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
