"""Add `Registration.booked_meetings`; the meetings app's migration 0004 keeps it with triggers.

On SQLite, Django adds a NOT NULL column by rebuilding the table, which the search triggers of
0003 and 0005 (their bodies name `events_registration`) do not survive. SQLite can add a
NOT NULL column with a default in place, so the column is added with that statement there.
"""

from django.db import migrations, models

FIELD = models.PositiveIntegerField(default=0, editable=False, verbose_name="active meetings")


def _field() -> models.Field:
    field = FIELD.clone()
    field.set_attributes_from_name("booked_meetings")
    return field


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "ALTER TABLE events_registration ADD COLUMN booked_meetings integer unsigned "
            "NOT NULL DEFAULT 0 CHECK (booked_meetings >= 0)"
        )
    else:
        schema_editor.add_field(apps.get_model("events", "Registration"), _field())


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ALTER TABLE events_registration DROP COLUMN booked_meetings")
    else:
        schema_editor.remove_field(apps.get_model("events", "Registration"), _field())


class Migration(migrations.Migration):
    dependencies = [("events", "0005_opportunity_search")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="registration", name="booked_meetings", field=FIELD.clone()
                )
            ],
            database_operations=[migrations.RunPython(add, remove, elidable=False)],
        )
    ]
