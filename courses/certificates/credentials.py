"""Each certificate as an Open Badges 3.0 credential (an OpenBadgeCredential
on the W3C Verifiable Credentials 2.0 model), signed as a VC-JWT with the
issuer's Ed25519 key, so the holder can carry it to a wallet or a badge
backpack and anyone can check it with the keys we publish (`keys`) and the
status list (`status_list`), with no account and no call to us beyond those.

What it states is the certificate's snapshot: the course as an Achievement
(its learning outcomes as criteria, its DigComp alignments where the course
tags them, the planned hours as creditsAvailable), the dates of the
training, the organiser as the issuer, validUntil from the expiry date. The
recipient is a salted SHA-256 hash of the email, never the email itself.

It is signed once, at issue, and kept with the certificate; a certificate
from before credentials existed gets one at its first download. Credentials
are always in Polish, like the PDFs."""

import dataclasses
import hashlib
import json
import re
import secrets
import uuid
from datetime import date, datetime, time

from django.conf import settings
from django.utils import timezone

from courses.certificates import baking, expiry, keys, status_list, vc_jwt
from courses.models import Certificate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
DIGCOMP_URL = (
    "https://joint-research-centre.ec.europa.eu/projects-and-activities/education-and-training/"
    "digital-transformation-education/digital-competence-framework-citizens-digcomp_en"
)
ENVELOPE_PREFIX = f"data:{vc_jwt.MEDIA_TYPE},"
_CODE_AT_END = re.compile(r"/([A-Za-z0-9_-]{32})/?$")
# An uploaded credential longer than this is not one of ours.
MAX_TOKEN_LENGTH = 64 * 1024


def _end_of(day: date) -> str:
    """The last second of a local day, as validUntil states it."""
    return vc_jwt.instant(timezone.make_aware(datetime.combine(day, time(23, 59, 59))))


def _hours(value) -> str:
    return f"{float(value):g}".replace(".", ",")


def _criteria(certificate: Certificate) -> str:
    lines = [
        f"Ukończenie szkolenia „{certificate.course_title}” ({_hours(certificate.hours)} godz.)."
    ]
    kinds = [
        ("Wiedza", certificate.outcomes_knowledge),
        ("Umiejętności", certificate.outcomes_skills),
        ("Kompetencje społeczne", certificate.outcomes_social),
    ]
    for heading, outcomes in kinds:
        if outcomes:
            lines.append(f"{heading}: " + "; ".join(outcomes))
    return "\n".join(lines)


def _alignments(certificate: Certificate) -> list[dict]:
    """The DigComp competences the course's outcomes are tagged with, each
    named with its framework version."""
    if certificate.course_id is None:
        return []
    tagged = certificate.course.outcome_alignments.filter(competence__isnull=False).select_related(
        "competence__area__framework"
    )
    seen: dict[tuple[str, str], dict] = {}
    for alignment in tagged:
        competence = alignment.competence
        framework = competence.area.framework
        seen.setdefault(
            (framework.code, competence.code),
            {
                "type": ["Alignment"],
                "targetType": "ext:DigComp",
                "targetFramework": framework.name,
                "targetCode": competence.code,
                "targetName": f"{competence.code} {competence.name}",
                "targetUrl": DIGCOMP_URL,
            },
        )
    return list(seen.values())


def _achievement_id(certificate: Certificate) -> str:
    """A stable URN for the course's achievement (the same for every holder)."""
    name = f"{settings.SITE_URL}/course/{certificate.course_id or certificate.course_title}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def document(certificate: Certificate, *, email: str, salt: str) -> dict:
    """The credential's body (before signing)."""
    hashed = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    achievement = {
        "id": _achievement_id(certificate),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": certificate.course_title,
        "description": (
            f"Szkolenie „{certificate.course_title}” prowadzone przez "
            f"{certificate.organiser_name}, {_hours(certificate.hours)} godz."
        ),
        "criteria": {"narrative": _criteria(certificate)},
        "creditsAvailable": float(certificate.hours),
        "inLanguage": "pl",
    }
    if alignments := _alignments(certificate):
        achievement["alignment"] = alignments
    body = {
        "@context": CONTEXT,
        "id": certificate.verification_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Zaświadczenie nr {certificate.number}: {certificate.course_title}",
        "issuer": {
            "id": keys.issuer_did(),
            "type": ["Profile"],
            "name": certificate.organiser_name,
            "url": settings.SITE_URL,
        },
        "validFrom": vc_jwt.instant(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": f"sha256${hashed}",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": achievement,
            "creditsEarned": float(certificate.hours),
            "activityStartDate": vc_jwt.instant(
                timezone.make_aware(datetime.combine(certificate.start_date, time()))
            ),
            "activityEndDate": vc_jwt.instant(
                timezone.make_aware(datetime.combine(certificate.end_date, time(23, 59, 59)))
            ),
        },
        "evidence": [
            {
                "id": certificate.verification_url,
                "type": ["Evidence"],
                "name": f"Zaświadczenie nr {certificate.number}",
                "description": "Zaświadczenie w rejestrze organizatora (PDF z pieczęcią).",
            }
        ],
        "credentialStatus": status_list.entry(certificate.pk),
    }
    if certificate.expires_on:
        body["validUntil"] = _end_of(certificate.expires_on)
    return body


