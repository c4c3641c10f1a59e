"""Move document files uploaded before DOCUMENTS_ROOT existed out of MEDIA_ROOT,
where the web server published them to anyone who knew the name."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations

PREFIX = "documents/"


def move_files(apps, schema_editor):
    documents = apps.get_model("wagtaildocs", "Document")
    media_root = Path(settings.MEDIA_ROOT)
    documents_root = Path(settings.DOCUMENTS_ROOT)
    for name in documents.objects.values_list("file", flat=True):
        if not name.startswith(PREFIX):
            continue
        old = media_root / name
        new = documents_root / name.removeprefix(PREFIX)
        if old.is_file() and not new.exists():
            new.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(old, new)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_ebook_download_counts"),
        ("wagtaildocs", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_files, migrations.RunPython.noop)]
