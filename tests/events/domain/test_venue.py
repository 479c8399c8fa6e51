import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from matchfair.audit.models import AuditEntry
from matchfair.events.domain.venue import add_session, add_tables, edit_session, edit_table
from matchfair.events.models import Session, Table
from tests import factories
from tests.factories import local


def add(event, **overrides):
    fields = {
        "event": event,
        "name": "Afternoon",
        "starts_at": local(10, 14),
        "ends_at": local(10, 15, 40),
        "slot_minutes": 30,
    }
    return add_session(**{**fields, **overrides})


def slot_times(session):
    zone = session.event.zone
    return [
        (f"{slot.starts_at.astimezone(zone):%H:%M}", f"{slot.ends_at.astimezone(zone):%H:%M}")
        for slot in session.slots.order_by("starts_at")
    ]


def test_add_session_cuts_it_into_whole_slots(event):
    session = add(event)
    assert slot_times(session) == [("14:00", "14:30"), ("14:30", "15:00"), ("15:00", "15:30")]


def test_add_session_with_short_slots_makes_one_per_step(event):
    session = add(event, starts_at=local(11, 14), ends_at=local(11, 15), slot_minutes=15)
    assert session.slots.count() == 4


def test_add_session_without_meetings_has_no_slots(event):
    session = add(event, is_b2b=False, slot_minutes=30)
    assert (session.is_b2b, session.slots.count()) == (False, 0)


def test_add_session_writes_the_audit_entry(event, lead_staff):
    session = add(event, by=lead_staff)
    assert list(
        AuditEntry.objects.filter(
            subject_type="events.session", subject_id=str(session.pk)
        ).values_list("action", "actor", "event", "details")
    ) == [("session.added", lead_staff.pk, event.pk, {"name": "Afternoon"})]


def test_add_session_before_the_event_is_refused(event):
    with pytest.raises(ValidationError) as caught:
        add(event, starts_at=local(9, 14), ends_at=local(9, 15))
    assert caught.value.message_dict == {
        "starts_at": ["The session must lie within the event's days (2026-11-10–2026-11-12)."]
    }


def test_add_session_after_the_event_is_refused(event):
    with pytest.raises(ValidationError, match="within the event's days"):
        add(event, starts_at=local(12, 23), ends_at=local(13, 1))


def test_add_session_judges_the_days_in_the_event_time_zone(event):
    # 00:30 in Madrid on the first day is still the day before in UTC.
    session = add(event, starts_at=local(10, 0, 30), ends_at=local(10, 1, 30))
    assert slot_times(session) == [("00:30", "01:00"), ("01:00", "01:30")]


def test_add_session_ending_before_it_starts_is_refused(event):
    with pytest.raises(ValidationError) as caught:
        add(event, starts_at=local(10, 15), ends_at=local(10, 14))
    assert caught.value.message_dict == {"ends_at": ["A session must end after it starts."]}


def test_add_session_ending_when_it_starts_is_refused(event):
    with pytest.raises(ValidationError, match="must end after it starts"):
        add(event, starts_at=local(10, 15), ends_at=local(10, 15))


def test_add_session_overlapping_another_names_it(event):
    with pytest.raises(ValidationError) as caught:
        add(event, starts_at=local(10, 10, 30), ends_at=local(10, 12))
    assert caught.value.message_dict == {
        "starts_at": ["This session overlaps the session “Morning 1”."]
    }
    assert Session.objects.filter(event=event).count() == 2


def test_add_session_right_after_another_is_accepted(event):
    session = add(event, starts_at=local(10, 11), ends_at=local(10, 12))
    assert session.slots.count() == 2


def test_add_session_overlapping_a_session_of_another_event_is_accepted(event):
    other = factories.b2b_event()
    session = add(other, starts_at=local(10, 14), ends_at=local(10, 15))
    assert session.event == other


@pytest.mark.parametrize("minutes", [4, 241])
def test_add_session_with_slot_minutes_out_of_range_is_refused(event, minutes):
    with pytest.raises(ValidationError) as caught:
        add(event, slot_minutes=minutes, ends_at=local(10, 23))
    assert caught.value.message_dict == {
        "slot_minutes": ["A meeting lasts between 5 and 240 minutes."]
    }


def test_add_session_shorter_than_one_meeting_is_refused_and_leaves_nothing(event):
    sessions_before = Session.objects.count()
    with pytest.raises(ValidationError) as caught:
        add(event, starts_at=local(10, 14), ends_at=local(10, 14, 20), slot_minutes=30)
    assert caught.value.message_dict == {
        "slot_minutes": ["The session is shorter than one meeting."]
    }
    assert (
        Session.objects.count(),
        AuditEntry.objects.filter(action="session.added", details__name="Afternoon").count(),
    ) == (sessions_before, 0)