def credential_sign(certificate: Certificate) -> str:
    """The certificate's credential, signed now (a fresh salt each time)."""
    email = certificate.user.email if certificate.user_id else ""
    return vc_jwt.sign(document(certificate, email=email, salt=secrets.token_hex(8)))


def certificate_credential(*, certificate: Certificate) -> str | None:
    """The credential kept with the certificate, signed and kept now if it has
    none yet (issued before credentials existed); None without a key."""
    if certificate.credential:
        return certificate.credential
    if not keys.is_configured() or certificate.user_id is None:
        return None
    token = credential_sign(certificate)
    kept = Certificate.objects.filter(pk=certificate.pk, credential="").update(credential=token)
    if not kept:  # signed meanwhile by another request: that one stays
        token = Certificate.objects.values_list("credential", flat=True).get(pk=certificate.pk)
    certificate.credential = token
    return token


def badge(certificate: Certificate, token: str) -> bytes:
    """The credential baked into the course's badge image (PNG)."""
    return baking.badge_png(
        title=certificate.course_title, hours=f"{_hours(certificate.hours)} godz.", token=token
    )


def files(certificate: Certificate) -> list[tuple[str, bytes]]:
    """The credential's files beside the PDF in a ZIP or an evidence pack:
    (extension, content) of the JWT and the badge; none without a key."""
    token = certificate_credential(certificate=certificate)
    if token is None:
        return []
    return [("jwt", token.encode()), ("png", badge(certificate, token))]


def envelope(token: str) -> dict:
    """The credential as JSON (a VC 2.0 EnvelopedVerifiableCredential): the
    signed JWT inside a data: URL, for wallets that take JSON files."""
    return {
        "@context": [CONTEXT[0]],
        "id": ENVELOPE_PREFIX + token,
        "type": "EnvelopedVerifiableCredential",
    }


def token_read(text: str) -> str | None:
    """The compact JWT in an uploaded credential file: the JWT itself or the
    JSON envelope; None when neither."""
    text = text.strip()
    if len(text) > MAX_TOKEN_LENGTH:
        return None
    if text.startswith("{"):
        try:
            wrapped = json.loads(text)
        except ValueError:
            return None
        inner = wrapped.get("id") if isinstance(wrapped, dict) else None
        if not isinstance(inner, str) or not inner.startswith(ENVELOPE_PREFIX):
            return None
        text = inner.removeprefix(ENVELOPE_PREFIX)
    return text if text.count(".") == 2 and " " not in text else None


@dataclasses.dataclass(frozen=True)
class CredentialCheck:
    """What an uploaded credential says, checked offline against our keys:
    `genuine` (signed by one of our keys and unchanged since), the register's
    certificate it was issued for, and its last valid day."""

    genuine: bool
    certificate: Certificate | None = None
    valid_until: date | None = None

    @property
    def expired(self) -> bool:
        return self.valid_until is not None and self.valid_until < expiry.today()


def credential_check(token: str) -> CredentialCheck | None:
    """The check of an uploaded credential; None for a token of ours that is
    not a badge (a status list, say), which the check page cannot read."""
    try:
        body = vc_jwt.verify(token)
    except vc_jwt.NotOurs:
        return CredentialCheck(genuine=False)
    types = body.get("type")
    if not isinstance(types, list) or "OpenBadgeCredential" not in types:
        return None
    valid_until = None
    if isinstance(body.get("validUntil"), str):
        try:
            valid_until = timezone.localdate(vc_jwt.instant_parse(body["validUntil"]))
        except ValueError:
            return CredentialCheck(genuine=False)
    match = _CODE_AT_END.search(str(body.get("id", "")))
    certificate = (
        Certificate.objects.select_related("replaced_by").filter(code=match.group(1)).first()
        if match
        else None
    )
    return CredentialCheck(genuine=True, certificate=certificate, valid_until=valid_until)
