"""The event in the engine's terms: `meetings.domain.instance`."""

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
