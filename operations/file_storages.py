"""Where uploads live when the site grows past one server, and the one view of
every stored file that the media backup takes.

With the S3 variables set (operations.storage_configuration), public media go to
an S3-compatible bucket, and e-book documents to a private location that has no
public URL at all: their bytes leave only through the views that check the page
using them (articles.documents), as on the file system.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from storages.backends.s3 import S3Storage

from articles.documents import DOCUMENTS_PREFIX
from network.stories.storage import get_submission_storage


class PrivateS3Storage(S3Storage):
    """Objects nobody can read without the site's keys: private ACL, and no URL,
    signed or not, so that no page or feed can ever hand one out."""

    def __init__(self, **options):
        options.update(default_acl="private", querystring_auth=True, custom_domain=None)
        options.setdefault("file_overwrite", False)
        super().__init__(**options)

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; the site's views send their bytes.")


class MediaAndDocumentsS3Storage(S3Storage):
    """The S3 counterpart of articles.documents.MediaAndDocumentsStorage: media in
    the bucket, names under documents/ in a PrivateS3Storage of their own."""

    def __init__(self, documents=None, **options):
        # Wagtail names uploads after the file; overwriting would replace another
        # image or document uploaded under the same name.
        options.setdefault("file_overwrite", False)
        super().__init__(**options)
        self.documents_storage = PrivateS3Storage(**(documents or {}))

    def _route(self, name):
        name = str(name).replace("\\", "/")
        if name.startswith(DOCUMENTS_PREFIX):
            return self.documents_storage, name.removeprefix(DOCUMENTS_PREFIX)
        return None, name

    def _open(self, name, mode="rb"):
        documents, inner = self._route(name)
        return documents.open(inner, mode) if documents else super()._open(name, mode)

    def _save(self, name, content):
        documents, inner = self._route(name)
        if documents:
            return DOCUMENTS_PREFIX + documents.save(inner, content)
        return super()._save(name, content)

    def delete(self, name):
        documents, inner = self._route(name)
        return documents.delete(inner) if documents else super().delete(name)

    def exists(self, name):
        documents, inner = self._route(name)
        return documents.exists(inner) if documents else super().exists(name)

    def size(self, name):
        documents, inner = self._route(name)
        return documents.size(inner) if documents else super().size(name)

    def listdir(self, name):
        documents, inner = self._route(name.rstrip("/") + "/" if name else name)
        return documents.listdir(inner) if documents else super().listdir(name)

    def get_modified_time(self, name):
        documents, inner = self._route(name)
        if documents:
            return documents.get_modified_time(inner)
        return super().get_modified_time(name)

    def url(self, name, parameters=None, expire=None, http_method=None):
        documents, inner = self._route(name)
        if documents:
            return documents.url(inner)
        return super().url(name, parameters, expire, http_method)


# The three places files live, as the top folders of the media backup.
MEDIA = "media"
DOCUMENTS = "documents"
STORY_UPLOADS = "story-uploads"


class SiteFilesStorage(Storage):
    """Public media, e-book documents and partners' uploads as one tree, for
    `manage.py mediabackup` and `mediarestore` (operations.management.commands).

    media/<name> and documents/<name> are the default storage's names (which
    routes documents/ to its private place), story-uploads/<name> the story
    storage's, so a restore puts every file back where the site looks for it,
    on the file system or on S3.
    """

    def _part(self, name):
        top, _, rest = str(name).replace("\\", "/").strip("/").partition("/")
        if top == MEDIA:
            return default_storage, rest
        if top == DOCUMENTS:
            return default_storage, DOCUMENTS_PREFIX + rest
        if top == STORY_UPLOADS:
            return get_submission_storage(), rest
        raise ValueError(f"{name!r} is in none of {MEDIA}, {DOCUMENTS}, {STORY_UPLOADS}")

    def listdir(self, path):
        if not str(path).strip("/"):
            return [MEDIA, DOCUMENTS, STORY_UPLOADS], []
        storage, inner = self._part(path)
        try:
            directories, files = storage.listdir(inner)
        except FileNotFoundError:
            return [], []
        if storage is default_storage and not inner.startswith(DOCUMENTS_PREFIX):
            directories = [d for d in directories if not self._is_elsewhere(inner, d)]
        return directories, files

    def _is_elsewhere(self, parent, directory):
        """A folder of MEDIA_ROOT that is backed up as another part, or not at all
        (a backup folder wrongly placed there would back itself up)."""
        if not parent and directory == DOCUMENTS_PREFIX.rstrip("/"):
            return True
        try:
            path = Path(default_storage.path(os.path.join(parent, directory))).resolve()
        except NotImplementedError:
            return False
        others = (settings.DOCUMENTS_ROOT, settings.STORY_UPLOADS_ROOT, settings.BACKUP_ROOT)
        return any(path == Path(other).resolve() for other in others)

    def _open(self, name, mode="rb"):
        storage, inner = self._part(name)
        return storage.open(inner, mode)

    def _save(self, name, content):
        storage, inner = self._part(name)
        saved = storage.save(inner, content)
        prefix = str(name).replace("\\", "/").strip("/").partition("/")[0]
        if prefix == DOCUMENTS:
            saved = saved.removeprefix(DOCUMENTS_PREFIX)
        return f"{prefix}/{saved}"

    def get_available_name(self, name, max_length=None):
        # Each part's own storage picks the name when it saves.
        return name

    def exists(self, name):
        storage, inner = self._part(name)
        return storage.exists(inner)

    def delete(self, name):
        storage, inner = self._part(name)
        storage.delete(inner)

    def size(self, name):
        storage, inner = self._part(name)
        return storage.size(inner)

    def url(self, name):
        raise ValueError("The backup's view of the files has no URLs.")
