"""Settings shared by every environment; safe to run in production as they are.

Everything that differs between machines comes from environment variables.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from core.page_script import script_hash

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "articles",
    "network",
    "search",
    "thai",
    "audience",
    "privacy",
    "demo",
    "staff",
    "operations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "dbbackup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.security_policy.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An unchanged page answers a conditional GET with 304, from the cache or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the session, the language and the user: a cached page needs none of them.
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "staff.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "privacy.middleware.ConsentVaryMiddleware",
    # Old addresses (a moved page, a changed slug, the site builder's links)
    # answer with their redirect instead of a 404.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default. WAL lets readers run beside a writer, and
# IMMEDIATE transactions take the write lock up front, so concurrent writers
# wait for each other (busy_timeout) instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=30000;"
        "PRAGMA foreign_keys=ON;"
    ),
}

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai is the default language, served at "/"; English lives under "/en/".
LANGUAGE_CODE = "th"
LANGUAGES = [
    ("th", "ไทย"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded images and documents are the web server's job (README); a site run on
# its own, such as the demo the validators check, can let Django serve them.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Documents (e-book files) are kept outside MEDIA_ROOT and leave only through
# views that check the page using them (articles.documents); DOCUMENTS_SERVE
# "x-accel-redirect" (nginx) or "x-sendfile" (Apache) lets the web server send
# the bytes after the check, from an internal location (README).
DOCUMENTS_ROOT = Path(os.environ.get("DOCUMENTS_ROOT", BASE_DIR / "private" / "documents"))
DOCUMENTS_SERVE = os.environ.get("DOCUMENTS_SERVE", "django")
DOCUMENTS_ACCEL_PREFIX = os.environ.get("DOCUMENTS_ACCEL_PREFIX", "/internal-documents/")

STORAGES = {
    "default": {"BACKEND": "articles.documents.MediaAndDocumentsStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "มูลนิธิภาคีสร้างสุข")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
# Wagtail's database search with Thai word segmentation (search/backends), or,
# with SEARCH_URL set, Elasticsearch or OpenSearch analysing Thai themselves
# (search/server.py). Imported here, beside the one setting that needs it.
from search.server import search_server_backend  # noqa: E402

if os.environ.get("SEARCH_URL", "").strip():
    WAGTAILSEARCH_BACKENDS = {
        "default": search_server_backend(
            os.environ["SEARCH_URL"],
            engine=os.environ.get("SEARCH_ENGINE", ""),
            index=os.environ.get("SEARCH_INDEX", ""),
            tokenizer=os.environ.get("SEARCH_TOKENIZER", ""),
        )
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "english",
            "ATOMIC_REBUILD": True,
        }
    }
WAGTAILDOCS_EXTENSIONS = ["pdf", "epub", "docx", "xlsx", "pptx", "odt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Every public image is also served as AVIF and WebP (core/images.py).
# At these qualities photos stay sharp on a phone at a fraction of the JPEG's size.
WAGTAILIMAGES_AVIF_QUALITY = 55
WAGTAILIMAGES_WEBP_QUALITY = 78
# Thai titles are romanised into readable ASCII slugs (see thai.slugs), so the
# admin must not pre-fill slugs with Unicode that Django's slugify mangles.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Always over HTTPS (Wagtail's default follows the page's scheme), the one
# avatar host the admin's Content-Security-Policy allows.
WAGTAIL_GRAVATAR_PROVIDER_URL = "https://www.gravatar.com/avatar"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Items per page on every public listing.
LISTING_PAGE_SIZE = int(os.environ.get("LISTING_PAGE_SIZE", "12"))

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A slow mail server must not hold a partner's request for long; the
# submission is saved before any email is sent.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# How many reverse proxies in front of the site append the address they saw to
# CLIENT_IP_HEADER (core.clients). 0 means REMOTE_ADDR is the client; a wrong
# number lets senders choose their own address or puts everyone in one bucket.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "HTTP_X_FORWARDED_FOR")

# Partners' stories (network.stories). Their files wait outside MEDIA_ROOT,
# which the web server publishes, until staff have reviewed them.
STORY_UPLOADS_ROOT = Path(os.environ.get("STORY_UPLOADS_ROOT", BASE_DIR / "private" / "stories"))
STORY_MAX_PHOTOS = 10
STORY_PHOTO_MAX_BYTES = 10 * 1024 * 1024
STORY_PHOTO_MAX_PIXELS = 40_000_000
STORY_PDF_MAX_BYTES = 20 * 1024 * 1024
# Stories one network address may send per window (seconds) before HTTP 429.
STORY_RATE_LIMIT = int(os.environ.get("STORY_RATE_LIMIT", "5"))
STORY_RATE_LIMIT_WINDOW = int(os.environ.get("STORY_RATE_LIMIT_WINDOW", "3600"))
# Bots send the form within a second of loading it; people take longer.
STORY_MIN_FILL_SECONDS = int(os.environ.get("STORY_MIN_FILL_SECONDS", "5"))
# Anyone may type anyone's address into the form: at most this many
# confirmations go to one address a day (the stories are saved regardless).
STORY_CONFIRMATIONS_PER_ADDRESS_PER_DAY = int(
    os.environ.get("STORY_CONFIRMATIONS_PER_ADDRESS_PER_DAY", "3")
)
# Different clients that must search a term on one day before it is suggested.
SEARCH_POPULAR_MIN_CLIENTS = int(os.environ.get("SEARCH_POPULAR_MIN_CLIENTS", "3"))
STORY_FORM_MAX_AGE = 24 * 3600
# Who hears about new stories besides the moderation workflow's groups.
STORY_MODERATOR_EMAILS = env_list("STORY_MODERATOR_EMAILS")
# Where partners ask to see or delete their data, unless the form page names one.
STORY_PRIVACY_EMAIL = os.environ.get("STORY_PRIVACY_EMAIL", DEFAULT_FROM_EMAIL)
CSRF_FAILURE_VIEW = "network.stories.views.csrf_failure"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Content-Security-Policy (django-csp). Public pages run only the site's own
# scripts and the one inline script allowed by its hash (core/page_script.py); frames
# come only from the embed providers the consent gate knows (privacy.embeds).
# A staff-configured analytics script adds its own origin (privacy_tags).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # The pages' one inline script by its hash: a cached page has no fresh nonce.
        "script-src": [SELF, script_hash()],
        "style-src": [SELF, NONCE],
        # Style attributes only: Wagtail's responsive embed wrapper and the
        # providers' iframes (Facebook's) carry them. <style> needs the nonce.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
            "https://www.facebook.com",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's preview shows the page in a frame of the admin, same origin.
        "frame-ancestors": [SELF],
        "report-uri": os.environ.get("CSP_REPORT_URI") or None,
    },
}
# Wagtail's admin writes inline scripts (inline panels, date pickers) and style
# attributes that no nonce reaches, so under /admin/ those are allowed;
# everything else stays as tight as on public pages (core.security_policy).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Avatars of staff without an uploaded one; upload previews.
        "img-src": [SELF, "data:", "blob:", "https://www.gravatar.com"],
        # The live preview shows the page in a frame beside the editor.
        "frame-src": [SELF, *CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
    },
}

# Background work (operations): slow work leaves the request for `manage.py worker`,
# which also runs the schedules (operations/schedule.py) and reports a heartbeat.
from operations.configuration import cache_settings, task_settings  # noqa: E402

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
TASKS, _task_apps, RQ_QUEUES = task_settings(os.environ.get("TASKS_BACKEND", "database"), REDIS_URL)
INSTALLED_APPS += _task_apps
CACHE_DIR = Path(os.environ.get("CACHE_DIR", BASE_DIR / "var" / "cache"))
CACHES = cache_settings(REDIS_URL, CACHE_DIR)
# How long a rendered page is kept (core/page_cache.py); 0 turns the page cache off.
# Any content change retires the cached pages at once, so this only bounds how
# long a page waits for a change nothing announces (a view count, a download count).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How long nginx in front (deploy/nginx) may answer a cached page by itself
# (X-Accel-Expires): a burst of readers costs gunicorn one request a second, and a
# change shows at most this late. 0: nginx always asks Django.
PROXY_CACHE_SECONDS = int(os.environ.get("PROXY_CACHE_SECONDS", "1"))
# A CDN or caching proxy in front of the site, told which pages changed
# (core/frontend_purge.py): a proxy that takes PURGE requests (Varnish, nginx with
# a purge module), and/or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip():
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"].strip(),
    }
if os.environ.get("CLOUDFLARE_ZONE_ID", "").strip():
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"].strip(),
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", "").strip(),
    }
# How often a worker reports that it is alive; a task whose worker has been
# silent for WORKER_STALE_AFTER_SECONDS was cut off and is run again.
WORKER_HEARTBEAT_SECONDS = float(os.environ.get("WORKER_HEARTBEAT_SECONDS", "10"))
WORKER_STALE_AFTER_SECONDS = float(
    os.environ.get("WORKER_STALE_AFTER_SECONDS", str(max(30, 6 * WORKER_HEARTBEAT_SECONDS)))
)
# /healthz fails when no worker has been heard from for this long.
HEALTHZ_WORKER_MAX_AGE_SECONDS = int(os.environ.get("HEALTHZ_WORKER_MAX_AGE_SECONDS", "300"))
# A failed task waits TASK_RETRY_BASE_SECONDS, then four times longer each time.
TASK_RETRY_BASE_SECONDS = int(os.environ.get("TASK_RETRY_BASE_SECONDS", "30"))
STORY_PROCESSING_ATTEMPTS = int(os.environ.get("STORY_PROCESSING_ATTEMPTS", "5"))
# The daily jobs run at this local time (HH:MM), when readers are few.
DAILY_JOBS_AT = os.environ.get("DAILY_JOBS_AT", "03:30")
# purge_revisions keeps every revision younger than this.
REVISIONS_KEEP_DAYS = int(os.environ.get("REVISIONS_KEEP_DAYS", "90"))

# Staff sign in at /admin/login/ only (staff app). django-axes checks every
# attempt first and locks out a username or an address after
# AXES_FAILURE_LIMIT failures, whichever comes first, for the cool-off.
from datetime import timedelta  # noqa: E402
from email.utils import getaddresses  # noqa: E402

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
AXES_LOCKOUT_CALLABLE = "staff.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Moderators, Administrators and superusers must pass a second factor (TOTP)
# before any admin page; off only where an environment turns it off (dev).
REQUIRE_SECOND_FACTOR = env_bool("REQUIRE_SECOND_FACTOR", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# A working day: a staff session left open on a shared computer does not last.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(9 * 3600)))
SESSION_COOKIE_HTTPONLY = True

# Who gets Django's error emails: ADMINS="Name <email>, other@example.org".
ADMINS = [
    (name, address) for name, address in getaddresses([os.environ.get("ADMINS", "")]) if address
]

# --- Backups ---
# `manage.py dbbackup` and `mediabackup` (django-dbbackup; README "Backups") write
# dated files to BACKUP_ROOT, or to S3-compatible storage when AWS_STORAGE_BUCKET_NAME
# is set, which also moves media and documents there (operations.storage_configuration).
# --clean keeps the newest BACKUP_KEEP of each.
from django.core.exceptions import ImproperlyConfigured  # noqa: E402

from operations.storage_configuration import file_storages, media_origins, uses_s3  # noqa: E402

BACKUP_ROOT = Path(os.environ.get("BACKUP_ROOT", BASE_DIR / "backups"))
if BACKUP_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    # The web server publishes MEDIA_ROOT: a database backup there is one address away.
    raise ImproperlyConfigured("BACKUP_ROOT must be outside MEDIA_ROOT")
BACKUP_KEEP = int(os.environ.get("BACKUP_KEEP", "14"))
DBBACKUP_CLEANUP_KEEP = BACKUP_KEEP
DBBACKUP_CLEANUP_KEEP_MEDIA = BACKUP_KEEP
DBBACKUP_HOSTNAME = os.environ.get("BACKUP_SERVER_NAME", "site")
DBBACKUP_DATE_FORMAT = "%Y-%m-%d-%H%M%S"
DBBACKUP_CONNECTOR_MAPPING = {
    "django.db.backends.sqlite3": "operations.backup_connectors.SqliteOnlineConnector",
}
STORAGES = {**STORAGES, **file_storages(os.environ, BACKUP_ROOT)}
if uses_s3(os.environ) and DOCUMENTS_SERVE != "django":
    # The web server cannot send a file it does not have.
    raise ImproperlyConfigured("With documents on S3, DOCUMENTS_SERVE must be 'django'")
for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
    for _directive in ("img-src", "media-src"):
        _policy["DIRECTIVES"][_directive] = [
            *_policy["DIRECTIVES"][_directive],
            *media_origins(os.environ),
        ]

# --- Errors and logs ---
# Server errors reach people: Sentry when SENTRY_DSN is set (production.py starts it),
# otherwise an email to ADMINS. LOG_FORMAT=json writes one JSON object per line
# for a log collector (operations.observability).
from operations.observability import logging_config  # noqa: E402

SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").strip().lower()
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured("LOG_FORMAT must be 'plain' or 'json'")
LOGGING_CONFIG = "operations.observability.configure_logging"
LOGGING = logging_config(
    LOG_FORMAT, os.environ.get("LOG_LEVEL", "WARNING").upper(), email_errors=not SENTRY_DSN
)
# Partners' form fields and cookies stay out of the error emails.
DEFAULT_EXCEPTION_REPORTER_FILTER = "operations.error_reports.PrivateRequestDataFilter"

# --- Page routing cache ---
# Which page an address leads to, kept until the content changes (core.route_cache);
# before axes, which must stay last.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "core.route_cache.RouteCacheMiddleware"
)
