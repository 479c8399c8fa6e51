"""PostgreSQL search reads one stored document per registration and one per opportunity.

The expression indexes of 0003 made PostgreSQL recompute `to_tsvector` of every candidate row
to recheck it and join four sources per word: a common word cost a directory page several
hundred milliseconds at 25,000 participants. Like the FTS5 tables on SQLite, a document table
holds each row's searchable text, already as a `tsvector`, kept by triggers whatever writes
the rows, under one GIN index. SQLite needs nothing new. The document tables have no foreign
keys, so that Django's test flush can truncate the tables they index: triggers delete a
document with its row, and empty the tables when those are truncated.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

# The SQL is written out here, not imported, so that this migration never changes after the fact.
CONFIG = "matchfair_search"

PARTICIPANT_TEXT = """
coalesce(u.full_name, '') || ' ' || coalesce(o.name, '') || ' ' || coalesce(r.headline, '')
|| ' ' || coalesce(r.description, '') || ' ' || coalesce((
    SELECT string_agg(p.title || ' ' || coalesce(p.description, ''), ' ')
    FROM events_opportunity p WHERE p.registration_id = r.id), '')
"""
OPPORTUNITY_TEXT = "p.title || ' ' || coalesce(p.description, '') || ' ' || coalesce(o.name, '')"

CREATE = [
    """
CREATE TABLE events_registration_document (
    registration_id bigint PRIMARY KEY, document tsvector NOT NULL)""",
    """
CREATE TABLE events_opportunity_document (
    opportunity_id bigint PRIMARY KEY, document tsvector NOT NULL)""",
    "CREATE INDEX events_registration_document_gin ON events_registration_document "
    "USING gin (document)",
    "CREATE INDEX events_opportunity_document_gin ON events_opportunity_document "
    "USING gin (document)",
    f"""
