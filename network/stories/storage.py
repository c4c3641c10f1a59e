"""Where partners' uploads are kept until staff have reviewed them.

Not under MEDIA_ROOT: the web server publishes everything there, and a
partner's files are personal data until a page uses them. Staff download them
through the admin (see network.stories.admin_views).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


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
