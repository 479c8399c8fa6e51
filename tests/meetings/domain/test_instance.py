"""The event in the engine's terms: `meetings.domain.instance`."""

import datetime as dt

from matchfair.meetings.domain.instance import (
    build_instance,
    meeting_key,
    participant_key,
    slot_key,
    table_key,
)
from matchfair.scheduling.contract import parse_instance
from tests import factories


def test_build_instance_lists_slots_tables_participants_and_meetings(event, ana, jonas, meeting):
    second_session = event.sessions.order_by("starts_at")[1]
    ana.unavailable_sessions.add(second_session)
    instance = build_instance(event)
    all_slots = [entry["id"] for entry in instance["slots"]]
    first_session_slots = [
        slot_key(slot.pk)
        for slot in event.sessions.order_by("starts_at")[0].slots.order_by("starts_at")
    ]
    assert len(all_slots) == 8
    assert instance["slots"][0]["start"] == "2026-11-10T09:00:00+01:00"
    assert [entry["id"] for entry in instance["tables"]] == [
        table_key(t.pk) for t in event.tables.order_by("id")
    ]
    assert instance["participants"] == [
        {"id": participant_key(ana.pk), "available": first_session_slots},
        {"id": participant_key(jonas.pk), "available": all_slots},
    ]
    assert instance["meetings"] == [
        {
            "id": meeting_key(meeting.pk),
            "participants": [participant_key(ana.pk), participant_key(jonas.pk)],
            "priority": 1,
        }
    ]
    parse_instance(instance)  # the engine accepts what the web app builds


def test_build_instance_gives_booth_owners_their_booth(event, ana, jonas, meeting):
    booth = event.tables.first()
    booth.booth_of = ana
    booth.save()
    instance = build_instance(event)
    assert instance["participants"][0]["booth"] == table_key(booth.pk)
    assert instance["tables"][0] == {
        "id": table_key(booth.pk),
        "location": "Hall 2",
        "booth_of": participant_key(ana.pk),
    }


def test_build_instance_leaves_out_cancelled_meetings(event, meeting):
    meeting.status = "cancelled"
    meeting.save()
    assert build_instance(event)["meetings"] == []


def test_build_instance_leaves_out_a_stand_whose_owner_has_no_meeting(event, meeting):
    """Offered as a general table, the solver would seat strangers at someone's private stand,
    and the release would then refuse the draft."""
    stand = event.tables.first()
    stand.booth_of = factories.RegistrationFactory(event=event)
    stand.save()
    tables = [entry["id"] for entry in build_instance(event)["tables"]]
    assert table_key(stand.pk) not in tables
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
    instance = build_instance(event)
    slots = [
        slot_key(slot.pk)
        for session in event.sessions.order_by("starts_at")
        for slot in session.slots.order_by("starts_at")
    ]
    assert (instance["max_consecutive"], instance["max_per_day"]) == (3, 5)
    assert instance["breaks"] == [slots[2], slots[6]]  # 10:00 on both days
    own = instance["participants"][0]
    assert (own["max_consecutive"], own["preferred_slots"]) == (2, slots[4:])
    assert "max_consecutive" not in instance["participants"][1]
    parsed = parse_instance(instance)
    assert parsed.limits(parsed.participants[0]) == (2, 5)
