"""Walking times whose minutes break the triangle inequality: the search keeps time between
every two meetings of a participant on a day, so that no move that frees a slot between two
meetings leaves them too close (placement.Layout.walk_every_pair)."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matchfair.scheduling import InstanceError, check, parse_instance, replan, solve, solver
from matchfair.scheduling.placement import Board, Layout

from .builders import document, instance
from .test_properties import instances


def _three_halls(a_c: int) -> dict:
    """a meets b in hall A, c in hall B and d in hall C: 5 minutes from A to B and from B to
    C, `a_c` from A to C. Slots last 20 minutes with 5 between them."""
    doc = document(
        slots=4, people=("a", "b", "c", "d"), meetings=(("a", "b"), ("a", "c"), ("a", "d"))
    )
    doc["tables"] = [{"id": f"T{h}", "location": h} for h in "ABC"]
    doc["travel_minutes"] = {"A": {"B": 5, "C": a_c}, "B": {"C": 5}}
    return doc


def test_minutes_that_keep_the_triangle_inequality_need_only_consecutive_walks():
    assert Layout(instance(_three_halls(10))).walk_every_pair is False
    assert Layout(instance(_three_halls(40))).walk_every_pair is True
    # A table without a location costs nothing to reach from anywhere: a shortcut.
    doc = _three_halls(10)
    doc["tables"].append({"id": "T0"})
    assert Layout(instance(doc)).walk_every_pair is True
    doc = _three_halls(10)
    del doc["travel_minutes"]
    assert Layout(instance(doc)).walk_every_pair is False


def test_a_meeting_is_placed_only_where_every_meeting_of_its_day_leaves_time_to_walk():
    for a_c, fits in ((10, True), (40, False)):
        layout = Layout(instance(_three_halls(a_c)))
        hall = {layout.pools[v].location: v for v in range(len(layout.pools))}
        board = Board(layout)
        board.place(0, 0, hall["A"])  # a-b in hall A at t1
        # a-d in hall C at t3: 30 minutes after t1 ends, too few for 40, although a meeting
        # in hall B at t2 would make the walk legal under the rule, which looks at
        # consecutive meetings only; a move could take that one away again.
        assert board.walk_fits(2, 2, hall["C"]) is fits
        board.place(1, 1, hall["B"])  # a-c in hall B at t2
        assert board.walk_fits(2, 2, hall["C"]) is fits


def _walks_between_every_pair(inst, result) -> list[str]:
    """Independently of the engine: every two meetings of a participant on one day leave the
    walking minutes between their tables."""
    slot = {s.id: s for s in inst.slots}
    table = {t.id: t for t in inst.tables}
    mine = defaultdict(list)
    for a in result.assignments:
        for pid in next(m for m in inst.meetings if m.id == a.meeting).participants:
            mine[pid].append(a)
    wrong = []
    for pid, held in mine.items():
        held.sort(key=lambda a: slot[a.slot].start)
        for i, first in enumerate(held):
            for second in held[i + 1 :]:
                one, two = slot[first.slot], slot[second.slot]
                if one.start.date() != two.start.date():
                    continue
                gap = (two.start - one.start).total_seconds() / 60 - one.minutes
                walk = inst.travel(table[first.table].location, table[second.table].location)
                if walk > gap:
                    wrong.append(f"{pid}: {first.meeting} to {second.meeting}")
    return wrong


@st.composite
def detours(draw):
    """The property instances with three halls whose minutes may break the triangle rule."""
    doc = draw(instances())
    for t in doc["tables"]:
        t["location"] = draw(st.sampled_from(["north", "south", "east"]))
    minutes = st.sampled_from([0, 5, 15, 90, 150])
    doc["travel_minutes"] = {
        "north": {"south": draw(minutes), "east": draw(minutes)},
        "south": {"east": draw(minutes)},
    }
    return doc


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(doc=detours())
def test_schedules_keep_time_to_walk_between_every_two_meetings_of_a_day(doc, monkeypatch):
    # The search of large events (greedy, annealing, local search, windows) takes meetings out
    # from between others; force it on these small ones.
    monkeypatch.setattr(solver, "EXACT_LIMIT", 0)
    monkeypatch.setattr(solver, "REPLAN_EXACT_LIMIT", 0)
    try:
        inst = parse_instance(doc)
    except InstanceError:
        return
    result = solve(inst, time_limit=0.5, workers=1)
    again = replan(inst, result, time_limit=0.5, workers=1)
    for schedule in (result, again):
        assert check(inst, schedule).violations == ()
        if Layout(inst).walk_every_pair:
            assert _walks_between_every_pair(inst, schedule) == []
