from django.db import migrations

from matchfair.events.taxonomy import DOMAINS


def add_domains(apps, schema_editor):
    Domain = apps.get_model("events", "Domain")
    for position, (slug, name) in enumerate(DOMAINS):
        Domain.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(add_domains, migrations.RunPython.noop)]
