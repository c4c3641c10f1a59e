"""The task queue and the cache, chosen from the environment (config/settings/base.py).

    TASKS_BACKEND=database   tasks kept in the site's database, run by `manage.py worker`
                             (the default: one machine, nothing else to install)
    TASKS_BACKEND=redis      tasks on Redis through RQ (REDIS_URL), run by `manage.py worker`
                             on any number of machines
    TASKS_BACKEND=immediate  no queue: each task runs in the process that asks for it
                             (the tests; a site run without a worker)

The cache (pages, fragments, rate limits) is a directory of files that every process
of one machine shares (CACHE_DIR); with REDIS_URL set it is Redis, shared by every
process of every machine.
"""

from django.core.exceptions import ImproperlyConfigured

TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "redis": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_backend(alias="default"):
    """Which of TASK_BACKENDS the running settings use: "database", "redis" or "immediate"."""
    from django.conf import settings

    path = settings.TASKS[alias]["BACKEND"]
    return next(name for name, backend in TASK_BACKENDS.items() if backend == path)


def task_settings(backend, redis_url):
    """TASKS, the apps the backend needs, and RQ_QUEUES."""
    backend = (backend or "database").strip().lower()
    if backend not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={backend!r} is not one of: {', '.join(TASK_BACKENDS)}"
        )
    if backend == "redis" and not redis_url:
        raise ImproperlyConfigured("TASKS_BACKEND=redis needs REDIS_URL (redis://host:6379/0)")
    tasks = {"default": {"BACKEND": TASK_BACKENDS[backend], "QUEUES": ["default"]}}
    if backend != "redis":
        return tasks, [], {}
    queues = {"default": {"URL": redis_url, "DEFAULT_TIMEOUT": 900}}
    return tasks, ["django_rq"], queues


def cache_settings(redis_url, cache_dir):
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(cache_dir),
                # Pages of every address and language, and their fragments.
                "OPTIONS": {"MAX_ENTRIES": 20000},
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "cms",
        }
    }
