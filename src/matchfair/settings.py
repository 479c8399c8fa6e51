"""The one settings module: code defaults first, then MATCHFAIR_* environment variables and DATABASE_URL."""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _


def env(name: str, default: str = "") -> str:
    return os.environ.get(f"MATCHFAIR_{name}", default)


def env_flag(name: str, default: bool = False) -> bool:
    value = env(name, "1" if default else "0").strip().lower()
    return value in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env("DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

PRODUCTION = env_flag("PRODUCTION")
DEBUG = env_flag("DEBUG", default=False)


def _secret_key() -> str:
    configured = env("SECRET_KEY")
    if configured:
        return configured
    if PRODUCTION:
        raise RuntimeError("MATCHFAIR_SECRET_KEY must be set when MATCHFAIR_PRODUCTION is on.")
    # A development key is generated once and kept beside the database, so sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_countries",
    "axes",
    "csp",
    "matchfair.audit",
    "matchfair.formats",
    "matchfair.jobs",
    "matchfair.community",
    "matchfair.events",
    "matchfair.meetings",
    "matchfair.matchmaking",
    "matchfair.outbox",
    "matchfair.mailings",
    "matchfair.console",
    "matchfair.reports",
    "matchfair.visits",
    "matchfair.contacts",
    "matchfair.outcomes",
    "matchfair.newsroom",
    "matchfair.funding",
    "matchfair.assembly",
    "ninja",
    "matchfair.api",
    # At the top of the house: they import every app to build their events.
    "matchfair.demo",
    "matchfair.loadtest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Turns a view's Ratelimited refusal into RATELIMIT_VIEW's 429 page.
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "matchfair.urls"
WSGI_APPLICATION = "matchfair.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
            ],
            # Event data in the reader's language in every template: {{ table|local:"name" }}.
            "builtins": ["matchfair.events.templatetags.bilingual"],
        },
    },
]

