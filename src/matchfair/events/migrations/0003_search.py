"""Directory search: an FTS5 table with triggers on SQLite, GIN full-text indexes on PostgreSQL."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# The SQL is written out here, not imported, so that this migration never changes after the fact.
FTS_TABLE = "events_registration_fts"

# The text a participant is found by, for the registrations that `{where}` selects.
_FTS_ROWS = f"""
INSERT INTO {FTS_TABLE}(rowid, name, organisation, profile, opportunities)
SELECT r.id, coalesce(u.full_name, ''), coalesce(o.name, ''),
       coalesce(r.headline, '') || ' ' || coalesce(r.description, ''),
       coalesce((SELECT group_concat(p.title || ' ' || coalesce(p.description, ''), ' ')
                 FROM events_opportunity p WHERE p.registration_id = r.id), '')
FROM events_registration r
JOIN community_user u ON u.id = r.user_id
LEFT JOIN community_organisation o ON o.id = u.organisation_id
WHERE {{where}};
"""


def _reindex(registrations: str) -> str:
    """Statements that rebuild the index rows of the registrations `registrations` (SQL) selects."""
    return f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({registrations});\n" + _FTS_ROWS.format(
        where=f"r.id IN ({registrations})"
    )


def _trigger(name: str, when: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW BEGIN\n{body}END;"


# Triggers keep the index right whatever writes the rows: domain functions, bulk loads, the admin.
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(name, organisation, profile, opportunities, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
    _FTS_ROWS.format(where="1"),
    _trigger("events_registration_fts_ai", "INSERT", "events_registration", _reindex("NEW.id")),
    _trigger(
        "events_registration_fts_au",
        "UPDATE OF headline, description, user_id",
        "events_registration",
        _reindex("NEW.id"),
    ),
    _trigger(
        "events_registration_fts_ad",
        "DELETE",
        "events_registration",
        f"DELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;\n",
    ),
    _trigger(
        "events_opportunity_fts_ai", "INSERT", "events_opportunity", _reindex("NEW.registration_id")
    ),
    _trigger(
        "events_opportunity_fts_au",
        "UPDATE OF title, description, registration_id",
        "events_opportunity",
        _reindex("OLD.registration_id, NEW.registration_id"),
    ),
    _trigger(
        "events_opportunity_fts_ad", "DELETE", "events_opportunity", _reindex("OLD.registration_id")
    ),
    _trigger(
        "community_user_fts_au",
        "UPDATE OF full_name, organisation_id",
        "community_user",
        _reindex("SELECT id FROM events_registration WHERE user_id = NEW.id"),
    ),
    _trigger(
        "community_organisation_fts_au",
        "UPDATE OF name",
        "community_organisation",
        _reindex(
            "SELECT r2.id FROM events_registration r2 JOIN community_user u2 "
            "ON u2.id = r2.user_id WHERE u2.organisation_id = NEW.id"
        ),
    ),
]
SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "events_registration_fts_ai",
            "events_registration_fts_au",
            "events_registration_fts_ad",
            "events_opportunity_fts_ai",
            "events_opportunity_fts_au",
            "events_opportunity_fts_ad",
            "community_user_fts_au",
            "community_organisation_fts_au",
        )
    ),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]

# (app, model, index name, fields): one GIN expression index per source the search reads.
POSTGRES_INDEXES = [
    ("events", "Registration", "registration_search", ("headline", "description")),
    ("events", "Opportunity", "opportunity_search", ("title", "description")),
    ("community", "User", "user_search", ("full_name",)),
    ("community", "Organisation", "organisation_search", ("name",)),
]


# The `simple` configuration, so names and Bulgarian words are not stemmed as English, with
# accents dropped as FTS5 drops them ("sao" finds "São"). unaccent is a trusted extension.
POSTGRES_CONFIG = "matchfair_search"
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {POSTGRES_CONFIG} (COPY = pg_catalog.simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {POSTGRES_CONFIG} "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
]


def _gin(name, fields):
    return GinIndex(SearchVector(*fields, config=POSTGRES_CONFIG), name=name)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement, params=None)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement, params=None)
        for app, model, name, fields in POSTGRES_INDEXES:
            schema_editor.add_index(apps.get_model(app, model), _gin(name, fields))


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement, params=None)
    elif vendor == "postgresql":
        for app, model, name, fields in POSTGRES_INDEXES:
            schema_editor.remove_index(apps.get_model(app, model), _gin(name, fields))
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {POSTGRES_CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_domains"), ("community", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
