"""django-dbbackup's `mediarestore`, putting each file of a `mediabackup` archive
back in its own place: public media, e-book documents or partners' uploads
(operations.file_storages.SiteFilesStorage)."""

from dbbackup.management.commands import mediarestore

from operations.file_storages import SiteFilesStorage


class Command(mediarestore.Command):
    help = "Restore public media, e-book documents and partners' uploads from a media backup."

    def _restore_backup(self):
        self.media_storage = SiteFilesStorage()
        super()._restore_backup()
