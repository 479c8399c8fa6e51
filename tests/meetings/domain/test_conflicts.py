"""Everything wrong with a plan, as data: `meetings.domain.conflicts.plan_conflicts`."""

import pytest

from matchfair.meetings.domain.conflicts import BLOCKING, LABELS, Conflict, plan_conflicts, summary
from matchfair.meetings.models import Meeting, Placement, Plan
from matchfair.visits.models import Hall
from tests import factories
from tests.meetings.domain.helpers import meet, slots_of


@pytest.fixture
def draft(event):
    return Plan.objects.create(event=event, kind=Plan.Kind.DRAFT)


def place(draft, meeting, slot, table, reason=""):
    return Placement.objects.create(
        plan=draft, meeting=meeting, slot=slot, table=table, reason=reason
    )


def test_plan_conflicts_of_a_plan_without_faults_is_empty(event, draft, meeting):
    place(draft, meeting, slots_of(event)[0], event.tables.first())
    assert plan_conflicts(draft) == []


def test_plan_conflicts_double_booking_names_the_person_and_the_count(event, draft, ana, jonas):
    carl = factories.RegistrationFactory(event=event, user__full_name="Carl Third")
    with_jonas, with_carl = meet(ana, jonas), meet(ana, carl)
    first_table, second_table = event.tables.all()[:2]
    slot = slots_of(event)[0]
    place(draft, with_jonas, slot, first_table)
    place(draft, with_carl, slot, second_table)
    assert plan_conflicts(draft) == [
        Conflict("double_booked", with_jonas.pk, "Ana Petrova has 2 meetings in one slot")
    ]


def test_plan_conflicts_same_slot_for_different_people_is_no_double_booking(
    event, draft, ana, jonas
):
    others = [factories.RegistrationFactory(event=event) for _ in range(2)]
    first_table, second_table = event.tables.all()[:2]
    slot = slots_of(event)[0]
    place(draft, meet(ana, jonas), slot, first_table)
    place(draft, meet(*others), slot, second_table)
    assert plan_conflicts(draft) == []


def test_plan_conflicts_outside_availability_names_the_person_and_session(
    event, draft, meeting, jonas
):
    morning_2 = event.sessions.get(name="Morning 2")
    jonas.unavailable_sessions.add(morning_2)
    place(draft, meeting, morning_2.slots.first(), event.tables.first())
    assert plan_conflicts(draft) == [
        Conflict("unavailable", meeting.pk, "Jonas Berg is not available in Morning 2")
    ]


def test_plan_conflicts_unavailability_in_another_session_is_no_conflict(
    event, draft, meeting, jonas
):
    jonas.unavailable_sessions.add(event.sessions.get(name="Morning 2"))
    place(draft, meeting, event.sessions.get(name="Morning 1").slots.first(), event.tables.first())
    assert plan_conflicts(draft) == []


def test_plan_conflicts_unscheduled_meeting_gives_the_reason(event, draft, meeting):
    place(draft, meeting, None, None, reason="No common free slot")
    assert plan_conflicts(draft) == [
        Conflict("unscheduled", meeting.pk, "Ana Petrova & Jonas Berg: No common free slot")
    ]


def test_plan_conflicts_table_taken_out_of_use(event, draft, meeting):
    table = event.tables.first()
    table.is_active = False
    table.save()
    place(draft, meeting, slots_of(event)[0], table)
    assert plan_conflicts(draft) == [
        Conflict("no_table", meeting.pk, "Ana Petrova & Jonas Berg: no table in use")
    ]


def test_plan_conflicts_session_that_no_longer_holds_meetings(event, draft, meeting):
    session = event.sessions.get(name="Morning 1")
    session.is_b2b = False
    session.save()
    place(draft, meeting, session.slots.first(), event.tables.first())
    assert plan_conflicts(draft) == [
        Conflict(
            "closed_slot",
            meeting.pk,
            "Ana Petrova & Jonas Berg: the session Morning 1 no longer holds meetings",
        )
    ]


def test_plan_conflicts_meeting_away_from_a_hosts_booth(event, draft, meeting, ana):
    booth, elsewhere = event.tables.all()[:2]
    booth.booth_of = ana
    booth.save()
    place(draft, meeting, slots_of(event)[0], elsewhere)
    assert plan_conflicts(draft) == [
        Conflict(
            "booth", meeting.pk, f"Ana Petrova hosts meetings at their booth, not at {elsewhere}"
        )
    ]


