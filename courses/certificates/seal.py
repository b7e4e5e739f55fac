"""The organiser's electronic seal (pieczęć elektroniczna) on the PDFs we
issue: certificates, attendance lists and every report PDF. A seal is a PAdES
signature (pyhanko) added as an incremental update, so the signed bytes are the
document exactly as WeasyPrint wrote it and it stays tagged PDF/UA-1; anyone
can check it in Adobe Reader or the gov.pl signature verification without us.

The key lives in a PKCS#12 file named by the environment (SEAL_PKCS12_PATH,
SEAL_PKCS12_PASSWORD), loaded once per process (`_signer`, the only place
that knows where the key is). Without one, documents go out unsealed;
`manage.py check --deploy` refuses that in production (courses/checks.py).
`pdf_check` tells whether an uploaded PDF carries our seal, unchanged."""

import asyncio
import concurrent.futures
import dataclasses
import datetime as dt
import functools
import io
import logging
import re
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import ModificationLevel, SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from courses.certificates import key_files

FIELD = "Pieczec"
# The signature field's accessible name (/TU), read out by screen readers.
FIELD_LABEL = "Pieczęć elektroniczna organizatora"
# The reasons written into the signed signature dictionary. Polish, like the
# documents themselves (they are always Polish, see pdf.LANGUAGE); the
# certificate's number is read back from an intact seal by `pdf_check`.
CERTIFICATE_REASON = "Zaświadczenie nr {number}"
REPORT_REASON = "{title} – pieczęć organizatora"
_CERTIFICATE_NUMBER = re.compile(r"^Zaświadczenie nr (\S+)$")
# Room reserved for the CMS container: spares pyhanko the dry-run signature
# it would build to measure it (a second CMS build, about a third of the
# time). 8 KiB fits a 3-certificate RSA-4096 chain; timestamps and embedded
# OCSP/CRL answers need more.
RESERVED_BB, RESERVED_LTV = 8192, 32768
# PDF/UA: an untagged annotation must be hidden or outside the crop box (the
# docstring of pyhanko's InvisSigSettings); the print flag is PDF/A's, which
# we do not claim.
_FIELD_SPEC = fields.SigFieldSpec(
    sig_field_name=FIELD,
    readable_field_name=FIELD_LABEL,
    invis_sig_settings=fields.InvisSigSettings(
        set_print_flag=False, set_hidden_flag=True, box_out_of_bounds=True
    ),
)
# How long the demo seal is valid; the deploy check warns this long before a
# seal expires.
DEMO_YEARS = 5
EXPIRY_WARNING = dt.timedelta(days=30)
# X.509 limits a name's common name and organisation to 64 (UTF-8 bytes).
NAME_LENGTH = 64

SEAL_UNAVAILABLE = _(
    "The document cannot be sealed right now because the time-stamping service "
    "is not answering. Try again in a few minutes."
)

logger = logging.getLogger(__name__)


class SealUnavailable(Exception):
    """The seal's time-stamping service failed: the document is not made (a
    background task fails and is retried; a download says so), never handed
    out unsealed."""


@functools.cache
def _signer() -> signers.SimpleSigner | None:
    """The seal's key and certificate chain, read once per process (every
    batch worker process reads it on first use); None when no seal is set.
    A set path that cannot be read raises: documents are never quietly left
    unsealed once a seal is configured."""
    if not settings.SEAL_PKCS12_PATH:
        return None
    data = Path(settings.SEAL_PKCS12_PATH).read_bytes()
    signer = signers.SimpleSigner.load_pkcs12_data(
        data, other_certs=(), passphrase=settings.SEAL_PKCS12_PASSWORD.encode() or None
    )
    if signer is None:  # pyhanko logs the reason and returns nothing
        raise ValueError(f"{settings.SEAL_PKCS12_PATH}: not a PKCS#12 file or a wrong password")
    return signer


def _pem_certificates(path: str) -> list[asn1_x509.Certificate]:
    return list(load_certs_from_pemder([path])) if path else []


