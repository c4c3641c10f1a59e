"""/healthz: 200 when the site can serve and do its work, 503 naming what cannot."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from operations.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parents[1]
CHECKS = {"database", "cache", "media", "worker"}


def heartbeat(age):
    now = timezone.now()
    return WorkerHeartbeat.objects.create(
        worker_id=f"worker-{age}", hostname="web1", pid=1, started_at=now, last_seen=now - age
    )


@pytest.mark.django_db
def test_all_well_is_200_with_a_short_body_that_no_cache_keeps(client):
    heartbeat(datetime.timedelta(seconds=5))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok",
        "checks": dict.fromkeys(CHECKS, "ok"),
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("age", [None, datetime.timedelta(minutes=6)], ids=["never", "silent"])
def test_no_worker_heard_from_lately_is_503_naming_the_worker(client, age):
    if age:
        heartbeat(age)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["failing"] == ["worker"]
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_media_storage_that_cannot_take_a_file_is_named(client, settings, tmp_path):
    heartbeat(datetime.timedelta(seconds=1))
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    settings.MEDIA_ROOT = blocked
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["failing"] == ["media"]


def healthz_in_a_process_with(**environment):
    script = (
        "import django, sys; django.setup()\n"
        "from django.test import Client\n"
        "response = Client().get('/healthz')\n"
        "sys.stdout.write(f'{response.status_code}\\n{response.content.decode()}')\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    status, body = finished.stdout.split("\n", 1)
    return int(status), body


@pytest.mark.parametrize(
    "database_url",
    [
        "sqlite:////nonexistent-directory/cms.sqlite3",
        "postgres://cms:secret-password@127.0.0.1:9/cms?connect_timeout=2",
    ],
    ids=["sqlite", "postgresql"],
)
def test_a_database_that_is_down_is_503_naming_it_and_nothing_more(database_url):
    status, body = healthz_in_a_process_with(DATABASE_URL=database_url)
    assert status == 503
    answer = json.loads(body)
    assert "database" in answer["failing"]
    assert answer["checks"]["cache"] == "ok"
    for secret in ("secret-password", "127.0.0.1", "nonexistent-directory", "Error"):
        assert secret not in body


def test_a_cache_server_that_is_down_is_named():
    status, body = healthz_in_a_process_with(
        DATABASE_URL="sqlite:////nonexistent-directory/cms.sqlite3",
        REDIS_URL="redis://127.0.0.1:9/0",
    )
    assert status == 503
    assert "cache" in json.loads(body)["failing"]
