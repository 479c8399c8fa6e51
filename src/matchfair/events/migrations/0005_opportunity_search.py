"""Opportunity search: an FTS5 table with triggers on SQLite. PostgreSQL needs nothing new: the
GIN indexes of 0003 already cover opportunity titles and descriptions and organisation names."""

from django.db import migrations

# The SQL is written out here, not imported, so that this migration never changes after the fact.
FTS_TABLE = "events_opportunity_fts"

# The text an opportunity is found by, for the opportunities that `{where}` selects.
_FTS_ROWS = f"""
INSERT INTO {FTS_TABLE}(rowid, title, description, organisation)
SELECT p.id, p.title, coalesce(p.description, ''), coalesce(o.name, '')
FROM events_opportunity p
JOIN events_registration r ON r.id = p.registration_id
JOIN community_user u ON u.id = r.user_id
LEFT JOIN community_organisation o ON o.id = u.organisation_id
WHERE {{where}};
"""


def _reindex(opportunities: str) -> str:
    """Statements that rebuild the index rows of the opportunities `opportunities` (SQL) selects."""
    return f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({opportunities});\n" + _FTS_ROWS.format(
        where=f"p.id IN ({opportunities})"
    )


def _trigger(name: str, when: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW BEGIN\n{body}END;"


TRIGGERS = {
    "events_opportunity_ofts_ai": ("INSERT", "events_opportunity", _reindex("NEW.id")),
    "events_opportunity_ofts_au": (
        "UPDATE OF title, description, registration_id",
        "events_opportunity",
        _reindex("NEW.id"),
    ),
    "events_opportunity_ofts_ad": (
        "DELETE",
        "events_opportunity",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;\n",
    ),
    "events_registration_ofts_au": (
        "UPDATE OF user_id",
        "events_registration",
        _reindex("SELECT id FROM events_opportunity WHERE registration_id = NEW.id"),
    ),
    "community_user_ofts_au": (
        "UPDATE OF organisation_id",
        "community_user",
        _reindex(
            "SELECT p2.id FROM events_opportunity p2 JOIN events_registration r2 "
            "ON r2.id = p2.registration_id WHERE r2.user_id = NEW.id"
        ),
    ),
    "community_organisation_ofts_au": (
        "UPDATE OF name",
        "community_organisation",
        _reindex(
            "SELECT p2.id FROM events_opportunity p2 JOIN events_registration r2 "
            "ON r2.id = p2.registration_id JOIN community_user u2 ON u2.id = r2.user_id "
            "WHERE u2.organisation_id = NEW.id"
        ),
    ),
}

SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, description, organisation, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    _FTS_ROWS.format(where="1"),
    *(_trigger(name, *spec) for name, spec in TRIGGERS.items()),
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("events", "0004_event_agenda_version"), ("community", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
