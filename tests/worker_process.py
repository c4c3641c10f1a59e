"""A real `manage.py worker` beside the test, on the test's own database.

The test process queues tasks in the database (TASKS_BACKEND=database) and the
worker, a separate process with the same settings, database, directories and
mail server, runs them, as on a real site. Tests that use it see each other's
commits, so they use django_db(transaction=True, serialized_rollback=True).
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import django_tasks
import pytest
from asgiref.local import Local
from django.conf import settings
from django.db import connection

from operations.configuration import task_settings

ROOT = Path(__file__).resolve().parents[1]
# The worker reports every half second, so a killed one is noticed within seconds.
HEARTBEAT_SECONDS = 0.5
STALE_AFTER_SECONDS = 3


def database_url():
    """The URL of the database the test runs on (the test database, not the site's)."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{db['NAME']}"


def forget_task_backends():
    # django-tasks keeps its backends once made and has no hook for a changed
    # TASKS setting: drop them so the next task asks the settings again.
    handler = django_tasks.task_backends
    handler.__dict__.pop("settings", None)
    handler._connections = Local(handler.thread_critical)  # noqa: SLF001


@contextmanager
def tasks_through(settings_fixture, backend, redis_url=""):
    """Tasks queued by this process go through `backend`, as on a site."""
    before = settings.TASKS, settings.RQ_QUEUES
    settings_fixture.TASKS, _apps, settings_fixture.RQ_QUEUES = task_settings(backend, redis_url)
    forget_task_backends()
    try:
        yield
    finally:
        settings_fixture.TASKS, settings_fixture.RQ_QUEUES = before
        forget_task_backends()


@pytest.fixture
def database_tasks(settings):
    """Tasks queued by this test wait in the database for a worker."""
    with tasks_through(settings, "database"):
        yield


def worker_environment(**extra):
    """The worker's environment: this test's database, directories and mail server."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "TASKS_BACKEND": "database",
        "WORKER_HEARTBEAT_SECONDS": str(HEARTBEAT_SECONDS),
        "WORKER_STALE_AFTER_SECONDS": str(STALE_AFTER_SECONDS),
        "CMS_TEST_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CMS_TEST_STORY_UPLOADS_ROOT": str(settings.STORY_UPLOADS_ROOT),
        "CMS_TEST_DOCUMENTS_ROOT": str(settings.DOCUMENTS_ROOT),
        "STORY_MODERATOR_EMAILS": ",".join(settings.STORY_MODERATOR_EMAILS),
        "EMAIL_BACKEND": settings.EMAIL_BACKEND,
        "EMAIL_HOST": str(settings.EMAIL_HOST),
        "EMAIL_PORT": str(settings.EMAIL_PORT),
        "PYTHONUNBUFFERED": "1",
    }
    environment.update({key: str(value) for key, value in extra.items()})
    return environment


class Worker:
    def __init__(self, process, log_path):
        self.process = process
        self.log_path = log_path

    def log(self):
        return self.log_path.read_text(errors="replace")

    def kill(self):
        """SIGKILL: the worker stops where it is, as under an OOM killer or a timeout."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def run_worker_once(**extra_environment):
    """`manage.py worker --once`: what is due and ready, then exit."""
    finished = subprocess.run(
        [sys.executable, "manage.py", "worker", "--once"],
        cwd=ROOT,
        env=worker_environment(**extra_environment),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout + finished.stderr


@contextmanager
def running_worker(tmp_path, **extra_environment):
    log_path = tmp_path / f"worker-{time.monotonic_ns()}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval=0.1"],
            cwd=ROOT,
            env=worker_environment(**extra_environment),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    worker = Worker(process, log_path)
    try:
        yield worker
    finally:
        worker.stop()


def wait_for(condition, *, timeout, worker=None, what="the condition"):
    """Poll `condition` until it returns something true; fail with the worker's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if worker is not None and worker.process.poll() is not None:
            raise AssertionError(f"the worker exited while waiting for {what}:\n{worker.log()}")
        time.sleep(0.2)
    log = worker.log() if worker is not None else ""
    raise AssertionError(f"{what} did not happen within {timeout} s\n{log}")