_sqlite_path = DATA_DIR / "matchfair.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{_sqlite_path}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side; IMMEDIATE avoids upgrade deadlocks on write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Pages run short queries over many rows; PostgreSQL's JIT compiles those whose estimated
    # cost passes a threshold, which at 25,000 participants cost a directory page 50 ms for
    # nothing (docs/benchmarks.md). MATCHFAIR_DB_JIT=on turns it back on.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c jit={'on' if env_flag('DB_JIT') else 'off'}"
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "community.User"
LOGIN_URL = "community:login"
# Participants land on their home, organisers on the front page (matchmaking.views_home.start).
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The log-in form posts the e-mail address in the field Django calls "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "community/locked_out.html"
# Behind a proxy every request comes from the proxy: the client's address is read through the
# proxies listed here (addresses or networks, e.g. "127.0.0.1,::1" for the shipped nginx). A
# forwarded address from anyone else is ignored (matchfair.limits.client_ip).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "matchfair.limits.client_ip"
# Rate limits (matchfair.limits.RATES) are counted in the default cache: shared by every web
# process once MATCHFAIR_CACHE_URL points at Redis, per process otherwise.
RATELIMIT_IP_META_KEY = "matchfair.limits.client_ip"
RATELIMIT_VIEW = "matchfair.limits.too_many"
RATELIMIT_USE_CACHE = "default"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("bg", _("Bulgarian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Named date formats per language (matchfair/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["matchfair.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# The files of background jobs (matchfair.jobs) hold personal data: a private directory, outside
# MEDIA_ROOT, that no URL serves; every web process and worker must reach the same one.
JOBS_DIR = Path(env("JOBS_DIR", str(DATA_DIR / "jobs"))).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "jobs": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": JOBS_DIR,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded files readers may see (the newsroom's images and PDFs), served by Django on one
# machine (matchfair/urls.py); behind a proxy, let it serve MEDIA_ROOT at this URL instead.
MEDIA_URL = "/media/"
# The one-machine default serves static files straight from the installed packages.
WHITENOISE_USE_FINDERS = env_flag("STATIC_FROM_FINDERS", default=not PRODUCTION)
if WHITENOISE_USE_FINDERS:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Matchfair <noreply@matchfair.invalid>")
EMAIL_USE_SSL = env_flag("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
# The outbox (matchfair.outbox): a message claimed but not sent after this many minutes is
# reported as stuck; a failed one is retried up to MAX_ATTEMPTS times by resend_messages.
MAILINGS_STALE_MINUTES = int(env("MAILINGS_STALE_MINUTES", "15"))
MAILINGS_MAX_ATTEMPTS = int(env("MAILINGS_MAX_ATTEMPTS", "3"))
MAILINGS_REMINDER_HOURS = float(env("MAILINGS_REMINDER_HOURS", "48"))
# With a broker, `celery -A matchfair beat` runs the outbox's periodic jobs.
CELERY_BEAT_SCHEDULE = {
    "mailings-resend": {"task": "matchfair.outbox.tasks.resend_messages", "schedule": 600.0},
    "mailings-reminders": {
        "task": "matchfair.mailings.tasks.remind_pending_requests",
        "schedule": 3600.0,
    },
    "mailings-booking": {
        "task": "matchfair.mailings.tasks.announce_booking_windows",
        "schedule": 900.0,
    },
    "jobs-expire": {"task": "matchfair.jobs.tasks.expire_results", "schedule": 3600.0},
    "newsroom-publish-due": {"task": "matchfair.newsroom.tasks.publish_due", "schedule": 60.0},
    # Hourly, but the digest's key holds the ISO week: only the week's first run sends.
    "funding-digest": {"task": "matchfair.funding.tasks.send_weekly_digests", "schedule": 3600.0},
    "outcomes-campaigns": {
        "task": "matchfair.outcomes.tasks.send_due_campaigns",
        "schedule": 3600.0,
    },
    # Hourly; a grant is claimed for its expiry (`reminded_for`) before its reminder is queued.
    "outcomes-retention": {
        "task": "matchfair.outcomes.tasks.remind_expiring_consents",
        "schedule": 3600.0,
    },
    # Hourly; each reminder's key holds the item, its deadline and the step: sent once.
    "assembly-deadlines": {
        "task": "matchfair.assembly.tasks.remind_deadlines",
        "schedule": 3600.0,
    },
    # Hourly too: a newsroom digest records what it covered and keys its messages by week.
    "newsroom-digest": {
        "task": "matchfair.newsroom.tasks.send_weekly_digest",
        "schedule": 3600.0,
    },
}
# A follow-up campaign's link (matchfair.outcomes) opens its person's meetings for this long.
OUTCOMES_LINK_DAYS = int(env("OUTCOMES_LINK_DAYS", "60"))
# How long an invitation to join a proposed consortium can be answered through its link.
FUNDING_INVITATION_DAYS = int(env("FUNDING_INVITATION_DAYS", "30"))
# Consent grants (shared items) expire after the cluster's months, this many when it set none;
# the person is reminded this many days before, with a link to renew.
OUTCOMES_RETENTION_MONTHS = int(env("OUTCOMES_RETENTION_MONTHS", "24"))
OUTCOMES_RETENTION_REMINDER_DAYS = int(env("OUTCOMES_RETENTION_REMINDER_DAYS", "14"))
# The work plan: reminders go this many days before an item's deadline.
WORKPLAN_REMINDER_DAYS = [int(day) for day in env_list("WORKPLAN_REMINDER_DAYS", "7,1")]
# Background jobs: their files are deleted this many hours after they are made; a running job
# that reports no progress for this many minutes has lost its worker and may be run again.
JOBS_KEEP_HOURS = float(env("JOBS_KEEP_HOURS", "168"))
JOBS_STALLED_MINUTES = float(env("JOBS_STALLED_MINUTES", "10"))

# Background work runs in-process unless a broker is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL") or "memory://"
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker keeps its database connection for this many tasks (Celery's default closes it after
# every task): a new PostgreSQL connection per tracker mail cost more than the mail and slowed
# the worker to a few mails a second (docs/benchmarks.md). A broken connection fails at most
# this many tasks; their messages stay queued and the outbox's resend job picks them up.
CELERY_DB_REUSE_MAX = int(env("CELERY_DB_REUSE_MAX", "100"))
# The outbox sends a burst of one kind of message (an election's tracker mails) by one task
# for all that are queued rather than one task each: a web process publishes a task only when
# none is waiting, which a mark in a cache shared with the workers says (or tasks run here).
OUTBOX_DRAIN = CELERY_TASK_ALWAYS_EAGER or bool(env("CACHE_URL"))
# Several deployments may share one broker: each names its own queue (workers read it too).
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_QUEUE", "celery")

SCHEDULE_TIME_LIMIT = float(env("SCHEDULE_TIME_LIMIT", "20"))

# One machine keeps its cache in process memory; several web processes must share one (Redis),
# so whatever any of them caches is seen by all. Sessions and axes lock-outs live in the database;
# with a shared cache, sessions are also read through it (written to both), which saves every
# signed-in request a database query. A per-process cache would keep a session that another
# process ended (a log-out), so only the shared one does.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("CACHE_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("CACHE_URL"),
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Sentence embeddings in partner suggestions: "auto" uses them when the `semantic` extra is
# installed, "off" never does.
SEMANTIC_SUGGESTIONS = env("SEMANTIC", "auto").strip().lower()

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_flag("SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # axes logs every success at INFO; only lock-outs and failures matter to an operator.
        "axes": {"level": "WARNING"},
        # kombu warns about the in-memory broker's missing host name, which eager mode never uses.
        "kombu.connection": {"level": "ERROR"},
    },
}
AXES_VERBOSE = False
