"""Settings shared by every environment.

Everything that differs between machines is read from the environment, so one
code base runs on a single machine (SQLite, database cache, in-process tasks)
and scaled out (PostgreSQL, Redis, a database task worker) without edits.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="insecure-dev-key-change-me-in-production")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "lms",
    "accounts",
    "courses",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django_ratelimit",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",  # allauth's usersessions templates load it
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "lms.middleware.HealthCheckMiddleware",
    # Outermost but for load-balancer probes (a line every few seconds per
    # instance would drown the log and skew its error rate and p95).
    "lms.request_log.RequestLogMiddleware",
    # Anonymous catalogue and course pages from the shared cache, before
    # sessions and the database; other requests get the site generation.
    "lms.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Inside the page cache, so that a cached page keeps its header and a
    # page whose header carries a nonce is never stored (lms.page_cache).
    "lms.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "lms.middleware.AdminAccessDeniedMiddleware",
    "accounts.middleware.PrivacyAcknowledgementMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "lms.middleware.BadInputMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

COURSES_PACKAGE_TEMPLATES = sorted((BASE_DIR / "courses").glob("*/templates"))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site shell's templates, then each courses package's own (one
        # Django app with a package per domain: a package keeps its templates
        # beside its code under Wagtail's default names, courses/<name>.html).
        "DIRS": [PROJECT_DIR / "templates", *COURSES_PACKAGE_TEMPLATES],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets gunicorn workers read while one writes; IMMEDIATE transactions make
    # concurrent writers queue on the lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# Persistent connections: opening one (and, for SQLite, running its pragmas) on
# every request costs more than a heartbeat's queries.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: the database cache is shared by every process on one machine; Redis
# (CACHE_URL=redis://...) when scaled out.
CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://django_cache"),
    # Wagtail looks up (and rewrites) a cache entry for every image rendition
    # on every page: the logo and funding strip alone cost 20 queries a page
    # in the database cache. Renditions never change once made, so each
    # process keeps its own for a few minutes.
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 300,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
# django-ratelimit counts in the default cache and its system check wants
# memcached or django-redis. The database cache (one machine) increments by a
# read and a write, so two simultaneous attempts may count once: the limits
# here (certificate checks, wrong check-in codes) only need to make guessing
# slow, which that does. Django's own Redis backend (scaled out) increments
# atomically but is not on the check's list. Any other backend still fails it.
SILENCED_SYSTEM_CHECKS = {
    "django.core.cache.backends.db.DatabaseCache": [
        "django_ratelimit.E003",
        "django_ratelimit.W001",
    ],
    "django.core.cache.backends.redis.RedisCache": ["django_ratelimit.W001"],
}.get(CACHES["default"]["BACKEND"], [])

# Background tasks: run in-process by default; TASKS_BACKEND=database queues them
# in the database for `manage.py db_worker` processes running beside the app.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[env("TASKS_BACKEND", default="immediate")]}}

# Email: printed to the console unless EMAIL_URL names a real server.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Cyfrowa Akademia <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One login path for the site and the Wagtail admin: allauth's, with its rate
# limits kept in the shared cache.
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Never email addresses without an account (sign-up is by invitation).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cyfrowa Akademia] "
# allauth's default rate limits stay on; failed logins are limited per IP and
# per account (the email) and checked before the password is.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("RATE_LIMIT_LOGIN_FAILED", default="10/m/ip,5/5m/key"),
    # Successful logins per address: a town hall's staff share one public
    # address, so raise it where many log in at once (the scale test does).
    "login": env("RATE_LIMIT_LOGIN", default="30/m/ip"),
}
# Behind a load balancer or proxy, how many of them add to X-Forwarded-For:
# login rate limits, login evidence and verification limits then use the
# client's address instead of the balancer's (0: REMOTE_ADDR, one machine).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
USERSESSIONS_TRACK_ACTIVITY = False
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages made private in Wagtail's privacy settings send visitors to the same login.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Page addresses in ASCII (szkolenie-probne, not szkolenie-pr%C3%B3bne); see lms.slugs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# Effective learning time: lesson pages send a heartbeat every HEARTBEAT_SECONDS
# while visible and in use; the server credits at most that much per heartbeat,
# ignores beats closer than HEARTBEAT_MIN_GAP_SECONDS, and starts a new learning
# session after HEARTBEAT_IDLE_GAP_SECONDS without one.
HEARTBEAT_SECONDS = env.int("HEARTBEAT_SECONDS", default=30)
HEARTBEAT_MIN_GAP_SECONDS = env.int("HEARTBEAT_MIN_GAP_SECONDS", default=5)
HEARTBEAT_IDLE_GAP_SECONDS = env.int("HEARTBEAT_IDLE_GAP_SECONDS", default=300)
# A learner counts as active for this long after their last input, scroll or video play.
ACTIVITY_WINDOW_SECONDS = env.int("ACTIVITY_WINDOW_SECONDS", default=180)
LOGIN_EVENT_RETENTION_DAYS = env.int("LOGIN_EVENT_RETENTION_DAYS", default=1825)
# `send_deadline_reminders` (daily) emails learners this many days before their deadline.
DEADLINE_REMINDER_DAYS = env.int("DEADLINE_REMINDER_DAYS", default=3)
# Certificates of courses with a validity period: `send_certificate_expiry_reminders`
# (daily) emails the holder this many days before the expiry, once, and "My courses"
# shows the notice from that day on; the course reopens for a new attempt this many
# days before the expiry (by default on the reminder's day).
CERTIFICATE_EXPIRY_REMINDER_DAYS = env.int("CERTIFICATE_EXPIRY_REMINDER_DAYS", default=30)
CERTIFICATE_RECERTIFY_OPEN_DAYS = env.int(
    "CERTIFICATE_RECERTIFY_OPEN_DAYS", default=CERTIFICATE_EXPIRY_REMINDER_DAYS
)
# Live sessions: check-in opens and the meeting link shows this many minutes before the start.
LIVE_SESSION_EARLY_MINUTES = env.int("LIVE_SESSION_EARLY_MINUTES", default=15)
# A learner checking in more than this many minutes after the start is marked late.
LIVE_SESSION_LATE_MINUTES = env.int("LIVE_SESSION_LATE_MINUTES", default=10)
# `send_live_session_reminders` emails expected learners this many hours before a session.
LIVE_SESSION_REMINDER_HOURS = env.int("LIVE_SESSION_REMINDER_HOURS", default=24)

# The public address, for links in emails (invitations, certificates) and the
# certificates' QR code. `make run` passes where it serves; production requires it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Internationalisation: Polish first, English second; the URL prefix (/en/) picks
# the language so that pages stay cacheable per URL.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
# Our own strings first (makemessages writes to the first entry), then our
# Polish for the Wagtail admin: the strings Wagtail's catalogue lacks or gets
# wrong. Both take precedence over the installed apps' catalogues.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_wagtail"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [
    PROJECT_DIR / "static",
    # The H5P player from npm (`npm ci --ignore-scripts`), served as /static/h5p-standalone/.
    ("h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
    # The SCORM runtime from npm, served as /static/scorm-again/.
    ("scorm-again", BASE_DIR / "node_modules" / "scorm-again" / "dist"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Serve MEDIA_ROOT from the app itself: right for one machine; behind a proxy or
# with S3 storage set SERVE_MEDIA=false.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)

# Private files (certificate batches, evidence packs) are never served by URL:
# the app streams them to the person allowed.
PRIVATE_ROOT = env.path("PRIVATE_ROOT", default=BASE_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_ROOT)},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app instances share their files on S3-compatible storage
# (django-storages): MEDIA_STORAGE=s3 puts media in a bucket read by URL and
# private files in a second bucket that is only read through the app.
MEDIA_STORAGE = env("MEDIA_STORAGE", default="local")
if MEDIA_STORAGE == "s3":
    _S3 = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        "access_key": env("AWS_ACCESS_KEY_ID", default=None),
        "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
        "file_overwrite": False,
        "default_acl": None,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3,
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_S3, "bucket_name": env("AWS_PRIVATE_BUCKET_NAME")},
    }
    SERVE_MEDIA = False
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'.")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def _media_origins() -> list[str]:
    """Where browsers read media from besides our origin: the bucket's
    address when media are on S3 (documents redirect there, too)."""
    origins = []
    if urlsplit(MEDIA_URL).netloc:
        origins.append(MEDIA_URL)
    if MEDIA_STORAGE == "s3":
        options = STORAGES["default"]["OPTIONS"]
        if options["custom_domain"]:
            origins.append(f"https://{options['custom_domain']}")
        elif options["endpoint_url"]:
            parts = urlsplit(options["endpoint_url"])
            origins.append(f"{parts.scheme}://{parts.netloc}")
        else:
            origins.append("https://*.amazonaws.com")
    return origins


# Content-Security-Policy (django-csp, lms.csp): our origin only, inline
# scripts and styles only with the request's nonce, never framed by others.
# The admin's looser script and style rules, and the H5P frame's one inline
# script, are in lms.csp.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *_media_origins()],
        "media-src": [SELF, *_media_origins()],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}


# Certificate ZIPs and evidence packs are deleted this long after they were asked
# for (`manage.py prune_private_files`, run it daily).
PRIVATE_FILE_RETENTION_HOURS = env.int("PRIVATE_FILE_RETENTION_HOURS", default=72)

# The organiser's electronic seal (PAdES) on certificates and report PDFs
# (courses.certificates.seal): a PKCS#12 file and its password, never kept in
# the database. Empty: documents are not sealed (`check --deploy` refuses that).
SEAL_PKCS12_PATH = env("SEAL_PKCS12_PATH", default="")
SEAL_PKCS12_PASSWORD = env("SEAL_PKCS12_PASSWORD", default="")
# An RFC 3161 time-stamping service: set, seals are PAdES B-T (its user and
# password if it asks for them); with SEAL_LTV also the OCSP/CRL answers are
# embedded (needs fetching them from the certificate authorities).
SEAL_TSA_URL = env("SEAL_TSA_URL", default="")
SEAL_TSA_USER = env("SEAL_TSA_USER", default="")
SEAL_TSA_PASSWORD = env("SEAL_TSA_PASSWORD", default="")
SEAL_LTV = env.bool("SEAL_LTV", default=False)
# PEM files: more roots to trust (the TSA's, the qualified CA's), and earlier
# seal certificates whose documents still count as ours after a renewal.
SEAL_TRUST_ROOTS = env("SEAL_TRUST_ROOTS", default="")
SEAL_PREVIOUS_CERTS = env("SEAL_PREVIOUS_CERTS", default="")
SEAL_LOCATION = env("SEAL_LOCATION", default="")
# The issuer's Ed25519 key (a PEM file) that signs the Open Badges 3.0
# credentials (courses.certificates.keys); empty: certificates get no
# credential (`check --deploy` refuses that). Keys it replaced, as PEM public
# keys in one file, stay published so older credentials keep verifying.
CREDENTIAL_KEY_PATH = env("CREDENTIAL_KEY_PATH", default="")
CREDENTIAL_PREVIOUS_KEYS = env("CREDENTIAL_PREVIOUS_KEYS", default="")

# H5P packages: limits checked while an upload is read (courses.h5p.validation),
# the storage its files go to (private: served only after an access check), and
# the body size of the player's xAPI and saved-state posts.
H5P_STORAGE = env("H5P_STORAGE", default="private")
H5P_MAX_UPLOAD_BYTES = env.int("H5P_MAX_UPLOAD_MB", default=100) * 1024 * 1024
H5P_MAX_MEMBERS = env.int("H5P_MAX_MEMBERS", default=3000)
H5P_MAX_MEMBER_BYTES = env.int("H5P_MAX_MEMBER_MB", default=100) * 1024 * 1024
H5P_MAX_TOTAL_BYTES = env.int("H5P_MAX_TOTAL_MB", default=300) * 1024 * 1024
H5P_MAX_COMPRESSION_RATIO = env.int("H5P_MAX_COMPRESSION_RATIO", default=100)
H5P_MAX_JSON_BYTES = 5 * 1024 * 1024
H5P_MAX_POST_BYTES = 64 * 1024
# How often (seconds) the player saves a learner's state for resuming.
H5P_SAVE_SECONDS = env.int("H5P_SAVE_SECONDS", default=10)
# Production behind nginx: files are handed over with X-Accel-Redirect to this
# internal location (aliased to PRIVATE_ROOT) after the access check; empty: the
# app streams them itself (also the way for S3-compatible storage).
H5P_ACCEL_REDIRECT_PREFIX = env("H5P_ACCEL_REDIRECT_PREFIX", default="")

# SCORM/cmi5 packages: private storage like H5P's, and the same kind of limits,
# larger (exports from Articulate or Captivate carry video and thousands of files).
SCORM_STORAGE = env("SCORM_STORAGE", default="private")
SCORM_MAX_UPLOAD_BYTES = env.int("SCORM_MAX_UPLOAD_MB", default=500) * 1024 * 1024
SCORM_MAX_MEMBERS = env.int("SCORM_MAX_MEMBERS", default=20000)
SCORM_MAX_MEMBER_BYTES = env.int("SCORM_MAX_MEMBER_MB", default=300) * 1024 * 1024
SCORM_MAX_TOTAL_BYTES = env.int("SCORM_MAX_TOTAL_MB", default=1000) * 1024 * 1024
SCORM_MAX_COMPRESSION_RATIO = env.int("SCORM_MAX_COMPRESSION_RATIO", default=100)
SCORM_MAX_MANIFEST_BYTES = 5 * 1024 * 1024
# A SCO's commit: suspend data (up to 64,000 characters) and its interactions.
SCORM_MAX_COMMIT_BYTES = 256 * 1024
# Files handed to nginx like H5P's (the same internal location, aliased to PRIVATE_ROOT).
SCORM_ACCEL_REDIRECT_PREFIX = env("SCORM_ACCEL_REDIRECT_PREFIX", default=H5P_ACCEL_REDIRECT_PREFIX)

WAGTAIL_SITE_NAME = "Cyfrowa Akademia"
WAGTAILADMIN_BASE_URL = SITE_URL
# No avatars from gravatar: broken images offline, and people's email hashes
# would go to a third party. Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "txt",
    "xlsx",
    "zip",
    "mp4",
    "webm",
    "vtt",
]
# Served inline so that <video> and <track> can use them.
WAGTAILDOCS_INLINE_CONTENT_TYPES = [
    "application/pdf",
    "text/plain",
    "text/vtt",
    "video/mp4",
    "video/webm",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Logs go to stdout, one JSON object a line (LOG_FORMAT=json) for a log
# collector, or as plain text (LOG_FORMAT=text) for reading in a terminal.
# lms.request writes one line per request (lms/request_log.py); our own apps log
# at INFO (reminders sent, files pruned), everything else from LOG_LEVEL up.
# django.request keeps only 5xx errors with their tracebacks: the request line
# already records every 4xx. INSTANCE_NAME tells app instances apart in the
# collected log (default: host name and process id).
LOG_FORMAT = env("LOG_FORMAT", default="json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'text'.")
LOG_LEVEL = env("LOG_LEVEL", default="WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "lms.request_log.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "lms.request_log.JsonFormatter",
            "instance": env("INSTANCE_NAME", default=""),
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s [%(request_id)s]"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": [], "level": LOG_LEVEL},
        "django.request": {"level": "ERROR"},
        "lms": {"level": "INFO"},
        "accounts": {"level": "INFO"},
        "courses": {"level": "INFO"},
    },
}
