"""Verifiable credentials secured as JWTs (VC-JOSE-COSE, the form Open Badges
3.0 calls VC-JWT): the JWT payload is the credential itself, with the
registered claims iss, nbf, jti, exp and sub taken from its members, signed
EdDSA (Ed25519) with the issuer's key and its `kid` in the header. Used for
the badges (`credentials`) and their status lists (`status_list`)."""

from datetime import UTC, datetime

import jwt
from jwt.exceptions import InvalidTokenError

from courses.certificates import keys

MEDIA_TYPE = "application/vc+jwt"
ALGORITHM = "EdDSA"
# Clocks of verifiers and ours may differ a little.
LEEWAY_SECONDS = 300


class NotOurs(Exception):
    """A token that is not a credential signed by one of our keys, or was
    changed after signing."""


def instant(moment: datetime) -> str:
    """A moment as credentials state it: UTC, to the second, with Z."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def instant_parse(value: str) -> datetime:
    """The moment a credential states (raises ValueError on anything else)."""
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _timestamp(value: str) -> int:
    return int(instant_parse(value).timestamp())


def _registered_claims(body: dict) -> dict:
    issuer = body["issuer"]
    claims = {
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "nbf": _timestamp(body["validFrom"]),
        "jti": body["id"],
    }
    if body.get("validUntil"):
        claims["exp"] = _timestamp(body["validUntil"])
    subject_id = body.get("credentialSubject", {}).get("id")
    if subject_id:
        claims["sub"] = subject_id
    return claims


def sign(body: dict) -> str:
    """The compact JWT of a credential body, signed with the current key."""
    key = keys.signing_key()
    if key is None:
        raise RuntimeError("No credential key: set CREDENTIAL_KEY_PATH.")
    return jwt.encode(
        {**body, **_registered_claims(body)},
        key,
        algorithm=ALGORITHM,
        headers={"kid": keys.key_id(key.public_key()), "typ": "vc+jwt"},
    )


def verify(token: str) -> dict:
    """The credential a token carries once its signature checks out against
    the key its header names, one we publish, and its issuer is the DID the
    key is named under. That DID may be an earlier address of the site (the
    key, not the host name, proves the credential ours). Its validity period
    is not judged here: an expired credential is still ours, and the caller
    says it expired. Raises NotOurs otherwise."""
    try:
        header = jwt.get_unverified_header(token)
        kid = str(header.get("kid", ""))
        did, _, thumbprint = kid.partition("#")
        key = keys.published_keys().get(thumbprint)
        if not did.startswith("did:web:") or key is None or header.get("alg") != ALGORITHM:
            raise NotOurs("not signed with one of our keys")
        body = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=did,
            leeway=LEEWAY_SECONDS,
            options={"verify_exp": False, "require": ["iss", "nbf", "jti"]},
        )
    except (InvalidTokenError, ValueError, TypeError) as error:
        raise NotOurs(str(error)) from error
    if not isinstance(body, dict) or body.get("id") != body.get("jti"):
        raise NotOurs("the credential's id differs from its jti")
    return body