@functools.cache
def _trust_roots() -> tuple[asn1_x509.Certificate, ...]:
    """The root(s) of the seal's own chain plus SEAL_TRUST_ROOTS (the TSA's,
    the qualified CA's). `self_signed` is a "maybe"/"yes"/"no" string, so the
    roots are told by their names."""
    signer = _signer()
    own = [cert for cert in signer.cert_registry if cert.issuer == cert.subject] if signer else []
    return (*own, *_pem_certificates(settings.SEAL_TRUST_ROOTS))


@functools.cache
def _our_certificates() -> frozenset[bytes]:
    """SHA-256 of the seal certificates whose documents are ours: the
    current one and the ones it renewed (SEAL_PREVIOUS_CERTS)."""
    signer = _signer()
    current = [signer.signing_cert] if signer else []
    return frozenset(
        cert.sha256 for cert in (*current, *_pem_certificates(settings.SEAL_PREVIOUS_CERTS))
    )


def cache_clear() -> None:
    """Forget the loaded seal (tests that change the SEAL_* settings)."""
    for cached in (_signer, _trust_roots, _our_certificates):
        cached.cache_clear()


def is_configured() -> bool:
    """Whether documents are sealed (raises when the configured seal cannot be read)."""
    return _signer() is not None


def seal_certificate() -> asn1_x509.Certificate | None:
    """The seal's certificate (for the deploy check's expiry warning)."""
    signer = _signer()
    return signer.signing_cert if signer else None


def _timestamper() -> TimeStamper | None:
    """The RFC 3161 client when a TSA is configured (PAdES B-T); tests swap in
    pyhanko's DummyTimeStamper."""
    if not settings.SEAL_TSA_URL:
        return None
    auth = (settings.SEAL_TSA_USER, settings.SEAL_TSA_PASSWORD) if settings.SEAL_TSA_USER else None
    return HTTPTimeStamper(
        settings.SEAL_TSA_URL,
        https=settings.SEAL_TSA_URL.startswith("https:"),
        timeout=10,
        auth=auth,
    )


def _validation_context(*, fetching: bool) -> ValidationContext:
    """Trust in our roots only. Checking uploads never fetches (no network
    on a public page); LTV sealing in production does, for OCSP/CRL."""
    return ValidationContext(
        trust_roots=list(_trust_roots()), allow_fetching=fetching, revocation_mode="soft-fail"
    )


def _outside_event_loop(function, *args, **kwargs):
    """Call one of pyhanko's synchronous functions, which run their own event
    loop (asyncio.run): in a thread of its own when this thread already runs
    one (an ASGI server, a test session that drove a browser), else here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def seal_pdf(pdf: bytes, *, reason: str) -> bytes:
    """The PDF with the organiser's seal added as an incremental update, so
    that the signed bytes are the document exactly as it was written (tags,
    language and XMP kept: still PDF/UA-1); unchanged when no seal is set.
    B-B; B-T when a TSA is set; long-term validation data only with SEAL_LTV."""
    signer = _signer()
    if signer is None:
        return pdf
    timestamper = _timestamper()
    ltv = bool(timestamper and settings.SEAL_LTV)
    meta = PdfSignatureMetadata(
        field_name=FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=settings.SEAL_LOCATION or None,
        embed_validation_info=ltv,
        validation_context=_validation_context(fetching=True) if ltv else None,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    try:
        return _outside_event_loop(
            signers.sign_pdf,
            writer,
            meta,
            signer=signer,
            timestamper=timestamper,
            new_field_spec=_FIELD_SPEC,
            bytes_reserved=RESERVED_LTV if timestamper else RESERVED_BB,
        ).getvalue()
    except TimestampRequestError as error:
        logger.warning("The seal's time-stamping service failed: %s", error)
        raise SealUnavailable(str(error)) from error


@dataclasses.dataclass(frozen=True)
class PdfCheck:
    """What an uploaded PDF's seal says. `intact`: the signature matches and
    nothing but validation data was added after it; `trusted`: the signer's
    chain leads to a root we trust and the signer is our seal (or one it
    renewed). `certificate_number` is read from the seal's signed reason."""

    signed: bool
    intact: bool
    trusted: bool
    signer: str
    signed_at: dt.datetime | None
    certificate_number: str


