"""Revocation of the credentials through a W3C Bitstring Status List: each
credential points to one bit of a published list (a signed
BitstringStatusListCredential); the bit is set once its certificate is
revoked or replaced. The list is built from the register on every request,
so a revoke in the register is the update: nothing else to keep in step.

A certificate's place is fixed by its primary key: list n (from 1) holds
the certificates (n-1)*SIZE+1 .. n*SIZE. A list has 131,072 entries (16 KiB),
the size the specification asks for so that a fetch does not tell which of
many credentials is being checked."""

import base64
import gzip
from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from courses.certificates import keys, vc_jwt
from courses.models import Certificate

SIZE = 131_072
PURPOSE = "revocation"
# Verifiers may keep a fetched list this long; the list says so (validUntil).
TTL = timedelta(hours=1)


def position(certificate_pk: int) -> tuple[int, int]:
    """(list number, index in it) of a certificate."""
    number, index = divmod(certificate_pk - 1, SIZE)
    return number + 1, index


def _members(number: int):
    return Certificate.objects.filter(pk__gt=(number - 1) * SIZE, pk__lte=number * SIZE)


def list_url(number: int) -> str:
    path = reverse("courses:certificate_status_list", kwargs={"number": number})
    return f"{settings.SITE_URL}{path}"


def entry(certificate_pk: int) -> dict:
    """The credentialStatus member of a certificate's credential."""
    number, index = position(certificate_pk)
    url = list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def exists(number: int) -> bool:
    """Whether list `number` holds any certificate issued so far."""
    return _members(number).exists()


def encoded_list(number: int) -> str:
    """The list's bits, gzip-compressed, as multibase base64url ("u...")."""
    bits = bytearray(SIZE // 8)
    withdrawn = (
        _members(number).exclude(status=Certificate.Status.VALID).values_list("pk", flat=True)
    )
    for pk in withdrawn.iterator():
        index = position(pk)[1]
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode()


def list_credential(number: int) -> str:
    """List `number` as a signed BitstringStatusListCredential (VC-JWT)."""
    now = timezone.now()
    url = list_url(number)
    body = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": keys.issuer_did(),
        "validFrom": vc_jwt.instant(now),
        "validUntil": vc_jwt.instant(now + TTL),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encoded_list(number),
        },
    }
    return vc_jwt.sign(body)
