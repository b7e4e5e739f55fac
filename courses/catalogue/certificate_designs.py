"""The certificate designs a course may choose from: their keys and labels.
Which design a course's certificate wears is course data, so the list lives
with the course page (the choices of `CoursePage.certificate_template`, kept
identical in the migration state); the certificates package reads it and
owns what a key means on paper (`courses.certificates.designs`)."""

from django.utils.translation import gettext_lazy as _

CLASSIC = "classic"
MODERN = "modern"
CHOICES = [(CLASSIC, _("Classic (portrait, framed)")), (MODERN, _("Modern (portrait, band)"))]
DEFAULT = CLASSIC
