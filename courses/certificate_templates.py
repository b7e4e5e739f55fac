"""The certificate designs the site offers. A course picks one; each is an
HTML/CSS template under courses/templates/courses/certificates/. Kept apart
from the models so the course page and the certificate both read it."""

from django.utils.translation import gettext_lazy as _

CLASSIC = "classic"
MODERN = "modern"
CHOICES = [(CLASSIC, _("Classic (portrait, framed)")), (MODERN, _("Modern (portrait, band)"))]
DEFAULT = CLASSIC


def template_name(key: str) -> str:
    """The template file of a design; an unknown key falls back to the default."""
    known = {choice for choice, _label in CHOICES}
    return f"courses/certificates/{key if key in known else DEFAULT}.html"
