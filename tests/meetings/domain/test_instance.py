"""The event in the engine's terms: `meetings.domain.instance`. The tests read the instance as
its `matchfair-schedule/1` document, the form the command line and exports use."""

import datetime as dt
import json

from matchfair.meetings.domain.engine_ids import MEETINGS, PARTICIPANTS, SESSIONS, SLOTS, TABLES
from matchfair.meetings.domain.instance import build_instance
from matchfair.scheduling import Instance, dump_instance, parse_instance, validate
from tests import factories
from tests.meetings.domain.helpers import meet, slots_of


def export(instance):
    assert isinstance(instance, Instance)  # typed values, not a document to parse
    validate(instance)
    return dump_instance(instance)


def test_build_instance_lists_slots_tables_participants_and_meetings(event, ana, jonas, meeting):
    second_session = event.sessions.order_by("starts_at")[1]
    ana.unavailable_sessions.add(second_session)
    instance = export(build_instance(event))
    all_slots = [entry["id"] for entry in instance["slots"]]
    first_session_slots = [
        SLOTS.key(slot.pk)
        for slot in event.sessions.order_by("starts_at")[0].slots.order_by("starts_at")
    ]
    assert len(all_slots) == 8
    assert instance["slots"][0]["start"] == "2026-11-10T09:00:00+01:00"
    assert [entry["id"] for entry in instance["tables"]] == [
        TABLES.key(t.pk) for t in event.tables.order_by("id")
    ]
    assert instance["participants"] == [
        {"id": PARTICIPANTS.key(ana.pk), "available": first_session_slots},
        {"id": PARTICIPANTS.key(jonas.pk), "available": all_slots},
    ]
    assert instance["meetings"] == [
        {
            "id": MEETINGS.key(meeting.pk),
            "participants": [PARTICIPANTS.key(ana.pk), PARTICIPANTS.key(jonas.pk)],
        }
    ]
    assert parse_instance(instance) == build_instance(event)


def test_build_instance_gives_booth_owners_their_booth(event, ana, jonas, meeting):
    booth = event.tables.first()
    booth.booth_of = ana
    booth.save()
    instance = export(build_instance(event))
    assert instance["participants"][0]["booth"] == TABLES.key(booth.pk)
    assert instance["tables"][0] == {
        "id": TABLES.key(booth.pk),
        "location": "Hall 2",
        "booth_of": PARTICIPANTS.key(ana.pk),
    }


def test_build_instance_leaves_out_cancelled_meetings(event, meeting):
    meeting.status = "cancelled"
    meeting.save()
    assert build_instance(event).meetings == ()


def test_build_instance_leaves_out_a_stand_whose_owner_has_no_meeting(event, meeting):
    """Offered as a general table, the solver would seat strangers at someone's private stand,
    and the release would then refuse the draft."""
    stand = event.tables.first()
    stand.booth_of = factories.RegistrationFactory(event=event)
    stand.save()
    tables = [table.id for table in build_instance(event).tables]
    assert TABLES.key(stand.pk) not in tables
    assert len(tables) == event.tables.count() - 1


def test_build_instance_carries_the_humane_days(event, ana, jonas, meeting):
    event.default_max_in_a_row = 3
    event.default_max_per_day = 5
    event.lunch_starts, event.lunch_ends = dt.time(10, 0), dt.time(10, 30)
    event.save()
    second_day = event.sessions.order_by("starts_at")[1]
    ana.max_in_a_row = 2
    ana.preferred_days = [second_day.starts_at.astimezone(event.zone).date().isoformat()]
    ana.save()
    instance = export(build_instance(event))
    slots = [
        SLOTS.key(slot.pk)
        for session in event.sessions.order_by("starts_at")
        for slot in session.slots.order_by("starts_at")
    ]
    assert (instance["max_consecutive"], instance["max_per_day"]) == (3, 5)
    assert instance["breaks"] == [slots[2], slots[6]]  # 10:00 on both days
    own = instance["participants"][0]
    assert (own["max_consecutive"], own["preferred_slots"]) == (2, slots[4:])
    assert "max_consecutive" not in instance["participants"][1]
    built = build_instance(event)
    assert built.limits(built.participants[0]) == (2, 5)
    assert parse_instance(instance) == built


def test_the_json_export_of_a_demo_like_event_keeps_its_shape_and_round_trips(
    event, ana, jonas, meeting
):
    """Booths, a lunch break, limits, preferred days, a lock and a re-plan's `not_before`: the
    `matchfair-schedule/1` document is the one the web app built before it built typed values
    (which also wrote the default `"priority": 1`; the document now leaves the default out, as
    `dump_instance` always has), and the parser reads it back into the same instance."""
    carla = factories.RegistrationFactory(event=event, max_meetings=3)
    second = meet(jonas, carla)
    second.priority = 3
    second.save()
    booth = event.tables.order_by("id").first()
    booth.booth_of = carla
    booth.save()
    event.default_max_in_a_row = 3
    event.lunch_starts, event.lunch_ends = dt.time(10, 0), dt.time(10, 30)
    event.save()
    days = event.sessions.order_by("starts_at")
    ana.max_per_day = 2
    ana.preferred_days = [days[1].starts_at.astimezone(event.zone).date().isoformat()]
    ana.save()
    ana.unavailable_sessions.add(days[1])
    slots = slots_of(event)
    tables = list(event.tables.order_by("id"))
    instance = build_instance(
        event,
        locked={meeting.pk: (slots[0].pk, tables[1].pk)},
        not_before=slots[1].starts_at,
    )
    document = export(instance)
    s = [SLOTS.key(slot.pk) for slot in slots]
    assert document == {
        "format": "matchfair-schedule/1",
        "max_consecutive": 3,
        "breaks": [s[2], s[6]],
        "slots": [
            {
                "id": s[i],
                "session": SESSIONS.key(slot.session_id),
                "start": slot.starts_at.astimezone(event.zone).isoformat(),
                "minutes": 30,
            }
            for i, slot in enumerate(slots)
        ],
        "tables": [
            {
                "id": TABLES.key(booth.pk),
                "location": "Hall 2",
                "booth_of": PARTICIPANTS.key(carla.pk),
            },
            *({"id": TABLES.key(t.pk), "location": "Hall 2"} for t in tables[1:]),
        ],
        "participants": [
            {
                "id": PARTICIPANTS.key(ana.pk),
                "available": s[:4],
                "max_per_day": 2,
                "preferred_slots": s[4:],
            },
            {"id": PARTICIPANTS.key(jonas.pk), "available": s},
            {
                "id": PARTICIPANTS.key(carla.pk),
                "available": s,
                "max_meetings": 3,
                "booth": TABLES.key(booth.pk),
            },
        ],
        "meetings": [
            {
                "id": MEETINGS.key(meeting.pk),
                "participants": [PARTICIPANTS.key(ana.pk), PARTICIPANTS.key(jonas.pk)],
                "locked": {"slot": s[0], "table": TABLES.key(tables[1].pk)},
            },
            {
                "id": MEETINGS.key(second.pk),
                "participants": [PARTICIPANTS.key(jonas.pk), PARTICIPANTS.key(carla.pk)],
                "priority": 3,
                "slots": s[1:],
            },
        ],
    }
    assert document["slots"][0]["start"] == "2026-11-10T09:00:00+01:00"
    parsed = parse_instance(json.loads(json.dumps(document)))
    assert parsed == instance
    assert export(parsed) == document
