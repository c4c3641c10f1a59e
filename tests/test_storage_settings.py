"""Production settings with the S3 variables set: media in the bucket with plain
URLs, e-book documents private with no URL at all, backups private on S3. Each
case loads the settings in a process of its own, as the site starts, and builds
the storages (boto3 builds its clients without the network)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "storage-settings-test-key",
    "ALLOWED_HOSTS": "www.example.org",
    "WAGTAILADMIN_BASE_URL": "https://www.example.org",
}
S3 = {
    "AWS_STORAGE_BUCKET_NAME": "foundation-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.net",
    "AWS_S3_REGION_NAME": "ap-southeast-1",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    "BACKUP_S3_BUCKET": "foundation-backups",
}

PROBE = """
import json
import django

django.setup()
from django.conf import settings
from django.core.files.storage import storages
from dbbackup.storage import get_storage

default = storages["default"]
backups = get_storage().storage
found = {
    "backends": {alias: entry["BACKEND"] for alias, entry in settings.STORAGES.items()},
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "admin_img_src": settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]["img-src"],
    "backup_keep": settings.DBBACKUP_CLEANUP_KEEP,
}
if hasattr(default, "documents_storage"):
    documents = default.documents_storage
    found.update(
        media_url=default.url("original_images/ภาพกิจกรรม.jpg"),
        media_bucket=default.bucket.name,
        media_location=default.location,
        media_file_overwrite=default.file_overwrite,
        documents_bucket=documents.bucket.name,
        documents_location=documents.location,
        documents_acl=documents.default_acl,
        documents_querystring_auth=documents.querystring_auth,
        documents_custom_domain=documents.custom_domain,
        backups_bucket=backups.bucket.name,
        backups_location=backups.location,
        backups_acl=backups.default_acl,
    )
    for label, storage, name in (
        ("document", default, "documents/handbook.pdf"),
        ("backup", backups, "default-site-2026-01-01-000000.psql.bin"),
    ):
        try:
            found[label + "_url"] = storage.url(name)
        except ValueError as refusal:
            found[label + "_url_refused"] = str(refusal)
else:
    found["backup_location"] = str(backups.location)
print(json.dumps(found))
"""


def load_settings(**variables):
    """The probe's findings, or the error that stopped the settings loading."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "BACKUP_", "DOCUMENTS_")) and key != "SEARCH_URL"
    }
    env.update(PRODUCTION)
    env.update(variables)
    finished = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if finished.returncode:
        return {"error": finished.stderr.strip().splitlines()[-1]}
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def on_s3():
    return load_settings(**S3)


def test_media_are_in_the_bucket_with_plain_addresses_the_pages_may_show(on_s3):
    assert on_s3["backends"]["default"] == "operations.file_storages.MediaAndDocumentsS3Storage"
    assert on_s3["media_bucket"] == "foundation-media"
    assert on_s3["media_location"] == "media"
    url = on_s3["media_url"]
    assert url.startswith("https://s3.example.net/foundation-media/media/original_images/"), url
    # Public images: no signature that would expire in a cached page.
    assert "Signature" not in url and "X-Amz" not in url
    # The Content-Security-Policy lets the pages and the admin show them.
    assert "https://s3.example.net" in on_s3["img_src"]
    assert "https://s3.example.net" in on_s3["admin_img_src"]
    # Two uploads named alike never overwrite each other.
    assert on_s3["media_file_overwrite"] is False


def test_documents_are_private_and_have_no_address(on_s3):
    assert on_s3["documents_bucket"] == "foundation-media"
    assert on_s3["documents_location"] == "private/documents"
    assert on_s3["documents_acl"] == "private"
    assert on_s3["documents_querystring_auth"] is True
    assert on_s3["documents_custom_domain"] is None
    assert "document_url" not in on_s3
    assert "no URL" in on_s3["document_url_refused"]


def test_backups_go_to_their_own_private_bucket(on_s3):
    assert on_s3["backends"]["dbbackup"] == "operations.file_storages.PrivateS3Storage"
    assert on_s3["backups_bucket"] == "foundation-backups"
    assert on_s3["backups_location"] == "backups"
    assert on_s3["backups_acl"] == "private"
    assert "backup_url" not in on_s3
    assert on_s3["backup_keep"] == 14


def test_a_cdn_domain_serves_the_media():
    found = load_settings(**S3, AWS_S3_CUSTOM_DOMAIN="media.example.org")
    assert found["media_url"].startswith("https://media.example.org/media/original_images/")
    assert "https://media.example.org" in found["img_src"]
    # A CDN domain is for public media only: documents still have no address.
    assert found["documents_custom_domain"] is None
    assert "document_url" not in found


@pytest.mark.parametrize(
    ("variables", "refusal"),
    [
        ({**S3, "AWS_DOCUMENTS_LOCATION": "media/documents"}, "inside the public media location"),
        ({**S3, "BACKUP_S3_BUCKET": "", "BACKUP_S3_PREFIX": "media"}, "inside the public media"),
        ({**S3, "DOCUMENTS_SERVE": "x-accel-redirect"}, "DOCUMENTS_SERVE must be 'django'"),
        ({"MEDIA_ROOT": "/srv/cms/media", "BACKUP_ROOT": "/srv/cms/media/b"}, "outside MEDIA_ROOT"),
    ],
    ids=["documents-under-media", "backups-under-media", "x-accel-on-s3", "backups-in-media"],
)
def test_settings_that_would_publish_private_files_stop_start_up(variables, refusal):
    found = load_settings(**variables)
    assert "ImproperlyConfigured" in found.get("error", ""), found
    assert refusal in found["error"]


def test_without_s3_everything_stays_on_this_server(tmp_path):
    found = load_settings(BACKUP_ROOT=str(tmp_path / "backups"))
    assert found["backends"]["default"] == "articles.documents.MediaAndDocumentsStorage"
    assert found["backends"]["dbbackup"] == "django.core.files.storage.FileSystemStorage"
    assert found["backup_location"] == str(tmp_path / "backups")
