"""django-dbbackup's `mediabackup`, taking every stored file: public media, e-book
documents and partners' uploads (operations.file_storages.SiteFilesStorage), not
only the default storage's media.

Found before django-dbbackup's command of the same name because operations comes
first in INSTALLED_APPS.
"""

from dbbackup.management.commands import mediabackup

from operations.file_storages import SiteFilesStorage


class Command(mediabackup.Command):
    help = "Back up public media, e-book documents and partners' uploads into one archive."

    def backup_mediafiles(self):
        self.media_storage = SiteFilesStorage()
        super().backup_mediafiles()