def test_plan_conflicts_meeting_at_the_hosts_booth_is_no_conflict(event, draft, meeting, ana):
    booth = event.tables.first()
    booth.booth_of = ana
    booth.save()
    place(draft, meeting, slots_of(event)[0], booth)
    assert plan_conflicts(draft) == []


def test_plan_conflicts_cancelled_meeting_still_in_a_slot(event, draft, meeting):
    place(draft, meeting, slots_of(event)[0], event.tables.first())
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    assert plan_conflicts(draft) == [
        Conflict(
            "cancelled", meeting.pk, "Ana Petrova & Jonas Berg: cancelled, but still in the plan"
        )
    ]


def test_plan_conflicts_cancelled_meeting_without_a_slot_is_no_conflict(event, draft, meeting):
    place(draft, meeting, None, None, reason="Cancelled")
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CANCELLED)
    assert plan_conflicts(draft) == []


def test_plan_conflicts_meeting_accepted_after_the_plan_was_made(event, draft, meeting):
    assert plan_conflicts(draft) == [
        Conflict(
            "not_planned", meeting.pk, "Ana Petrova & Jonas Berg: accepted after this plan was made"
        )
    ]


def test_plan_conflicts_looks_at_the_given_plan_only(event, draft, meeting, lead_staff):
    release = Plan.objects.create(event=event, kind=Plan.Kind.RELEASE, version=1)
    place(release, meeting, None, None, reason="No common free slot")
    place(draft, meeting, slots_of(event)[0], event.tables.first())
    assert (plan_conflicts(draft), [c.kind for c in plan_conflicts(release)]) == (
        [],
        ["unscheduled"],
    )


def test_plan_conflicts_meeting_at_someone_elses_stand_names_the_owner(event, draft, meeting):
    exhibitor = factories.RegistrationFactory(event=event, user__full_name="Eve Exhibitor")
    stand = event.tables.first()
    stand.booth_of = exhibitor
    stand.save()
    place(draft, meeting, slots_of(event)[0], stand)
    assert plan_conflicts(draft) == [
        Conflict(
            "foreign_booth",
            meeting.pk,
            f"Ana Petrova & Jonas Berg: {stand.name} is the private stand of Eve Exhibitor",
        )
    ]


@pytest.fixture
def far_table(event):
    """A table in Hall 6, 700 m (ten minutes' walk) from Hall 2, where the others stand."""
    Hall.objects.create(event=event, name="Hall 2", x=0, y=0, width=100, depth=60)
    Hall.objects.create(event=event, name="Hall 6", x=700, y=0, width=100, depth=60)
    table = event.tables.last()
    table.location = "Hall 6"
    table.save()
    return table


def test_plan_conflicts_walk_between_back_to_back_meetings_in_two_halls(
    event, draft, meeting, ana, far_table
):
    later = meet(ana, factories.RegistrationFactory(event=event))
    first, second = slots_of(event)[:2]
    place(draft, meeting, first, event.tables.first())
    place(draft, later, second, far_table)
    assert plan_conflicts(draft) == [
        Conflict(
            "walk",
            later.pk,
            f"Ana Petrova needs 10 min to walk from {event.tables.first().name} (Hall 2) "
            f"to {far_table.name} (Hall 6) and has 0",
        )
    ]


def test_plan_conflicts_walk_with_a_free_slot_between_is_no_conflict(
    event, draft, meeting, ana, far_table
):
    later = meet(ana, factories.RegistrationFactory(event=event))
    first, _free, third = slots_of(event)[:3]
    place(draft, meeting, first, event.tables.first())
    place(draft, later, third, far_table)
    assert plan_conflicts(draft) == []


def test_conflict_labels_are_plain_words_and_only_hard_kinds_block():
    kinds = ["double_booked", "unavailable", "foreign_booth", "unscheduled", "walk", "not_planned"]
    conflicts = [Conflict(kind, 1, "") for kind in kinds]
    assert [(c.label, c.blocking) for c in conflicts] == [
        ("Booked twice", True),
        ("Not available then", True),
        ("At someone else's stand", True),
        ("No slot", False),
        ("Walk too tight", False),
        ("Not in the plan yet", False),
    ]
    assert set(LABELS) >= BLOCKING


def test_summary_counts_each_kind_in_order_of_appearance():
    conflicts = [
        Conflict("unscheduled", 1, ""),
        Conflict("walk", 2, ""),
        Conflict("unscheduled", 3, ""),
    ]
    assert summary(conflicts) == "2 × No slot, 1 × Walk too tight"
