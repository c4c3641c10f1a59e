"""Where files and backups are stored, chosen from the environment
(config/settings/base.py, "Backups").

Without AWS_STORAGE_BUCKET_NAME everything stays on this server's disk: media in
MEDIA_ROOT, documents in DOCUMENTS_ROOT, backups in BACKUP_ROOT. With it:

    media        the bucket, under AWS_MEDIA_LOCATION (default "media"), with plain
                 URLs (AWS_S3_CUSTOM_DOMAIN for a CDN); the bucket's policy, or
                 AWS_MEDIA_ACL=public-read, makes that prefix readable
    documents    AWS_DOCUMENTS_BUCKET_NAME (default: the same bucket) under
                 AWS_DOCUMENTS_LOCATION (default "private/documents"): private ACL
                 and no URL; the site's views send their bytes
    backups      BACKUP_S3_BUCKET (default: the same bucket) under BACKUP_S3_PREFIX
                 (default "backups"), private

AWS_S3_ENDPOINT_URL and AWS_S3_REGION_NAME name an S3-compatible service;
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY its keys (or the machine's role).
Partners' uploads awaiting review stay in STORY_UPLOADS_ROOT on disk.
"""

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FILE_SYSTEM = "django.core.files.storage.FileSystemStorage"
MEDIA_AND_DOCUMENTS_S3 = "operations.file_storages.MediaAndDocumentsS3Storage"
PRIVATE_S3 = "operations.file_storages.PrivateS3Storage"


def _value(environ, name, default=""):
    return (environ.get(name) or "").strip() or default


def local_backup_storage(backup_root):
    # Backups hold partners' personal data and every private file: the site's user only.
    return {
        "BACKEND": FILE_SYSTEM,
        "OPTIONS": {
            "location": str(backup_root),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }


def uses_s3(environ):
    return bool(_value(environ, "AWS_STORAGE_BUCKET_NAME"))


def file_storages(environ, backup_root):
    """The "default" and "dbbackup" entries of STORAGES; only "dbbackup" on disk."""
    if not uses_s3(environ):
        return {"dbbackup": local_backup_storage(backup_root)}
    bucket = _value(environ, "AWS_STORAGE_BUCKET_NAME")
    connection = {
        option: _value(environ, variable)
        for option, variable in (
            ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
            ("region_name", "AWS_S3_REGION_NAME"),
            ("access_key", "AWS_ACCESS_KEY_ID"),
            ("secret_key", "AWS_SECRET_ACCESS_KEY"),
        )
        if _value(environ, variable)
    }
    media = {
        **connection,
        "bucket_name": bucket,
        "location": _value(environ, "AWS_MEDIA_LOCATION", "media"),
        "querystring_auth": False,
    }
    if _value(environ, "AWS_S3_CUSTOM_DOMAIN"):
        media["custom_domain"] = _value(environ, "AWS_S3_CUSTOM_DOMAIN")
    if _value(environ, "AWS_MEDIA_ACL"):
        media["default_acl"] = _value(environ, "AWS_MEDIA_ACL")
    documents = {
        **connection,
        "bucket_name": _value(environ, "AWS_DOCUMENTS_BUCKET_NAME", bucket),
        "location": _value(environ, "AWS_DOCUMENTS_LOCATION", "private/documents"),
    }
    backups = {
        **connection,
        "bucket_name": _value(environ, "BACKUP_S3_BUCKET", bucket),
        "location": _value(environ, "BACKUP_S3_PREFIX", "backups"),
    }
    for name, private in (("documents", documents), ("backups", backups)):
        if private["bucket_name"] == bucket and _within(private["location"], media["location"]):
            raise ImproperlyConfigured(
                f"The {name} location {private['location']!r} is inside the public media "
                f"location {media['location']!r} of bucket {bucket!r}: choose another."
            )
    return {
        "default": {
            "BACKEND": MEDIA_AND_DOCUMENTS_S3,
            "OPTIONS": {**media, "documents": documents},
        },
        "dbbackup": {"BACKEND": PRIVATE_S3, "OPTIONS": backups},
    }


def _within(location, public_location):
    location, public = PurePosixPath("/", location), PurePosixPath("/", public_location)
    return location == public or public in location.parents or public == PurePosixPath("/")


def media_origins(environ):
    """The origins media URLs can point at, for the Content-Security-Policy."""
    if not uses_s3(environ):
        return []
    if _value(environ, "AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{_value(environ, 'AWS_S3_CUSTOM_DOMAIN')}"]
    bucket = _value(environ, "AWS_STORAGE_BUCKET_NAME")
    endpoint = _value(environ, "AWS_S3_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        # Path-style addresses use the endpoint itself, virtual-hosted ones a subdomain.
        return [f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://{bucket}.{parts.netloc}"]
    region = _value(environ, "AWS_S3_REGION_NAME")
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins
