from django.db import migrations

from network.provinces import PROVINCES


def load_provinces(apps, schema_editor):
    Province = apps.get_model("network", "Province")
    for code, name_th, name_en, region in PROVINCES:
        Province.objects.update_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en, "region": region}
        )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial")]

    operations = [migrations.RunPython(load_provinces, migrations.RunPython.noop)]
