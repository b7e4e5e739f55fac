"""Settings for the pytest suite: fast hashing, plain static storage (no
collectstatic needed), in-memory email, and a file-based SQLite database so
that tests can break and restore the connection."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, STORAGES

SECRET_KEY = "test-secret-key-not-for-production"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "test-artifacts" / "private")},
    },
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-artifacts" / "test-db.sqlite3")}

(BASE_DIR / "test-artifacts").mkdir(exist_ok=True)
STATIC_ROOT = BASE_DIR / "test-artifacts" / "static"
STATIC_ROOT.mkdir(exist_ok=True)
