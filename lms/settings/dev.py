"""Settings for a developer's machine and for `make run`: the base defaults
(SQLite, database cache, console email) with a visible insecure key, and the
demo seal that `load_demo_data` writes (`manage.py seal_demo_create`)."""

from pathlib import Path

from .base import *  # noqa: F403
from .base import PRIVATE_ROOT, env

SEAL_PKCS12_PATH = env("SEAL_PKCS12_PATH", default=str(Path(str(PRIVATE_ROOT), "demo-seal.p12")))
SEAL_PKCS12_PASSWORD = env("SEAL_PKCS12_PASSWORD", default="demo")
