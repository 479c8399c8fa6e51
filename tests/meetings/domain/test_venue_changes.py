import pytest
from django.core.exceptions import ValidationError

from matchfair.events.domain.venue import add_session, add_tables, edit_session
from matchfair.events.models import Session, Slot, Table
from matchfair.meetings.domain.plans import release_plan, write_draft
from matchfair.meetings.domain.venue_changes import remove_session, remove_table
from matchfair.meetings.models import Placement
from tests import factories
from tests.meetings.domain.helpers import meet, result_for


def test_session_outside_the_event_days_is_refused(event):
    with pytest.raises(ValidationError, match="within the event's days"):
        add_session(
            event=event,
            name="Too late",
            starts_at=factories.local(13, 9),
            ends_at=factories.local(13, 11),
        )


def test_overlapping_session_is_refused_naming_the_other(event):
    with pytest.raises(ValidationError, match="overlaps the session “Morning 1”"):
        add_session(
            event=event,
            name="Brunch",
            starts_at=factories.local(10, 10),
            ends_at=factories.local(10, 12),
        )


def test_zero_tables_are_refused(event):
    with pytest.raises(ValidationError) as caught:
        add_tables(event=event, count=0)
    assert caught.value.message_dict == {"count": ["Add at least one table."]}


def test_session_shorter_than_a_meeting_is_refused_and_leaves_nothing(event):
    with pytest.raises(ValidationError, match="shorter than one meeting"):
        add_session(
            event=event,
            name="Coffee",
            starts_at=factories.local(12, 9),
            ends_at=factories.local(12, 9, 20),
            slot_minutes=30,
        )
    assert not Session.objects.filter(name="Coffee").exists()


@pytest.fixture
def placed(event, ana, jonas, lead_staff):
    meeting = meet(ana, jonas)
    slot = Slot.objects.filter(session__event=event).order_by("starts_at").first()
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, slot, table), by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    return meeting, slot, table


def test_remove_table_without_confirm_only_lists_the_meetings(event, placed, lead_staff):
    meeting, slot, table = placed
    [affected] = remove_table(table=table, by=lead_staff)
    assert (affected.meeting_id, affected.names, affected.slot, affected.plans) == (
        meeting.pk,
        "Ana Petrova & Jonas Berg",
        slot,
        ("draft", "release 1"),
    )
    table.refresh_from_db()
    assert table.is_active is True
    assert Placement.objects.filter(plan__kind="draft", slot__isnull=True).count() == 0


def test_remove_table_confirmed_unschedules_and_retires_it(event, placed, lead_staff):
    meeting, _slot, table = placed
    remove_table(table=table, by=lead_staff, confirm=True)
    table.refresh_from_db()
    draft_placement = Placement.objects.get(plan__kind="draft", meeting=meeting)
    assert (table.is_active, draft_placement.slot, draft_placement.reason) == (
        False,
        None,
        "Table “Table 1” was removed",
    )
    # The release keeps what it was.
    assert Placement.objects.get(plan__kind="release", meeting=meeting).table == table


def test_remove_unused_table_deletes_it(event, lead_staff):
    table = event.tables.last()
    assert remove_table(table=table, by=lead_staff, confirm=True) == []
    assert not Table.objects.filter(pk=table.pk).exists()


def test_remove_the_last_table_is_refused(event, lead_staff):
    *others, last = list(event.tables.all())
    Table.objects.filter(pk__in=[t.pk for t in others]).update(is_active=False)
    with pytest.raises(ValidationError, match="at least one table"):
        remove_table(table=last, by=lead_staff, confirm=True)


def test_remove_session_confirmed_closes_it_for_meetings(event, placed, lead_staff):
    meeting, slot, _table = placed
    session = slot.session
    assert [item.meeting_id for item in remove_session(session=session, by=lead_staff)] == [
        meeting.pk
    ]
    remove_session(session=session, by=lead_staff, confirm=True)
    session.refresh_from_db()
    assert session.is_b2b is False
    assert Placement.objects.get(plan__kind="draft", meeting=meeting).reason == (
        "Session “Morning 1” was removed"
    )


def test_remove_empty_session_deletes_it(event, lead_staff):
    session = event.sessions.order_by("starts_at").last()
    remove_session(session=session, by=lead_staff, confirm=True)
    assert not Session.objects.filter(pk=session.pk).exists()


def test_a_session_with_placed_meetings_keeps_its_times_but_can_be_renamed(
    event, ana, jonas, lead_staff
):
    meeting = meet(ana, jonas)
    session = event.sessions.order_by("starts_at").first()
    slot = session.slots.order_by("starts_at").first()
    write_draft(event=event, result=result_for(meeting, slot, event.tables.first()), by=lead_staff)
    fields = {
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "slot_minutes": session.slot_minutes,
        "is_b2b": True,
    }
    with pytest.raises(ValidationError, match="times cannot change"):
        edit_session(
            session=session, name="Morning", by=lead_staff, **{**fields, "slot_minutes": 20}
        )
    renamed = edit_session(session=session, name="Opening morning", by=lead_staff, **fields)
    assert (renamed.name, Placement.objects.get(plan__kind="draft").slot) == (
        "Opening morning",
        slot,
    )
