"""Newsroom search: an FTS5 index of the translations on SQLite (Porter stemming, diacritics
dropped), kept by triggers; on PostgreSQL, GIN indexes of each language's full text (English
stemmed, Bulgarian with `matchfair_search`, events 0003) and a trigram index for typos."""

from django.db import migrations

FTS_TABLE = "newsroom_translation_fts"
_ROW = (
    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) "
    "VALUES (NEW.id, NEW.title, NEW.summary, "
    "NEW.body || ' ' || NEW.sector || ' ' || NEW.what_they_did || ' ' || NEW.lessons);\n"
)
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, summary, body, "
    "tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3')",
    f"INSERT INTO {FTS_TABLE}(rowid, title, summary, body) SELECT id, title, summary, "
    "body || ' ' || sector || ' ' || what_they_did || ' ' || lessons "
    "FROM newsroom_articletranslation",
    "CREATE TRIGGER newsroom_translation_fts_ai AFTER INSERT ON newsroom_articletranslation "
    f"FOR EACH ROW BEGIN\n{_ROW}END;",
    "CREATE TRIGGER newsroom_translation_fts_au AFTER UPDATE ON newsroom_articletranslation "
    f"FOR EACH ROW BEGIN\nDELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;\n{_ROW}END;",
    "CREATE TRIGGER newsroom_translation_fts_ad AFTER DELETE ON newsroom_articletranslation "
    f"FOR EACH ROW BEGIN\nDELETE FROM {FTS_TABLE} WHERE rowid = OLD.id;\nEND;",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS newsroom_translation_fts_ai",
    "DROP TRIGGER IF EXISTS newsroom_translation_fts_au",
    "DROP TRIGGER IF EXISTS newsroom_translation_fts_ad",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
_TEXT = "(title || ' ' || summary || ' ' || body)"
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX newsroom_fts_en ON newsroom_articletranslation "
    f"USING gin (to_tsvector('english'::regconfig, {_TEXT})) WHERE language = 'en'",
    "CREATE INDEX newsroom_fts_other ON newsroom_articletranslation "
    f"USING gin (to_tsvector('matchfair_search'::regconfig, {_TEXT})) WHERE language <> 'en'",
    "CREATE INDEX newsroom_trigram ON newsroom_articletranslation "
    "USING gin ((title || ' ' || summary) gin_trgm_ops)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS newsroom_fts_en",
    "DROP INDEX IF EXISTS newsroom_fts_other",
    "DROP INDEX IF EXISTS newsroom_trigram",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial"), ("events", "0003_search")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
