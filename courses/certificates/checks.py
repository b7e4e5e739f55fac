"""`manage.py check --deploy`: a production site must seal what it issues and
sign its credentials. Documents made without a seal cannot be sealed later
with the date they were issued, so a missing or unreadable seal is an error,
and one about to expire a warning while there is time to renew it; a missing
or unreadable credential key is an error too."""

from django.conf import settings
from django.core import checks
from django.utils import timezone

from courses.certificates import keys, seal

SEAL_MISSING = "courses.E001"
SEAL_UNREADABLE = "courses.E002"
SEAL_EXPIRING = "courses.W001"
CREDENTIAL_KEY_MISSING = "courses.E003"
CREDENTIAL_KEY_UNREADABLE = "courses.E004"


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


def credential_key_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Error when DEBUG is off and no readable Ed25519 key signs credentials."""
    if settings.DEBUG:
        return []
    if not settings.CREDENTIAL_KEY_PATH:
        return [
            checks.Error(
                "No credential key: certificates would be issued without their Open Badges "
                "credential.",
                hint="Set CREDENTIAL_KEY_PATH to the organiser's Ed25519 key (PEM).",
                id=CREDENTIAL_KEY_MISSING,
            )
        ]
    try:
        keys.signing_key()
    except Exception as error:
        return [
            checks.Error(
                f"The credential key cannot be read: {error}",
                hint="CREDENTIAL_KEY_PATH must name an unencrypted Ed25519 private key in PEM.",
                id=CREDENTIAL_KEY_UNREADABLE,
            )
        ]
    return []
