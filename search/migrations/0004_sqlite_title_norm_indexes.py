"""Indexes that make SQLite's title_norm refresh cheap.

After every batch of indexed pages Wagtail averages the length of every
title in the index and updates the entries whose title_norm is 1.0. SQLite
keeps the title after the body in each row, so both read every body in the
table: a second or more per batch at 10,000 pages. With these indexes the
average comes from an index alone and the update finds its rows through one.
PostgreSQL reads its titles without the bodies and needs nothing here.
"""

from django.db import migrations

ENTRY_TABLE = "wagtailsearch_indexentry"
INDEXES = {
    "search_indexentry_title_length": "(LENGTH(title))",
    "search_indexentry_title_norm": "(title_norm)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {ENTRY_TABLE} {columns}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_distinct_searchers"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
