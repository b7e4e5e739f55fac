"""Views of the site shell that are not Wagtail pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """Tell a load balancer whether this instance can serve: 200 while the
    database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico without any link; send them to the
    icon in the static files (hashed name, so cached for long there)."""
    return HttpResponseRedirect(static("img/favicon.ico"))
