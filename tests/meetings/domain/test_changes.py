import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from matchfair.events.models import Slot
from matchfair.meetings.domain.changes import (
    accept_late_request,
    cancel_meeting,
    ensure_draft,
    move_meeting,
    record_no_show,
    unschedule_meeting,
)
from matchfair.meetings.domain.conflicts import plan_conflicts
from matchfair.meetings.domain.plans import agenda_changes, release_plan, write_draft
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.meetings.models import Meeting, MeetingRequest, NoShow, Placement, Plan
from tests import factories
from tests.meetings.domain.helpers import result_for

BEFORE = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)  # a clock set before the event's first slot


def meet(first, second):
    meeting_request = send_request(sender=first, recipient=second, message="Hi", by=first.user)
    return accept_request(meeting_request, by=second.user)


def slots_of(event):
    return list(Slot.objects.filter(session__event=event).order_by("starts_at"))


@pytest.fixture
def meeting(ana, jonas):
    return meet(ana, jonas)


@pytest.fixture
def released(event, meeting, lead_staff):
    write_draft(
        event=event,
        result=result_for(meeting, slots_of(event)[0], event.tables.first()),
        by=lead_staff,
    )
    release = release_plan(event=event, by=lead_staff, notify=False)
    Plan.objects.filter(kind="draft").delete()
    return release


def placement_of(event, meeting):
    return Placement.objects.get(plan__event=event, plan__kind="draft", meeting=meeting)


def test_ensure_draft_copies_the_latest_release(event, released, meeting, lead_staff):
    draft = ensure_draft(event=event, by=lead_staff)
    assert list(draft.placements.values_list("meeting_id", "slot_id")) == list(
        released.placements.values_list("meeting_id", "slot_id")
    )


def test_move_meeting_changes_only_the_draft(event, released, meeting, lead_staff):
    later, table = slots_of(event)[2], event.tables.all()[1]
    move_meeting(meeting=meeting, slot=later, table=table, by=lead_staff, now=BEFORE)
    placement = placement_of(event, meeting)
    assert (placement.slot, placement.table) == (later, table)
    assert released.placements.get().slot == slots_of(event)[0]


def test_move_into_an_occupied_table_is_refused_naming_the_rule(
    event, released, meeting, lead_staff
):
    other = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    with pytest.raises(ValidationError, match="One meeting per table and slot: Table 1 already"):
        move_meeting(
            meeting=other,
            slot=slots_of(event)[0],
            table=event.tables.first(),
            by=lead_staff,
            now=BEFORE,
        )


def test_move_into_a_started_slot_is_refused(event, meeting, lead_staff):
    first = slots_of(event)[0]
    with pytest.raises(ValidationError, match="This slot has started already"):
        move_meeting(
            meeting=meeting,
            slot=first,
            table=event.tables.first(),
            by=lead_staff,
            now=first.starts_at + dt.timedelta(minutes=5),
        )


def test_move_of_a_started_meeting_is_refused(event, released, meeting, lead_staff):
    first = slots_of(event)[0]
    with pytest.raises(ValidationError, match="has started already; it stays"):
        move_meeting(
            meeting=meeting,
            slot=slots_of(event)[3],
            table=event.tables.first(),
            by=lead_staff,
            now=first.starts_at + dt.timedelta(minutes=1),
        )


def test_move_that_breaks_availability_is_made_and_shown_as_conflict(
    event, ana, released, meeting, lead_staff
):
    second_session = event.sessions.order_by("starts_at")[1]
    ana.unavailable_sessions.add(second_session)
    move_meeting(
        meeting=meeting,
        slot=second_session.slots.first(),
        table=event.tables.first(),
        by=lead_staff,
        now=BEFORE,
    )
    draft = event.plans.get(kind="draft")
    assert [(c.kind, c.message) for c in plan_conflicts(draft)] == [
        ("unavailable", "Ana Petrova is not available in Morning 2")
    ]


def test_move_onto_an_inactive_table_is_refused(event, meeting, lead_staff):
    table = event.tables.first()
    table.is_active = False
    table.save()
    with pytest.raises(ValidationError, match="is not in use"):
        move_meeting(
            meeting=meeting, slot=slots_of(event)[1], table=table, by=lead_staff, now=BEFORE
        )


def test_move_onto_someone_elses_stand_is_refused(event, meeting, lead_staff):
    stand = event.tables.first()
    stand.booth_of = factories.RegistrationFactory(event=event)
    stand.save()
    with pytest.raises(ValidationError, match=f"{stand.name} is a private stand"):
        move_meeting(
            meeting=meeting, slot=slots_of(event)[1], table=stand, by=lead_staff, now=BEFORE
        )
    assert not Placement.objects.filter(meeting=meeting).exists()


def test_move_onto_the_owners_own_stand_is_made(event, ana, meeting, lead_staff):
    stand = event.tables.first()
    stand.booth_of = ana
    stand.save()
    placement = move_meeting(
        meeting=meeting, slot=slots_of(event)[1], table=stand, by=lead_staff, now=BEFORE
    )
    assert (placement.slot, placement.table) == (slots_of(event)[1], stand)


