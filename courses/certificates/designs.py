"""The certificate designs the site offers. A course picks one. The designs
share one HTML template and differ in their CSS template (parsed once per
process), under courses/templates/courses/certificates/. Kept apart from
the models so the course page and the certificate both read it."""

from django.utils.translation import gettext_lazy as _

CLASSIC = "classic"
MODERN = "modern"
CHOICES = [(CLASSIC, _("Classic (portrait, framed)")), (MODERN, _("Modern (portrait, band)"))]
DEFAULT = CLASSIC
TEMPLATE = "courses/certificates/certificate.html"


def stylesheet_name(key: str) -> str:
    """The CSS template of a design; an unknown key falls back to the default."""
    known = {choice for choice, _label in CHOICES}
    return f"courses/certificates/{key if key in known else DEFAULT}.css"
