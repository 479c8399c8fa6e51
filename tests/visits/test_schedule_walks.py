"""The meeting schedule knows the walk between halls: the venue's plan gives it the minutes."""

from itertools import pairwise

from matchfair.events.domain.venue import add_tables
from matchfair.meetings.domain.instance import build_instance
from matchfair.meetings.domain.requests import accept_request, send_request
from matchfair.scheduling import dump_instance, validate
from matchfair.scheduling.checker import check
from matchfair.scheduling.solver import solve
from tests import factories


def test_instance_has_the_walks_between_the_halls_of_its_tables(event, halls):
    add_tables(event=event, count=1, location="Hall 1 — B2B area")
    # Hall centres 250 m apart at 70 m a minute: 3.6 minutes, rounded up.
    assert build_instance(event).travel_minutes == {
        "Hall 1 — B2B area": {"Hall 2": 4},
        "Hall 2": {"Hall 1 — B2B area": 4},
    }


def test_without_a_venue_plan_there_are_no_walks(event):
    add_tables(event=event, count=1, location="Hall 1 — B2B area")
    assert build_instance(event).travel_minutes == {}
    assert "travel_minutes" not in dump_instance(build_instance(event))


def test_back_to_back_meetings_stay_in_one_hall(event, halls):
    event.tables.update(is_active=False)
    add_tables(event=event, count=1, location="Hall 1 — B2B area", prefix="North")
    add_tables(event=event, count=1, location="Hall 2 — B2B area", prefix="South")
    ana = factories.RegistrationFactory(event=event)
    for _ in range(6):
        other = factories.RegistrationFactory(event=event)
        accept_request(
            send_request(sender=other, recipient=ana, message="Hi", by=other.user), by=ana.user
        )
    instance = build_instance(event)
    validate(instance)
    result = solve(instance, time_limit=2, seed=1)
    assert check(instance, result).violations == ()
    hall = {t.id: t.location for t in instance.tables}
    slot = {s.id: s for s in instance.slots}
    mine = sorted(
        (instance.slot_position[a.slot], hall[a.table], slot[a.slot].session)
        for a in result.assignments
        if a.meeting in {m.id for m in instance.meetings}
    )
    assert len(mine) == 6
    for (first, where, session), (second, there, same) in pairwise(mine):
        if second == first + 1 and session == same:
            assert where == there
