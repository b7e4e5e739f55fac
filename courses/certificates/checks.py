"""`manage.py check --deploy`: a production site must seal what it issues.
Documents made without a seal cannot be sealed later with the date they were
issued, so a missing or unreadable seal is an error, and one about to expire
a warning while there is time to renew it."""

from django.conf import settings
from django.core import checks
from django.utils import timezone

from courses.certificates import seal

SEAL_MISSING = "courses.E001"
SEAL_UNREADABLE = "courses.E002"
SEAL_EXPIRING = "courses.W001"


def seal_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Error without a readable seal when DEBUG is off; warning when the seal
    certificate expires within `seal.EXPIRY_WARNING`."""
    if settings.DEBUG:
        return []
    if not settings.SEAL_PKCS12_PATH:
        return [
            checks.Error(
                "No electronic seal: certificates and report PDFs would go out unsealed.",
                hint="Set SEAL_PKCS12_PATH and SEAL_PKCS12_PASSWORD to the organiser's seal.",
                id=SEAL_MISSING,
            )
        ]
    try:
        certificate = seal.seal_certificate()
    except Exception as error:
        return [
            checks.Error(
                f"The electronic seal cannot be read: {error}",
                hint="Check SEAL_PKCS12_PATH (a PKCS#12 file) and SEAL_PKCS12_PASSWORD.",
                id=SEAL_UNREADABLE,
            )
        ]
    expires = certificate.not_valid_after
    if expires - timezone.now() <= seal.EXPIRY_WARNING:
        return [
            checks.Warning(
                f"The electronic seal's certificate expires on {expires:%Y-%m-%d}.",
                hint="Renew the seal, then add the old certificate to SEAL_PREVIOUS_CERTS.",
                id=SEAL_EXPIRING,
            )
        ]
    return []
