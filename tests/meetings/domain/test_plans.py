"""The draft and its releases: `meetings.domain.plans`."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from matchfair.meetings.domain.changes import move_meeting
from matchfair.meetings.domain.plans import (
    agenda_changes,
    moved_since_release,
    release_plan,
    write_draft,
)
from matchfair.meetings.models import Placement, Plan
from tests import factories
from tests.meetings.domain.helpers import assignment, meet, result_for, slots_of

# Before the event's first slot, so every slot can still take a move.
NOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def test_write_draft_replaces_the_previous_draft(event, meeting, lead_staff):
    first_slot, second_slot = slots_of(event)[:2]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, first_slot, table), by=lead_staff)
    draft = write_draft(event=event, result=result_for(meeting, second_slot, table), by=lead_staff)
    assert list(Placement.objects.filter(plan__kind="draft").values_list("slot_id", flat=True)) == [
        second_slot.pk
    ]
    assert Plan.objects.filter(kind="draft").count() == 1
    assert draft.stats == {"scheduled": 1}


def test_release_plan_without_a_draft_is_refused(event, lead_staff):
    with pytest.raises(ValidationError, match="no draft to release"):
        release_plan(event=event, by=lead_staff)


def test_release_plan_snapshots_the_draft_and_numbers_releases(event, meeting, lead_staff):
    first_slot, second_slot = slots_of(event)[:2]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, first_slot, table), by=lead_staff)
    first = release_plan(event=event, by=lead_staff, notify=False)
    write_draft(event=event, result=result_for(meeting, second_slot, table), by=lead_staff)
    second = release_plan(event=event, by=lead_staff, notify=False)
    assert (first.version, second.version, first.name) == (1, 2, "Release 1")
    # The first release keeps what it was when it was released.
    assert list(first.placements.values_list("slot_id", flat=True)) == [first_slot.pk]
    assert list(second.placements.values_list("slot_id", flat=True)) == [second_slot.pk]


def test_release_plan_tells_only_people_whose_agenda_changed(
    event, ana, jonas, meeting, lead_staff, django_capture_on_commit_callbacks
):
    carla = factories.RegistrationFactory(event=event, user__full_name="Carla Duarte")
    other = meet(carla, factories.RegistrationFactory(event=event, user__full_name="Dieter Weiss"))
    first_slot, second_slot = slots_of(event)[:2]
    table, other_table = event.tables.all()[:2]
    both = result_for(meeting, first_slot, table, assignment(other, first_slot, other_table))
    write_draft(event=event, result=both, by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    moved = result_for(meeting, second_slot, table, both.assignments[1])
    write_draft(event=event, result=moved, by=lead_staff)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_plan(event=event, by=lead_staff, notify=True)
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [ana.user.email, jonas.user.email]
    )
    body = next(message.body for message in mail.outbox if message.to == [ana.user.email])
    assert body.splitlines()[4] == (
        f"- Meeting with Jonas Berg ({jonas.user.organisation}) moved:"
        f" Tue 10 Nov 09:00, {table.name}, {table.location}"
        f" → Tue 10 Nov 09:30, {table.name}, {table.location}"
    )


def test_agenda_changes_lists_new_and_removed_meetings(event, ana, jonas, meeting, lead_staff):
    slot = slots_of(event)[0]
    table = event.tables.first()
    write_draft(event=event, result=result_for(meeting, slot, table), by=lead_staff)
    release = release_plan(event=event, by=lead_staff, notify=False)
    where = f"Tue 10 Nov 09:00, Table 1, {table.location}"
    assert {
        person: [str(line) for line in lines]
        for person, lines in agenda_changes(None, release).items()
    } == {
        ana.pk: [f"New meeting with Jonas Berg ({jonas.user.organisation}): {where}"],
        jonas.pk: [f"New meeting with Ana Petrova ({ana.user.organisation}): {where}"],
    }
    assert agenda_changes(release, release) == {}


def test_release_plan_with_a_double_booking_is_refused_naming_the_problem(
    event, ana, jonas, meeting, lead_staff
):
    other = meet(ana, factories.RegistrationFactory(event=event))
    slot = slots_of(event)[0]
    first_table, second_table = event.tables.all()[:2]
    both = result_for(meeting, slot, first_table, assignment(other, slot, second_table))
    write_draft(event=event, result=both, by=lead_staff)
    with pytest.raises(ValidationError) as refused:
        release_plan(event=event, by=lead_staff, notify=False, confirmed=True)
    assert refused.value.messages == [
        "This draft cannot be released until these problems are fixed:",
        "Booked twice: Ana Petrova has 2 meetings in one slot",
    ]
    assert Plan.objects.filter(kind="release").count() == 0


def test_release_plan_outside_availability_is_refused(event, jonas, meeting, lead_staff):
    morning_2 = event.sessions.get(name="Morning 2")
    jonas.unavailable_sessions.add(morning_2)
    write_draft(
        event=event,
        result=result_for(meeting, morning_2.slots.first(), event.tables.first()),
        by=lead_staff,
    )
    with pytest.raises(ValidationError, match="Not available then: Jonas Berg is not available"):
        release_plan(event=event, by=lead_staff, notify=False, confirmed=True)


def test_release_plan_soft_conflicts_need_a_confirmation_naming_them(
    event, ana, meeting, lead_staff
):
    meet(ana, factories.RegistrationFactory(event=event))  # accepted after the draft
    write_draft(
        event=event,
        result=result_for(meeting, slots_of(event)[0], event.tables.first()),
        by=lead_staff,
    )
    with pytest.raises(ValidationError, match=r"with these: 1 × Not in the plan yet\."):
        release_plan(event=event, by=lead_staff, notify=False)
    release = release_plan(event=event, by=lead_staff, notify=False, confirmed=True)
    assert release.version == 1


def test_moved_since_release_counts_hand_moves(event, meeting, ana, lead_staff):
    other = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    third = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    slots, tables = slots_of(event), list(event.tables.all())
    placed = result_for(
        meeting,
        slots[0],
        tables[0],
        assignment(other, slots[0], tables[1]),
        assignment(third, slots[0], tables[2]),
        stats={"scheduled": 3, "moved_count": 0},
    )
    write_draft(event=event, result=placed, by=lead_staff)
    release_plan(event=event, by=lead_staff, notify=False)
    Plan.objects.filter(kind="draft").delete()
    move_meeting(meeting=meeting, slot=slots[1], table=tables[0], by=lead_staff, now=NOW)
    move_meeting(meeting=other, slot=slots[0], table=tables[3], by=lead_staff, now=NOW)
    draft = Plan.objects.get(kind="draft")
    assert moved_since_release(draft) == 2


def test_moved_since_release_without_a_release_is_zero(event, meeting, lead_staff):
    draft = write_draft(
        event=event,
        result=result_for(meeting, slots_of(event)[0], event.tables.first()),
        by=lead_staff,
    )
    assert moved_since_release(draft) == 0