def test_participant_cannot_move_a_meeting(event, ana, meeting):
    with pytest.raises(PermissionDenied):
        move_meeting(
            meeting=meeting,
            slot=slots_of(event)[1],
            table=event.tables.first(),
            by=ana.user,
            now=BEFORE,
        )


def test_unschedule_meeting_leaves_it_without_slot_and_reports_it(
    event, released, meeting, lead_staff
):
    unschedule_meeting(meeting=meeting, by=lead_staff, now=BEFORE)
    placement = placement_of(event, meeting)
    assert (placement.slot, placement.reason) == (
        None,
        "Taken out of the schedule by the organisers",
    )
    assert [c.kind for c in plan_conflicts(placement.plan)] == ["unscheduled"]


def test_cancel_meeting_frees_the_slot_and_tells_both(
    event, ana, jonas, released, meeting, lead_staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_meeting(meeting=meeting, by=lead_staff)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.request.status) == ("cancelled", "cancelled")
    assert placement_of(event, meeting).slot is None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ana.user.email, jonas.user.email])
    assert (
        mail.outbox[0].body.splitlines()[2].startswith("The organisers cancelled your meeting with")
    )
    # When and where it was, from the release the participants know.
    assert mail.outbox[0].body.splitlines()[3] == "It was on Tue 10 Nov 09:00, Table 1, Hall 2."
    with pytest.raises(ValidationError, match="cancelled already"):
        cancel_meeting(meeting=meeting, by=lead_staff)


def test_release_after_a_cancellation_shows_it_in_the_diff(
    event, ana, jonas, released, meeting, lead_staff
):
    cancel_meeting(meeting=meeting, by=lead_staff, notify=False)
    second = release_plan(event=event, by=lead_staff, notify=False)
    assert [str(line) for line in agenda_changes(released, second)[ana.pk]] == [
        f"Meeting with Jonas Berg ({jonas.user.organisation}) cancelled:"
        f" was Tue 10 Nov 09:00, Table 1, {event.tables.get(name='Table 1').location}"
    ]


def test_release_leaves_out_a_meeting_cancelled_by_its_participants(
    event, ana, jonas, released, meeting, lead_staff
):
    from matchfair.meetings.domain.requests import cancel_request

    ensure_draft(event=event, by=lead_staff)
    cancel_request(meeting.request, by=ana.user)  # the draft still holds the meeting
    second = release_plan(event=event, by=lead_staff, notify=False)
    assert second.placements.get().slot is None
    assert [str(line) for line in agenda_changes(released, second)[jonas.pk]] == [
        f"Meeting with Ana Petrova ({ana.user.organisation}) cancelled:"
        f" was Tue 10 Nov 09:00, Table 1, {event.tables.get(name='Table 1').location}"
    ]


def test_no_show_is_recorded_once_and_can_cancel_the_rest_of_the_day(
    event, ana, jonas, released, meeting, lead_staff
):
    later = meet(ana, factories.RegistrationFactory(event=event))
    move_meeting(
        meeting=later,
        slot=slots_of(event)[2],
        table=event.tables.first(),
        by=lead_staff,
        now=BEFORE,
    )
    first = slots_of(event)[0]
    during = first.starts_at + dt.timedelta(minutes=10)
    record_no_show(meeting=meeting, registration=ana, by=lead_staff, now=during)
    record_no_show(meeting=meeting, registration=ana, by=lead_staff, cancel_later=True, now=during)
    later.refresh_from_db()
    assert (NoShow.objects.filter(meeting=meeting).count(), later.status) == (1, "cancelled")
    meeting.refresh_from_db()
    assert meeting.status == "active"  # the missed meeting is history, not a cancellation


def test_no_show_of_someone_not_in_the_meeting_is_refused(event, meeting, lead_staff):
    stranger = factories.RegistrationFactory(event=event, user__full_name="Stan Stranger")
    with pytest.raises(ValidationError, match="Stan Stranger does not take part"):
        record_no_show(meeting=meeting, registration=stranger, by=lead_staff)


def test_accept_late_request_after_booking_closed(
    event, ana, jonas, lead_staff, django_capture_on_commit_callbacks
):
    asked = send_request(sender=ana, recipient=jonas, message="Hi", by=ana.user)
    event.booking_closes_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    event.save()
    with pytest.raises(ValidationError, match="closed"):
        accept_request(asked, by=jonas.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meeting = accept_late_request(asked, by=lead_staff)
    asked.refresh_from_db()
    assert (asked.status, meeting.status) == (MeetingRequest.Status.ACCEPTED, Meeting.Status.ACTIVE)
    assert set(meeting.participants.all()) == {ana, jonas}
    assert [m.to[0] for m in mail.outbox] == [ana.user.email]
    with pytest.raises(ValidationError, match="accepted already"):
        accept_late_request(asked, by=lead_staff)
