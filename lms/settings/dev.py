"""Settings for a developer's machine and for `make run`: the base defaults
(SQLite, database cache, console email) with a visible insecure key, and the
demo seal and credential key that `load_demo_data` writes (`manage.py
seal_demo_create`, `manage.py credential_key_demo_create`)."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import PRIVATE_ROOT, env

SEAL_PKCS12_PATH = env("SEAL_PKCS12_PATH", default=str(Path(str(PRIVATE_ROOT), "demo-seal.p12")))
SEAL_PKCS12_PASSWORD = env("SEAL_PKCS12_PASSWORD", default="demo")
CREDENTIAL_KEY_PATH = env(
    "CREDENTIAL_KEY_PATH", default=str(Path(str(PRIVATE_ROOT), "demo-credential-key.pem"))
)
