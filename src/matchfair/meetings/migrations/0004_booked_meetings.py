"""Count each registration's active meetings in `Registration.booked_meetings`, with triggers.

Triggers keep the count right whatever writes meetings: domain functions, bulk loads, the admin,
a deletion that cascades. The through table of `Meeting.participants` adds or removes a
participant; a meeting's status moving to or from "active" counts for all of its participants.
The SQL is written out here, not imported, so that this migration never changes after the fact.
"""

from django.db import NotSupportedError, migrations

PARTICIPANTS = "meetings_meeting_participants"
ACTIVE = "(SELECT status FROM meetings_meeting WHERE id = {row}.meeting_id) = 'active'"
BACKFILL = f"""
UPDATE events_registration SET booked_meetings = (
    SELECT count(*) FROM {PARTICIPANTS} p JOIN meetings_meeting m ON m.id = p.meeting_id
    WHERE p.registration_id = events_registration.id AND m.status = 'active')
"""


def _change(sign: str, row: str) -> str:
    return (
        f"UPDATE events_registration SET booked_meetings = booked_meetings {sign} 1 "
        f"WHERE id = {row}.registration_id"
    )


STATUS_CHANGE = (
    "UPDATE events_registration SET booked_meetings = booked_meetings "
    "+ CASE WHEN NEW.status = 'active' THEN 1 ELSE -1 END "
    f"WHERE id IN (SELECT registration_id FROM {PARTICIPANTS} WHERE meeting_id = NEW.id)"
)
STATUS_FLIPS = "(OLD.status = 'active') <> (NEW.status = 'active')"

SQLITE_TRIGGERS = {
    "meetings_booked_ai": (
        f"AFTER INSERT ON {PARTICIPANTS} FOR EACH ROW WHEN {ACTIVE.format(row='NEW')}",
        _change("+", "NEW"),
    ),
    "meetings_booked_ad": (
        f"AFTER DELETE ON {PARTICIPANTS} FOR EACH ROW WHEN {ACTIVE.format(row='OLD')}",
        _change("-", "OLD"),
    ),
    "meetings_booked_au_old": (
        f"AFTER UPDATE OF meeting_id, registration_id ON {PARTICIPANTS} FOR EACH ROW "
        f"WHEN {ACTIVE.format(row='OLD')}",
        _change("-", "OLD"),
    ),
    "meetings_booked_au_new": (
        f"AFTER UPDATE OF meeting_id, registration_id ON {PARTICIPANTS} FOR EACH ROW "
        f"WHEN {ACTIVE.format(row='NEW')}",
        _change("+", "NEW"),
    ),
    "meetings_booked_status": (
        f"AFTER UPDATE OF status ON meetings_meeting FOR EACH ROW WHEN {STATUS_FLIPS}",
        STATUS_CHANGE,
    ),
}
SQLITE_CREATE = [
    f"CREATE TRIGGER {name} {when} BEGIN {body}; END"
    for name, (when, body) in SQLITE_TRIGGERS.items()
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS]

POSTGRES_CREATE = [
    f"""
CREATE FUNCTION meetings_booked_participant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') AND {ACTIVE.format(row="OLD")} THEN
        {_change("-", "OLD")};
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND {ACTIVE.format(row="NEW")} THEN
        {_change("+", "NEW")};
    END IF;
    RETURN NULL;
END $$""",
    f"""
CREATE FUNCTION meetings_booked_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {STATUS_CHANGE};
    RETURN NULL;
END $$""",
    f"CREATE TRIGGER meetings_booked_participant "
    f"AFTER INSERT OR DELETE OR UPDATE OF meeting_id, registration_id ON {PARTICIPANTS} "
    "FOR EACH ROW EXECUTE FUNCTION meetings_booked_participant()",
    "CREATE TRIGGER meetings_booked_status AFTER UPDATE OF status ON meetings_meeting "
    f"FOR EACH ROW WHEN ({STATUS_FLIPS}) EXECUTE FUNCTION meetings_booked_status()",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS meetings_booked_participant ON {PARTICIPANTS}",
    "DROP TRIGGER IF EXISTS meetings_booked_status ON meetings_meeting",
    "DROP FUNCTION IF EXISTS meetings_booked_participant()",
    "DROP FUNCTION IF EXISTS meetings_booked_status()",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(vendor)
    if statements is None:
        raise NotSupportedError(f"Matchfair runs on SQLite or PostgreSQL, not {vendor}.")
    for statement in [*statements, BACKFILL]:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(
        schema_editor.connection.vendor, []
    )
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_solverrun_lock_before"),
        ("events", "0006_registration_booked_meetings"),
    ]
    operations = [migrations.RunPython(create, drop, elidable=False)]
