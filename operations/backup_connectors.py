"""How `manage.py dbbackup` and `dbrestore` copy an SQLite database.

django-dbbackup's SqliteBackupConnector takes a consistent copy with SQLite's
online backup, but restores by writing the file over the database: with the
WAL journal the site runs (config.settings.base SQLITE_OPTIONS), a -wal file
left beside it would be replayed onto the restored pages, and a running site's
open connections would keep reading the old file. Restoring through the same
online backup, into the site's own connection, replaces every page (tables,
indexes and the search's full-text tables alike) under SQLite's locks.
"""

import contextlib
import os
import shutil
import sqlite3
import tempfile

from dbbackup.db.sqlite import SqliteBackupConnector


class SqliteOnlineConnector(SqliteBackupConnector):
    def restore_dump(self, dump):
        handle, copy_path = tempfile.mkstemp(suffix=".sqlite3")
        try:
            with os.fdopen(handle, "wb") as copy:
                dump.seek(0)
                shutil.copyfileobj(dump, copy)
            self.connection.close()
            self.connection.ensure_connection()
            source = sqlite3.connect(copy_path)
            try:
                source.backup(self.connection.connection)
            finally:
                source.close()
        finally:
            with contextlib.suppress(OSError):
                os.remove(copy_path)