CREATE FUNCTION events_index_registrations(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO events_registration_document (registration_id, document)
    SELECT r.id, to_tsvector('{CONFIG}', {PARTICIPANT_TEXT})
    FROM events_registration r
    JOIN community_user u ON u.id = r.user_id
    LEFT JOIN community_organisation o ON o.id = u.organisation_id
    WHERE r.id = ANY(ids)
    ON CONFLICT (registration_id) DO UPDATE SET document = EXCLUDED.document
$$""",
    f"""
CREATE FUNCTION events_index_opportunities(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO events_opportunity_document (opportunity_id, document)
    SELECT p.id, to_tsvector('{CONFIG}', {OPPORTUNITY_TEXT})
    FROM events_opportunity p
    JOIN events_registration r ON r.id = p.registration_id
    JOIN community_user u ON u.id = r.user_id
    LEFT JOIN community_organisation o ON o.id = u.organisation_id
    WHERE p.id = ANY(ids)
    ON CONFLICT (opportunity_id) DO UPDATE SET document = EXCLUDED.document
$$""",
    # One trigger function per table: which registrations and opportunities a row change touches.
    """
CREATE FUNCTION events_search_registration() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM events_registration_document WHERE registration_id = OLD.id;
        RETURN NULL;
    END IF;
    PERFORM events_index_registrations(ARRAY[NEW.id]);
    IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        PERFORM events_index_opportunities(
            ARRAY(SELECT id FROM events_opportunity WHERE registration_id = NEW.id));
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE FUNCTION events_search_opportunity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM events_index_registrations(ARRAY[OLD.registration_id]);
    END IF;
    IF TG_OP = 'DELETE' THEN
        DELETE FROM events_opportunity_document WHERE opportunity_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM events_index_registrations(ARRAY[NEW.registration_id]);
        PERFORM events_index_opportunities(ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE FUNCTION events_search_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM events_index_registrations(
        ARRAY(SELECT id FROM events_registration WHERE user_id = NEW.id));
    IF NEW.organisation_id IS DISTINCT FROM OLD.organisation_id THEN
        PERFORM events_index_opportunities(ARRAY(
            SELECT p.id FROM events_opportunity p
            JOIN events_registration r ON r.id = p.registration_id WHERE r.user_id = NEW.id));
    END IF;
    RETURN NULL;
END $$""",
    """
CREATE FUNCTION events_search_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM events_index_registrations(ARRAY(
        SELECT r.id FROM events_registration r
        JOIN community_user u ON u.id = r.user_id WHERE u.organisation_id = NEW.id));
    PERFORM events_index_opportunities(ARRAY(
        SELECT p.id FROM events_opportunity p
        JOIN events_registration r ON r.id = p.registration_id
        JOIN community_user u ON u.id = r.user_id WHERE u.organisation_id = NEW.id));
    RETURN NULL;
END $$""",
    "CREATE TRIGGER events_search_registration "
    "AFTER INSERT OR DELETE OR UPDATE OF headline, description, user_id ON events_registration "
    "FOR EACH ROW EXECUTE FUNCTION events_search_registration()",
    # TRUNCATE fires no row triggers (Django's test flush truncates): empty the documents too.
    """
CREATE FUNCTION events_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'events_registration' THEN
        TRUNCATE events_registration_document;
    END IF;
    TRUNCATE events_opportunity_document;
    RETURN NULL;
END $$""",
    "CREATE TRIGGER events_search_truncate AFTER TRUNCATE ON events_registration "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_search_truncate()",
    "CREATE TRIGGER events_search_truncate AFTER TRUNCATE ON events_opportunity "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_search_truncate()",
    "CREATE TRIGGER events_search_opportunity "
    "AFTER INSERT OR DELETE OR UPDATE OF title, description, registration_id "
    "ON events_opportunity FOR EACH ROW EXECUTE FUNCTION events_search_opportunity()",
    "CREATE TRIGGER events_search_user AFTER UPDATE OF full_name, organisation_id "
    "ON community_user FOR EACH ROW EXECUTE FUNCTION events_search_user()",
    "CREATE TRIGGER events_search_organisation AFTER UPDATE OF name "
    "ON community_organisation FOR EACH ROW EXECUTE FUNCTION events_search_organisation()",
    "SELECT events_index_registrations(ARRAY(SELECT id FROM events_registration))",
    "SELECT events_index_opportunities(ARRAY(SELECT id FROM events_opportunity))",
]
DROP = [
    "DROP TRIGGER IF EXISTS events_search_registration ON events_registration",
    "DROP TRIGGER IF EXISTS events_search_opportunity ON events_opportunity",
    "DROP TRIGGER IF EXISTS events_search_user ON community_user",
    "DROP TRIGGER IF EXISTS events_search_organisation ON community_organisation",
    "DROP TRIGGER IF EXISTS events_search_truncate ON events_registration",
    "DROP TRIGGER IF EXISTS events_search_truncate ON events_opportunity",
    "DROP FUNCTION IF EXISTS events_search_truncate()",
    "DROP FUNCTION IF EXISTS events_search_registration()",
    "DROP FUNCTION IF EXISTS events_search_opportunity()",
    "DROP FUNCTION IF EXISTS events_search_user()",
    "DROP FUNCTION IF EXISTS events_search_organisation()",
    "DROP FUNCTION IF EXISTS events_index_registrations(bigint[])",
    "DROP FUNCTION IF EXISTS events_index_opportunities(bigint[])",
    "DROP TABLE IF EXISTS events_registration_document",
    "DROP TABLE IF EXISTS events_opportunity_document",
]
# The expression indexes of 0003 serve no query any more; rebuilt on the way back.
OLD_INDEXES = [
    ("events", "Registration", "registration_search", ("headline", "description")),
    ("events", "Opportunity", "opportunity_search", ("title", "description")),
    ("community", "User", "user_search", ("full_name",)),
    ("community", "Organisation", "organisation_search", ("name",)),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement, params=None)
    for _app, _model, name, _fields in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}", params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP:
        schema_editor.execute(statement, params=None)
    for app, model, name, fields in OLD_INDEXES:
        index = GinIndex(SearchVector(*fields, config=CONFIG), name=name)
        schema_editor.add_index(apps.get_model(app, model), index)


class Migration(migrations.Migration):
    dependencies = [("events", "0006_registration_booked_meetings"), ("community", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
