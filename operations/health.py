"""/healthz: one short answer for a load balancer or an uptime monitor.

200 {"status": "ok", ...} when the database answers, the cache keeps a value,
the media storage takes a file, and a worker was heard from within
HEALTHZ_WORKER_MAX_AGE_SECONDS; otherwise 503 naming what failed. The body
says only "ok" or "failing" for each: no versions, hosts, paths or errors
(those go to the log).
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_keeps_a_value():
    cache = caches["default"]
    key, token = f"healthz:{get_random_string(12)}", get_random_string(12)
    cache.set(key, token, timeout=30)
    kept = cache.get(key) == token
    cache.delete(key)
    return kept


def media_storage_takes_a_file():
    name = default_storage.save(f"healthz/{get_random_string(16)}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read() == b"ok"
    finally:
        default_storage.delete(name)


def worker_heard_from():
    from .models import WorkerHeartbeat

    cutoff = timezone.now() - datetime.timedelta(seconds=settings.HEALTHZ_WORKER_MAX_AGE_SECONDS)
    return WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).exists()


CHECKS = {
    "database": database_answers,
    "cache": cache_keeps_a_value,
    "media": media_storage_takes_a_file,
    "worker": worker_heard_from,
}


def run_check(name, check):
    try:
        return bool(check())
    except Exception:
        logger.exception("Health check %s failed", name)
        return False


@never_cache
@require_safe
def healthz(request):
    results = {name: run_check(name, check) for name, check in CHECKS.items()}
    failing = [name for name, passed in results.items() if not passed]
    body = {
        "status": "failing" if failing else "ok",
        "checks": {name: "ok" if passed else "failing" for name, passed in results.items()},
    }
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