NOT_SIGNED = PdfCheck(
    signed=False, intact=False, trusted=False, signer="", signed_at=None, certificate_number=""
)


def _signer_name(certificate: asn1_x509.Certificate) -> str:
    subject = certificate.subject.native
    return subject.get("common_name") or subject.get("organization_name") or ""


def pdf_check(data: bytes) -> PdfCheck:
    """Check the last signature of an uploaded PDF against our seal, offline.
    Never raises: anything unreadable is simply not signed, a signature that
    cannot be validated is neither intact nor trusted."""
    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_regular_signatures
    except Exception:
        return NOT_SIGNED
    if not signatures:
        return NOT_SIGNED
    signature = signatures[-1]  # in signing order: the last covers the most
    try:
        reason = str(signature.sig_object.get("/Reason", ""))
    except Exception:
        reason = ""
    number = match.group(1) if (match := _CERTIFICATE_NUMBER.match(reason)) else ""
    unverified = dataclasses.replace(NOT_SIGNED, signed=True, certificate_number=number)
    try:
        context = _validation_context(fetching=False)
        status = _outside_event_loop(
            validate_pdf_signature,
            signature,
            signer_validation_context=context,
            ts_validation_context=context,
        )
    except Exception:
        logger.info("An uploaded PDF's signature could not be validated", exc_info=True)
        return unverified
    unchanged = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
        status.modification_level is not None
        and status.modification_level <= ModificationLevel.LTA_UPDATES
    )
    timestamp = status.timestamp_validity
    return PdfCheck(
        signed=True,
        intact=bool(status.intact and status.valid and unchanged),
        trusted=bool(status.trusted and status.signing_cert.sha256 in _our_certificates()),
        signer=_signer_name(status.signing_cert),
        signed_at=timestamp.timestamp if timestamp else status.signer_reported_dt,
        certificate_number=number,
    )


def _fit(organiser: str, suffix: str = "") -> str:
    """The organiser's name, shortened to leave room for the suffix within
    X.509's limit (counted in UTF-8 bytes)."""
    room = NAME_LENGTH - len(suffix.encode())
    while len(organiser.encode()) > room:
        organiser = organiser[:-2].rstrip() + "…"
    return organiser + suffix


def _name(suffix: str, organiser: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fit(organiser)),
            x509.NameAttribute(NameOID.COMMON_NAME, _fit(organiser, suffix)),
        ]
    )


def _usage(*, seal: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=seal,
        content_commitment=seal,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not seal,
        crl_sign=not seal,
        encipher_only=False,
        decipher_only=False,
    )


def demo_seal_pkcs12(*, organiser: str, password: bytes, years: int = DEMO_YEARS) -> bytes:
    """A self-signed demo CA and the organiser's seal certificate it issues,
    as PKCS#12 (ECDSA P-256: fast). For the demo and the tests only: a real
    seal comes from a qualified trust service provider and is never made here."""
    start = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    end = start + dt.timedelta(days=365 * years)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    seal_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name(" – demo CA", organiser)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(seal=False), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    seal = (
        x509.CertificateBuilder()
        .subject_name(_name(" – pieczęć elektroniczna (demo)", organiser))
        .issuer_name(ca_name)
        .public_key(seal_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end - dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(seal=True), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(seal_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=b"seal",
        key=seal_key,
        cert=seal,
        cas=[ca],
        encryption_algorithm=serialization.BestAvailableEncryption(password)
        if password
        else serialization.NoEncryption(),
    )


def demo_seal_write(*, path: str, organiser: str, password: str) -> bool:
    """Write a demo seal to `path` (readable by its owner only) unless a file
    is there; True when written. Never overwrites: documents sealed with the
    existing seal must keep verifying."""
    return key_files.write_once(
        path, lambda: demo_seal_pkcs12(organiser=organiser, password=password.encode())
    )
