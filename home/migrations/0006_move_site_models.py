"""The site's name in English and the information pages move to `core`, the
privacy settings to `privacy`. Their tables are renamed, not copied, so every
row stays; `core` and `privacy` take the models over in Django's state in their
first migrations. The content types are renamed in place, keeping their ids, so
pages, revisions, permissions and translations that point at them still do."""

from django.db import migrations

MOVED_MODELS = {
    # model: (new app, new table)
    "siteidentity": ("core", "core_siteidentity"),
    "informationpage": ("core", "core_informationpage"),
    "privacysettings": ("privacy", "privacy_privacysettings"),
}


def rename_content_types(apps, schema_editor, moves):
    """Give each (app, model) content type a new app label; `moves` is
    [(model, from_app, to_app)]."""
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    for model, from_app, to_app in moves:
        if content_types.filter(app_label=to_app, model=model).exists():
            raise RuntimeError(
                f"Both {from_app}.{model} and {to_app}.{model} have a content type; "
                f"delete the unused {to_app}.{model} and migrate again."
            )
        content_types.filter(app_label=from_app, model=model).update(app_label=to_app)


def forwards(apps, schema_editor):
    moves = [(model, "home", app) for model, (app, _table) in MOVED_MODELS.items()]
    rename_content_types(apps, schema_editor, moves)


def backwards(apps, schema_editor):
    moves = [(model, app, "home") for model, (app, _table) in MOVED_MODELS.items()]
    rename_content_types(apps, schema_editor, moves)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_information_page_and_privacy_settings"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(model, table)
                for model, (_app, table) in MOVED_MODELS.items()
            ],
            state_operations=[migrations.DeleteModel(model) for model in MOVED_MODELS],
        ),
        migrations.RunPython(forwards, backwards),
    ]
