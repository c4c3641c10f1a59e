"""Rebuild SQLite's full-text table so that Thai vowel and tone marks are
letters, not separators, and English words are stemmed (porter).

The stock table uses unicode61's default categories, which split "ภาคี" into
"ภ" and "ค"; with marks as letters each segmented Thai word is one token.
PostgreSQL keeps its own parser and needs nothing here.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
THAI_TOKENIZER = "porter unicode61 categories 'L* N* Co M*'"


def rebuild_fts_table(schema_editor, tokenize_clause):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [FTS_TABLE])
        if cursor.fetchone() is None:
            return  # SQLite without FTS5: Wagtail falls back to plain lookups.
        cursor.execute(f"DROP TABLE {FTS_TABLE}")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{tokenize_clause})"
        )
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, autocomplete) "  # noqa: S608
            f"SELECT id, title, body, autocomplete FROM {ENTRY_TABLE}"
        )


def use_thai_tokenizer(apps, schema_editor):
    rebuild_fts_table(schema_editor, f', tokenize="{THAI_TOKENIZER}"')


def use_stock_tokenizer(apps, schema_editor):
    rebuild_fts_table(schema_editor, "")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(use_thai_tokenizer, use_stock_tokenizer)]
