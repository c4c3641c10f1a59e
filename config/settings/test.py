import os
import tempfile
from pathlib import Path

from operations.configuration import cache_settings, task_settings
from operations.storage_configuration import local_backup_storage

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS, REDIS_URL

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
# One cache per test process; the page cache is on only where a test turns it on
# (tests/test_page_cache*.py), so other tests see each request rendered.
CACHES = (
    cache_settings(REDIS_URL, None)
    if REDIS_URL
    else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
# Staff tests sign in with force_login; the second factor's own tests turn it on.
REQUIRE_SECOND_FACTOR = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Tasks run where they are queued, unless a test starts a real worker
# (tests/worker_process.py), which runs with TASKS_BACKEND=database.
TASKS, _task_apps, RQ_QUEUES = task_settings(
    os.environ.get("TASKS_BACKEND", "immediate"), REDIS_URL
)
INSTALLED_APPS = [*INSTALLED_APPS, *(app for app in _task_apps if app not in INSTALLED_APPS)]
# One media directory per test process and run: pytest-xdist runs several
# processes at once, and two runs may share a checkout.
TEST_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))[:12]
MEDIA_ROOT = BASE_DIR / ".test-media" / TEST_RUN / os.environ.get("PYTEST_XDIST_WORKER", "main")
STORY_UPLOADS_ROOT = MEDIA_ROOT / "private"
DOCUMENTS_ROOT = MEDIA_ROOT.with_name(MEDIA_ROOT.name + "-documents")
# A worker process that a test starts shares the test's directories.
MEDIA_ROOT = Path(os.environ.get("CMS_TEST_MEDIA_ROOT") or MEDIA_ROOT)
STORY_UPLOADS_ROOT = Path(os.environ.get("CMS_TEST_STORY_UPLOADS_ROOT") or STORY_UPLOADS_ROOT)
DOCUMENTS_ROOT = Path(os.environ.get("CMS_TEST_DOCUMENTS_ROOT") or DOCUMENTS_ROOT)
DOCUMENTS_SERVE = "django"
BACKUP_ROOT = MEDIA_ROOT.with_name(MEDIA_ROOT.name + "-backups")
STORAGES = {
    "default": {"BACKEND": "articles.documents.MediaAndDocumentsStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": local_backup_storage(BACKUP_ROOT),
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not Django's default in-memory database, so tests exercise the same
    # WAL journal and locking that the site runs with.
    # One file per test run, so two runs at once never share a database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"cms-test-{os.getpid()}.sqlite3")
    }
