"""A person's photo and an organisation's logo (storage names).

On SQLite the columns are added with ALTER TABLE: Django would rebuild the tables, which breaks
the directory's full-text triggers that name them.
"""

from django.db import migrations, models

COLUMNS = (("organisation", "logo"), ("user", "photo"))


def _field(name: str) -> models.CharField:
    field = models.CharField(blank=True, editable=False, max_length=200, verbose_name=name)
    field.set_attributes_from_name(name)
    return field


def add_columns(apps, schema_editor):
    for model, name in COLUMNS:
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f'ALTER TABLE "community_{model}" ADD COLUMN "{name}" varchar(200) '
                "NOT NULL DEFAULT ''"
            )
        else:
            schema_editor.add_field(apps.get_model("community", model), _field(name))


def drop_columns(apps, schema_editor):
    for model, name in COLUMNS:
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f'ALTER TABLE "community_{model}" DROP COLUMN "{name}"')
        else:
            schema_editor.remove_field(apps.get_model("community", model), _field(name))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_trust"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="organisation",
                    name="logo",
                    field=models.CharField(
                        blank=True, editable=False, max_length=200, verbose_name="logo"
                    ),
                ),
                migrations.AddField(
                    model_name="user",
                    name="photo",
                    field=models.CharField(
                        blank=True, editable=False, max_length=200, verbose_name="photo"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
        ),
    ]
