"""Another connection holding a lock, as a long write elsewhere on the site does."""

from contextlib import contextmanager

from django.db import connections


@contextmanager
def write_lock_held(table):
    """SQLite: the database's write lock. PostgreSQL: `table` against writes
    (EXCLUSIVE lets readers read and stops every write)."""
    other = connections.create_connection("default")
    other.ensure_connection()
    try:
        if other.vendor == "postgresql":
            other.set_autocommit(False)
            with other.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        else:
            with other.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
        yield
    finally:
        if other.vendor == "postgresql":
            other.rollback()
        else:
            with other.cursor() as cursor:
                cursor.execute("ROLLBACK")
        other.close()
