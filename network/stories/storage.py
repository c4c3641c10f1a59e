"""Where partners' uploads are kept until staff have reviewed them.

Not under MEDIA_ROOT: the web server publishes everything there, and a
partner's files are personal data until a page uses them. Staff download them
through the admin (see network.stories.admin_views).
"""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage

from .uploads import PDF_EXTENSION, PHOTO_FORMATS

EXTENSIONS = dict(PHOTO_FORMATS.values())
EXTENSIONS["application/pdf"] = PDF_EXTENSION


def random_file_name(extension):
    """A name nobody can guess from the story's reference or the partner's file
    name: 128 random bits, and the extension of what the file was decoded as."""
    return f"{secrets.token_hex(16)}.{extension}"


def submission_file_name(reference, content_type):
    # The content type is the one found by decoding the file, never the browser's.
    return f"{reference}/{random_file_name(EXTENSIONS.get(content_type, 'bin'))}"


class SubmissionStorage(FileSystemStorage):
    """Files under STORY_UPLOADS_ROOT, readable by the site's user only, and
    with no public URL."""

    def __init__(self):
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    # Read the setting on every use, so that a changed setting (tests) applies.
    @property
    def base_location(self):
        return str(settings.STORY_UPLOADS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Submitted files have no public URL; staff download them in the admin.")


submission_storage = SubmissionStorage()


def get_submission_storage():
    return submission_storage
