"""Where a meeting can go by hand: `meetings.domain.move_options.MovePlanner`."""

import datetime as dt

import pytest

from matchfair.meetings.domain.move_options import MovePlanner
from matchfair.meetings.models import Placement, Plan
from matchfair.visits.models import Hall
from tests import factories
from tests.meetings.domain.helpers import meet, slots_of

BEFORE = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # before every slot of the factories' event


@pytest.fixture
def draft(event):
    return Plan.objects.create(event=event, kind=Plan.Kind.DRAFT)


def planner(meeting, draft, now=BEFORE):
    return MovePlanner(meeting=meeting, plan=draft, now=now)


def test_candidate_slots_leave_out_a_slot_where_someone_meets_someone_else(
    event, draft, meeting, ana
):
    first, second = slots_of(event)[:2]
    other = meet(ana, factories.RegistrationFactory(event=event))
    Placement.objects.create(plan=draft, meeting=other, slot=first, table=event.tables.first())
    assert planner(meeting, draft).candidate_slots() == slots_of(event)[1:]
    assert second in planner(meeting, draft).candidate_slots()


def test_candidate_slots_leave_out_sessions_someone_cannot_come_to(event, draft, meeting, jonas):
    jonas.unavailable_sessions.add(event.sessions.get(name="Morning 2"))
    assert [slot.session.name for slot in planner(meeting, draft).candidate_slots()] == [
        "Morning 1"
    ] * 4


def test_candidate_slots_leave_out_slots_that_have_started(event, draft, meeting):
    third = slots_of(event)[2]
    assert planner(meeting, draft, now=third.starts_at).candidate_slots() == slots_of(event)[3:]


def test_tables_leave_out_taken_tables_and_sort_naturally(event, draft, meeting):
    event.tables.filter(name="Table 3").update(name="Table 30")  # its id comes before 10's
    for number in (10, 11):
        event.tables.create(name=f"Table {number}")
    slot = slots_of(event)[0]
    others = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    Placement.objects.create(
        plan=draft, meeting=others, slot=slot, table=event.tables.get(name="Table 1")
    )
    names = [table.name for table in planner(meeting, draft).tables(slot)]
    assert names == ["Table 2", "Table 4", "Table 10", "Table 11", "Table 30"]


def test_the_slot_list_counts_free_tables(event, draft, meeting):
    slot = slots_of(event)[0]
    others = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    Placement.objects.create(plan=draft, meeting=others, slot=slot, table=event.tables.first())
    counts = [(option.slot, option.free_tables) for option in planner(meeting, draft).slots()]
    assert counts[:2] == [(slot, 3), (slots_of(event)[1], 4)]


def test_a_private_stand_is_offered_only_to_its_owners_meetings_and_first(
    event, draft, meeting, ana
):
    stand = event.tables.get(name="Table 4")
    stand.booth_of = ana
    stand.save()
    strangers = meet(
        factories.RegistrationFactory(event=event), factories.RegistrationFactory(event=event)
    )
    slot = slots_of(event)[0]
    assert [t.name for t in planner(meeting, draft).tables(slot)] == [
        "Table 4",
        "Table 1",
        "Table 2",
        "Table 3",
    ]
    assert [t.name for t in planner(strangers, draft).tables(slot)] == [
        "Table 1",
        "Table 2",
        "Table 3",
    ]


def test_walks_warn_before_a_move_to_a_far_hall(event, draft, meeting, ana):
    Hall.objects.create(event=event, name="Hall 2", x=0, y=0, width=100, depth=60)
    Hall.objects.create(event=event, name="Hall 6", x=700, y=0, width=100, depth=60)
    far = event.tables.get(name="Table 4")
    far.location = "Hall 6"
    far.save()
    first, second = slots_of(event)[:2]
    other = meet(ana, factories.RegistrationFactory(event=event))
    Placement.objects.create(plan=draft, meeting=other, slot=first, table=event.tables.first())
    moving = planner(meeting, draft)
    assert moving.walks(second, moving.tables(second)) == {
        "Hall 6": ["Ana Petrova has a meeting at Table 1 (Hall 2) at 09:00: 10 min to walk, 0 free"]
    }
    assert [option.walks for option in moving.slots()][:2] == [
        {
            "Hall 6": [
                "Ana Petrova has a meeting at Table 1 (Hall 2) at 09:00: 10 min to walk, 0 free"
            ]
        },
        {},
    ]
