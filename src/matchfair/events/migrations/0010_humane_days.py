"""Humane days: the event's defaults and lunch break, each participant's own limits.

As in 0006, SQLite gets the registration's columns in place: Django would add them by rebuilding
the table, which the search triggers of 0003 and 0005 (their bodies name `events_registration`)
do not survive.
"""

import django.core.validators
from django.db import migrations, models

LIMIT = models.PositiveSmallIntegerField(
    blank=True,
    null=True,
    validators=[django.core.validators.MinValueValidator(1)],
    verbose_name="meetings in a row at most",
)
PER_DAY = models.PositiveSmallIntegerField(
    blank=True,
    null=True,
    validators=[django.core.validators.MinValueValidator(1)],
    verbose_name="meetings a day at most",
)
DAYS = models.JSONField(blank=True, default=list, verbose_name="preferred days")

REGISTRATION_FIELDS = {"max_in_a_row": LIMIT, "max_per_day": PER_DAY, "preferred_days": DAYS}

SQLITE_COLUMNS = {
    "max_in_a_row": "smallint unsigned NULL CHECK (max_in_a_row >= 0)",
    "max_per_day": "smallint unsigned NULL CHECK (max_per_day >= 0)",
    "preferred_days": (
        "text NOT NULL DEFAULT '[]' CHECK ((JSON_VALID(preferred_days) OR preferred_days IS NULL))"
    ),
}


def _field(name: str) -> models.Field:
    field = REGISTRATION_FIELDS[name].clone()
    field.set_attributes_from_name(name)
    return field


def add(apps, schema_editor):
    registration = apps.get_model("events", "Registration")
    for name, column in SQLITE_COLUMNS.items():
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f"ALTER TABLE events_registration ADD COLUMN {name} {column}")
        else:
            schema_editor.add_field(registration, _field(name))


def remove(apps, schema_editor):
    registration = apps.get_model("events", "Registration")
    for name in reversed(SQLITE_COLUMNS):
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f"ALTER TABLE events_registration DROP COLUMN {name}")
        else:
            schema_editor.remove_field(registration, _field(name))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_bulgarian_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="default_max_in_a_row",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="After that many meetings in a row a participant gets a free slot.",
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="meetings in a row at most",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="default_max_per_day",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="meetings a day at most",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="lunch_ends",
            field=models.TimeField(
                blank=True,
                help_text="No meeting is scheduled in a slot that overlaps the lunch break.",
                null=True,
                verbose_name="lunch break until",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="lunch_starts",
            field=models.TimeField(blank=True, null=True, verbose_name="lunch break from"),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="registration", name=name, field=field.clone())
                for name, field in REGISTRATION_FIELDS.items()
            ],
            database_operations=[migrations.RunPython(add, remove, elidable=False)],
        ),
    ]
