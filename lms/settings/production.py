"""Production settings: a real secret, host list and public address are
required from the environment, cookies are secure and HSTS is on. TLS is
usually terminated by a proxy in front of gunicorn; SECURE_PROXY_SSL_HEADER
trusts its X-Forwarded-Proto."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
# Every certificate keeps this address in its QR code for good: a default
# (the developer's http://127.0.0.1:8000) would be printed on real documents.
if not env("SITE_URL", default="").strip():
    raise ImproperlyConfigured(
        "Set SITE_URL to the site's public address (for example "
        "https://akademia.example.org): certificates print it and their QR code, "
        "and emails link to it."
    )
DEBUG = False

if env.bool("TRUST_X_FORWARDED_PROTO", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