def test_add_session_keeps_the_instant_it_was_given(event):
    starts = dt.datetime(2026, 11, 11, 13, 0, tzinfo=dt.UTC)
    session = add(event, starts_at=starts, ends_at=starts + dt.timedelta(hours=1))
    assert slot_times(session) == [("14:00", "14:30"), ("14:30", "15:00")]


def test_add_tables_numbers_on_from_the_existing_tables(event):
    tables = add_tables(event=event, count=2, location="Hall 3")
    assert [(table.name, table.location) for table in tables] == [
        ("Table 5", "Hall 3"),
        ("Table 6", "Hall 3"),
    ]
    assert list(event.tables.values_list("name", flat=True)) == [
        "Table 1",
        "Table 2",
        "Table 3",
        "Table 4",
        "Table 5",
        "Table 6",
    ]


def test_add_tables_with_a_prefix_numbers_them_on_their_own(event):
    tables = add_tables(event=event, count=2, prefix="Booth")
    assert [table.name for table in tables] == ["Booth 1", "Booth 2"]


def test_add_tables_after_one_was_removed_does_not_reuse_a_taken_name(event):
    Table.objects.get(event=event, name="Table 2").delete()
    tables = add_tables(event=event, count=1)
    assert [table.name for table in tables] == ["Table 5"]


def test_add_tables_writes_the_audit_entry(event, lead_staff):
    add_tables(event=event, count=3, location="Hall 1", by=lead_staff)
    assert list(
        AuditEntry.objects.filter(action="tables.added", actor=lead_staff).values_list(
            "event", "details"
        )
    ) == [(event.pk, {"count": 3, "location": "Hall 1"})]


@pytest.mark.parametrize("count", [0, -1])
def test_add_tables_of_none_is_refused(event, count):
    with pytest.raises(ValidationError) as caught:
        add_tables(event=event, count=count)
    assert caught.value.message_dict == {"count": ["Add at least one table."]}
    assert event.tables.count() == 4


def edit(session, by, **overrides):
    fields = {
        "name": session.name,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "slot_minutes": session.slot_minutes,
        "is_b2b": session.is_b2b,
    }
    return edit_session(session=session, by=by, **{**fields, **overrides})


def test_edit_session_cuts_the_slots_again_for_new_times(event, lead_staff):
    session = add(event)
    edited = edit(
        session, lead_staff, name=" Late afternoon ", ends_at=local(10, 16), slot_minutes=20
    )
    assert (edited.name, slot_times(edited)) == (
        "Late afternoon",
        [
            ("14:00", "14:20"),
            ("14:20", "14:40"),
            ("14:40", "15:00"),
            ("15:00", "15:20"),
            ("15:20", "15:40"),
            ("15:40", "16:00"),
        ],
    )
    entry = AuditEntry.objects.get(action="session.edited")
    assert (entry.details["before"]["name"], entry.details["slots_cut_again"]) == (
        "Afternoon",
        True,
    )


def test_edit_session_refuses_what_add_session_refuses(event, lead_staff):
    session = add(event)
    morning = event.sessions.order_by("starts_at").first()
    with pytest.raises(ValidationError, match="overlaps the session “Morning 1”"):
        edit(session, lead_staff, starts_at=morning.starts_at)
    with pytest.raises(ValidationError, match="within the event's days"):
        edit(session, lead_staff, starts_at=local(9, 14), ends_at=local(9, 16))
    with pytest.raises(ValidationError, match="between 5 and 240 minutes"):
        edit(session, lead_staff, slot_minutes=3)
    with pytest.raises(ValidationError, match="end after it starts"):
        edit(session, lead_staff, ends_at=local(10, 13))
    with pytest.raises(ValidationError, match="Give the session a name"):
        edit(session, lead_staff, name="  ")
    session.refresh_from_db()
    assert (session.name, slot_times(session)[0]) == ("Afternoon", ("14:00", "14:30"))


def test_edit_session_keeps_its_own_times_without_overlapping_itself(event, lead_staff):
    session = add(event)
    assert edit(session, lead_staff, name="Renamed").slots.count() == 3


def test_edit_table_renames_and_moves_it_to_a_hall(event, lead_staff):
    table = event.tables.first()
    edited = edit_table(table=table, name="  Stand  B 12 ", location="Hall 6", by=lead_staff)
    assert (edited.name, edited.location) == ("Stand B 12", "Hall 6")
    assert AuditEntry.objects.get(action="table.edited").details["before"]["location"] == "Hall 2"


def test_edit_table_refuses_a_name_taken_in_the_event(event, lead_staff):
    first, second = event.tables.all()[:2]
    with pytest.raises(ValidationError, match="Another table of this event is called"):
        edit_table(table=second, name=first.name, location="", by=lead_staff)
    with pytest.raises(ValidationError, match="Give the table a name"):
        edit_table(table=second, name=" ", location="", by=lead_staff)
