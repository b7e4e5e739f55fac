"""The issuer's Ed25519 key that signs the Open Badges 3.0 credentials and
their status lists, and where anyone finds its public half: a did:web DID
document (`/.well-known/did.json`) and a JWK set (`/.well-known/jwks.json`).

The private key lives in a PEM file named by the environment
(CREDENTIAL_KEY_PATH), read once per process, never kept in the database.
Keys it replaced stay published (CREDENTIAL_PREVIOUS_KEYS, PEM public keys),
so credentials signed before a rotation keep verifying. Each key is named by
its RFC 7638 thumbprint, the `kid` a credential's header carries."""

import base64
import functools
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings

from courses.certificates import key_files

_PEM_BLOCK = re.compile(rb"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def issuer_did() -> str:
    """did:web of the site's host (a port is encoded as %3A, as did:web asks)."""
    return "did:web:" + quote(urlsplit(settings.SITE_URL).netloc, safe="")


def public_jwk(key: Ed25519PublicKey) -> dict:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw)}


def thumbprint(key: Ed25519PublicKey) -> str:
    """RFC 7638: SHA-256 of the JWK's required members in lexical order."""
    members = json.dumps(public_jwk(key), sort_keys=True, separators=(",", ":"))
    return _b64url(hashlib.sha256(members.encode()).digest())


def key_id(key: Ed25519PublicKey) -> str:
    """The verification method a credential names: the DID and the thumbprint."""
    return f"{issuer_did()}#{thumbprint(key)}"


@functools.cache
def signing_key() -> Ed25519PrivateKey | None:
    """The issuer's private key; None when CREDENTIAL_KEY_PATH is not set. A set
    path that cannot be read raises: credentials are never quietly left out."""
    if not settings.CREDENTIAL_KEY_PATH:
        return None
    key = serialization.load_pem_private_key(
        Path(settings.CREDENTIAL_KEY_PATH).read_bytes(), password=None
    )
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{settings.CREDENTIAL_KEY_PATH}: not an Ed25519 private key")
    return key


@functools.cache
def _previous_keys() -> tuple[Ed25519PublicKey, ...]:
    if not settings.CREDENTIAL_PREVIOUS_KEYS:
        return ()
    blocks = _PEM_BLOCK.findall(Path(settings.CREDENTIAL_PREVIOUS_KEYS).read_bytes())
    keys = [serialization.load_pem_public_key(block) for block in blocks]
    return tuple(key for key in keys if isinstance(key, Ed25519PublicKey))


def published_keys() -> dict[str, Ed25519PublicKey]:
    """Every key a credential of ours may be signed with, by thumbprint."""
    current = signing_key()
    keys = ([current.public_key()] if current else []) + list(_previous_keys())
    return {thumbprint(key): key for key in keys}


def cache_clear() -> None:
    """Forget the loaded keys (tests that change the CREDENTIAL_* settings)."""
    signing_key.cache_clear()
    _previous_keys.cache_clear()


def is_configured() -> bool:
    return signing_key() is not None


def did_document() -> dict:
    """The DID document did:web resolves to: each published key as a
    JsonWebKey verification method, usable for assertions (credentials)."""
    did = issuer_did()
    methods = [
        {
            "id": f"{did}#{kid}",
            "type": "JsonWebKey",
            "controller": did,
            "publicKeyJwk": public_jwk(key),
        }
        for kid, key in published_keys().items()
    ]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


def jwks() -> dict:
    """The same keys as a JWK set, for verifiers that read JWKS."""
    return {
        "keys": [
            {**public_jwk(key), "kid": kid, "use": "sig", "alg": "EdDSA"}
            for kid, key in published_keys().items()
        ]
    }


def demo_key_write(*, path: str) -> bool:
    """Write a new Ed25519 key to `path` (readable by its owner only) unless a
    file is there; True when written. Never overwrites: credentials signed
    with the existing key must keep verifying."""
    return key_files.write_once(
        path,
        lambda: Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
