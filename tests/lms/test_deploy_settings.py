"""Production settings pass Django's deployment checklist and refuse to start
without a real secret or public address; `make run` prints the address it
serves on in the certificates it issues."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from courses.certificates import files as certificate_files
from tests import factories
from tests.courses.certificates.test_certificates import complete, pdf_text

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "SITE_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": "lms.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "SECRET_KEY": "k8#Vq2!mZ7pL0xR4tY9wB3nC6hJ1sD5fG8kQ2vE7uA0iO4pL-lms",
    "ALLOWED_HOSTS": "akademia.example.org",
    "SITE_URL": "https://akademia.example.org",
}


def test_deploy_check_passes_with_real_secret_hosts_and_seal(demo_seal):
    result = run_check(PRODUCTION)  # the seal comes from the environment (tests/conftest.py)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("seal_environment", "message"),
    [
        ({"SEAL_PKCS12_PATH": ""}, "No electronic seal"),
        ({"SEAL_PKCS12_PASSWORD": "wrong"}, "The electronic seal cannot be read"),
        ({"SEAL_PKCS12_PATH": "/nonexistent/seal.p12"}, "The electronic seal cannot be read"),
    ],
)
def test_deploy_check_refuses_production_without_a_readable_seal(seal_environment, message):
    result = run_check({**PRODUCTION, **seal_environment})
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize(
    ("key_environment", "message"),
    [
        ({"CREDENTIAL_KEY_PATH": ""}, "No credential key"),
        ({"CREDENTIAL_KEY_PATH": "/nonexistent/key.pem"}, "The credential key cannot be read"),
    ],
)
def test_deploy_check_refuses_production_without_a_readable_credential_key(
    key_environment, message, demo_seal
):
    result = run_check({**PRODUCTION, **key_environment})
    assert result.returncode != 0
    assert message in result.stderr


def test_deploy_check_refuses_a_key_that_is_not_ed25519(demo_seal, tmp_path):
    """A PKCS#12 seal given as the credential key, say: named, not signed with."""
    wrong = tmp_path / "rsa.pem"
    wrong.write_bytes(
        rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    result = run_check({**PRODUCTION, "CREDENTIAL_KEY_PATH": str(wrong)})
    assert result.returncode != 0
    assert "not an Ed25519 private key" in result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = run_check(
        {"ALLOWED_HOSTS": "akademia.example.org", "SITE_URL": "https://akademia.example.org"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_site_url():
    result = run_check(
        {
            "SECRET_KEY": "k8#Vq2!mZ7pL0xR4tY9wB3nC6hJ1sD5fG8kQ2vE7uA0iO4pL-lms",
            "ALLOWED_HOSTS": "akademia.example.org",
        }
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SITE_URL to the site's public address" in result.stderr


def make_run_environment(*arguments: str) -> dict[str, str]:
    """The environment `make run` gives the server and its worker (read from a
    dry run, which executes nothing)."""
    result = subprocess.run(
        ["make", "-n", "run", *arguments],
        cwd=ROOT,
        env={key: value for key, value in os.environ.items() if key != "SITE_URL"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    exports = re.search(r"^export (.*?);", result.stdout, re.MULTILINE)
    assert exports, result.stdout
    return dict(item.split("=", 1) for item in exports.group(1).split())


@pytest.mark.django_db
def test_certificates_issued_under_make_run_carry_the_address_it_serves_on(
    catalogue, learner_lo1, settings
):
    served = make_run_environment("PORT=18765")
    assert served["SITE_URL"] == "http://127.0.0.1:18765"
    assert make_run_environment("PORT=18765", "HOST=10.0.0.5")["SITE_URL"] == (
        "http://10.0.0.5:18765"
    )
    settings.SITE_URL = served["SITE_URL"]
    certificate = complete(learner_lo1, *factories.course_with_lessons(catalogue, 1, hours=2))
    data = certificate_files.certificate_pdf_bytes(certificate=certificate)
    address = f"http://127.0.0.1:18765/certificates/verify/{certificate.code}/"
    assert address in pdf_text(data).replace("\n", "")
    page = pypdfium2.PdfDocument(io.BytesIO(data))[0]
    decoded = [result.text for result in zxingcpp.read_barcodes(page.render(scale=3).to_pil())]
    assert decoded == [address]
