"""Objective (1) first: the plain priority model, the priority phase of an oversubscribed event,
and holes minimised only among schedules of that priority."""

from hypothesis import HealthCheck, given, settings

from matchfair.scheduling import check, solve, upper_bounds
from matchfair.scheduling.clock import Clock
from matchfair.scheduling.exact.priority import most_priority
from matchfair.scheduling.generate import OVERSUBSCRIBED, oversubscribed
from matchfair.scheduling.placement import Board, Layout

from ..builders import document, instance
from ..exhaustive import best_by_hand, tiny_instances


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_instances(priorities=True))
def test_solve_reaches_and_proves_the_most_priority_found_by_trying_every_placement(doc):
    best = best_by_hand(doc)
    assert best is not None
    inst = instance(doc)
    result = solve(inst, time_limit=2, workers=1)
    assert check(inst, result).violations == ()
    assert result.stats["priority_scheduled"] == best[0]
    assert result.stats["priority_proved_optimal"] is True
    # The bound is a real bound, and tight where the optimum is proved.
    assert result.stats["priority_upper_bound"] == best[0]
    # Holes come second: the fewest among schedules of that priority, never traded for priority.
    assert result.stats["holes"] >= best[1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_instances(priorities=True))
def test_the_plain_model_finds_the_most_priority_and_a_bound_above_every_schedule(doc):
    best = best_by_hand(doc)
    assert best is not None
    layout = Layout(instance(doc))
    outcome = most_priority(
        layout, Board(layout), Clock(5.0, None, False), {}, share=1.0, seed=0, workers=1
    )
    assert outcome is not None
    assert outcome.proved
    assert outcome.priority == outcome.bound == best[0]
    board = Board(layout)
    for mi, (s, v) in outcome.plan.items():
        assert board.free_mask(mi) >> s & 1 and board.room[v] >> s & 1
        board.place(mi, s, v)


def test_the_priority_comes_before_holes_where_they_pull_apart():
    # a meets b only at t1 and c only at t3: holding both leaves a a hole at t2, dropping the
    # low-priority one leaves none. Priority comes first.
    doc = document(slots=3, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c")))
    doc["meetings"][0].update(priority=1, slots=["t1"])
    doc["meetings"][1].update(priority=3, slots=["t3"])
    inst = instance(doc)
    result = solve(inst, time_limit=2)
    assert check(inst, result).violations == ()
    assert (result.stats["priority_scheduled"], result.stats["holes"]) == (4, 1)
    assert result.stats["priority_upper_bound"] == 4


def test_an_oversubscribed_event_is_at_its_proved_optimum_and_says_so():
    inst = oversubscribed("over-40")
    result = solve(inst, time_limit=10)
    assert check(inst, result).violations == ()
    layout = Layout(inst)
    plain = most_priority(
        layout, Board(layout), Clock(30.0, None, False), {}, share=1.0, seed=1, workers=2
    )
    assert plain is not None and plain.proved
    assert result.stats["priority_scheduled"] == plain.priority
    assert result.stats["priority_upper_bound"] == plain.priority
    assert result.stats["priority_proved_optimal"] is True
    # Fewer than the cheap bound: the bound reported is CP-SAT's, not the matching bound.
    assert plain.priority < sum(m.priority for m in inst.meetings)


def test_the_oversubscribed_generator_overbooks_with_a_mix_of_priorities_and_half_days():
    inst = oversubscribed("over-150", seed=2)
    spec = OVERSUBSCRIBED["over-150"]
    assert (len(inst.participants), len(inst.meetings), len(inst.tables)) == (150, 600, 34)
    assert len(inst.slots) == 20 and {s.session for s in inst.slots} == {"d1-am", "d1-pm"}
    half = sum(1 for p in inst.participants if len(p.available) == spec.slots_per_session)
    assert 30 <= half <= 70  # about a third
    counts = {k: sum(1 for m in inst.meetings if m.priority == k) for k in (1, 2, 3)}
    assert counts[1] > counts[2] > counts[3] > 0
    # More meetings than the participants' slots can hold, and on the short family than the
    # tables can.
    assert upper_bounds(inst).meetings < len(inst.meetings)
    short = oversubscribed("over-150-ones-short")
    assert len(short.meetings) > len(short.slots) * len(short.tables)
    assert oversubscribed("over-150", seed=2) == inst
