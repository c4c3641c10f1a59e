import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import close_old_connections, connection

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdef",
    "ALLOWED_HOSTS": "example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
}


# Set by the browser tests' harness for Playwright; never present in a deployment.
TEST_ONLY_ENV = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args, env):
    base_env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key not in TEST_ONLY_ENV
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env={**base_env, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_sends_errors_to_the_admins_named_in_the_environment():
    admins = "สมชาย ใจดี <somchai@example.org>, it@example.org"
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.ADMINS, settings.SILENCED_SYSTEM_CHECKS)",
        env={**PRODUCTION_ENV, "ADMINS": admins},
    )
    assert result.returncode == 0, result.stderr
    assert "('สมชาย ใจดี', 'somchai@example.org'), ('', 'it@example.org')" in result.stdout
    # The one check production silences is the one the README explains.
    assert result.stdout.strip().endswith("['security.W019']")
    assert "security.W019" in (PROJECT / "README.md").read_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_is_set_up_for_concurrent_writers():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            journal_mode = cursor.fetchone()[0]
            cursor.execute("PRAGMA busy_timeout")
            busy_timeout = cursor.fetchone()[0]
        assert journal_mode == "wal"
        assert busy_timeout >= 5000
        assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    else:
        assert connection.vendor == "postgresql"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_all_succeed():
    from network.models import Topic

    errors = []

    def write(worker):
        try:
            for n in range(10):
                Topic.objects.create(name=f"หัวข้อ {worker}-{n}", slug=f"topic-{worker}-{n}")
        except Exception as error:  # any failure is what this test looks for
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Topic.objects.count() == 80
