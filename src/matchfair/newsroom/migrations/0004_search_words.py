"""PostgreSQL: each translation's words stored as a `tsvector` (`search_words`, a generated
column the database keeps) with one GIN index, in place of the two expression indexes of 0002.
A search reads the stored words instead of making them again from the text of every row it
checks (a common word re-read 2,500 blocks of text). Nothing changes on SQLite, whose FTS5
index (0002) holds the words already; the column is not a field of the model."""

from django.db import migrations

_TEXT = "(title || ' ' || summary || ' ' || body)"
FORWARD = [
    "ALTER TABLE newsroom_articletranslation ADD COLUMN search_words tsvector "
    "GENERATED ALWAYS AS (CASE WHEN language = 'en' "
    f"THEN to_tsvector('english'::regconfig, {_TEXT}) "
    f"ELSE to_tsvector('matchfair_search'::regconfig, {_TEXT}) END) STORED",
    "CREATE INDEX newsroom_search_words ON newsroom_articletranslation USING gin (search_words)",
    "DROP INDEX IF EXISTS newsroom_fts_en",
    "DROP INDEX IF EXISTS newsroom_fts_other",
]
BACKWARD = [
    "CREATE INDEX newsroom_fts_en ON newsroom_articletranslation "
    f"USING gin (to_tsvector('english'::regconfig, {_TEXT})) WHERE language = 'en'",
    "CREATE INDEX newsroom_fts_other ON newsroom_articletranslation "
    f"USING gin (to_tsvector('matchfair_search'::regconfig, {_TEXT})) WHERE language <> 'en'",
    "DROP INDEX IF EXISTS newsroom_search_words",
    "ALTER TABLE newsroom_articletranslation DROP COLUMN IF EXISTS search_words",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_digest")]
    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
