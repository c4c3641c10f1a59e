"""A short wait for database locks, for writes that a reader's page must not wait on.

The site's connections wait up to 30 s for a lock (config.settings), which is
right for a partner's story but not for a counter: a page view that waits
half a minute behind a migration or a long admin transaction is a page that
does not load. Inside `brief_lock_wait()` a locked row or database gives up
quickly with a DatabaseError, which the caller logs and leaves uncounted.
"""

from contextlib import contextmanager

from django.db import connection, transaction

# Long enough for the other counters of a busy minute to finish their one
# UPDATE each; far shorter than a reader waits for a page.
COUNTER_LOCK_WAIT_MS = 2000


@contextmanager
def brief_lock_wait(milliseconds=COUNTER_LOCK_WAIT_MS):
    if connection.vendor == "sqlite":
        with sqlite_busy_timeout(milliseconds):
            yield
    elif connection.vendor == "postgresql":
        with postgresql_lock_timeout(milliseconds):
            yield
    else:
        yield


@contextmanager
def sqlite_busy_timeout(milliseconds):
    # Set on the driver's connection, not through Django's cursor: these are
    # settings of the connection, not queries of the page.
    connection.ensure_connection()
    raw = connection.connection
    previous = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(previous)}")


@contextmanager
def postgresql_lock_timeout(milliseconds):
    # A transaction (or savepoint) of its own: a statement that fails on
    # PostgreSQL spoils the transaction it is in, and the page still has
    # queries to run after the counter.
    with transaction.atomic():
        with connection.connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('lock_timeout')")
            previous = cursor.fetchone()[0]
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true)", [f"{int(milliseconds)}ms"]
            )
        yield
        with connection.connection.cursor() as cursor:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
