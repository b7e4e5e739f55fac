"""The certificate designs on paper. A course picks one of the keys the
catalogue lists (`courses.catalogue.certificate_designs`, re-exported here
as CHOICES and DEFAULT for the certificate's own field and the admin). The
designs share one HTML template and differ in their CSS template (parsed
once per process), under courses/certificates/templates/courses/certificates/."""

from courses.catalogue.certificate_designs import CHOICES, DEFAULT

__all__ = ["CHOICES", "DEFAULT", "TEMPLATE", "stylesheet_name"]

TEMPLATE = "courses/certificates/certificate.html"


def stylesheet_name(key: str) -> str:
    """The CSS template of a design; an unknown key falls back to the default."""
    known = {choice for choice, _label in CHOICES}
    return f"courses/certificates/{key if key in known else DEFAULT}.css"
