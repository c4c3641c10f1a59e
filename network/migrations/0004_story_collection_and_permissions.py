from django.contrib.auth.management import create_permissions
from django.db import migrations

COLLECTION_NAME = "เรื่องจากภาคี"
MODERATOR_PERMISSIONS = ["view_storysubmission", "change_storysubmission"]


def forwards(apps, schema_editor):
    # Permissions are normally made after all migrations; the grant below needs them now.
    app_config = apps.get_app_config("network")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    if root is not None and not Collection.objects.filter(name=COLLECTION_NAME).exists():
        # treebeard's API is not available on historical models: add the child by hand.
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        step = int(last.path[-4:], 36) + 1 if last else 1
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        suffix = ""
        while len(suffix) < 4:
            step, digit = divmod(step, 36)
            suffix = alphabet[digit] + suffix
        Collection.objects.create(
            name=COLLECTION_NAME, depth=2, path=root.path + suffix, numchild=0
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="network", codename__in=MODERATOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0003_story_submissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
