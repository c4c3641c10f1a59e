"""Wagtail search backends that understand Thai.

``search.backends`` picks the database backend for the default connection,
as ``wagtail.search.backends.database`` does, but with Thai segmentation.
"""

from django.db import connection


# Wagtail looks the backend up by this name.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        from .postgres import ThaiPostgresSearchBackend

        return ThaiPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import ThaiSQLiteSearchBackend

        return ThaiSQLiteSearchBackend(params)
    raise NotImplementedError(
        f"Thai search supports SQLite and PostgreSQL, not {connection.vendor}."
    )
