"""The MaxSAT search for the fewest holes with every meeting held (maxsat.py)."""

from __future__ import annotations

import itertools
import json
import os
import pickle
import signal
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings

from matchfair.scheduling import InstanceError, Result, check, parse_instance, solve
from matchfair.scheduling.clock import guard
from matchfair.scheduling.generate import generate
from matchfair.scheduling.maxsat import worker as satsearch
from matchfair.scheduling.maxsat.search import WORKER_NICENESS, HoleSearch, Outcome
from matchfair.scheduling.placement import Board, Layout

from ..builders import document, instance
from ..exhaustive import best_by_hand, tiny_instances
from ..test_properties import instances


def _result(layout: Layout, plan: dict[int, tuple[int, int]]) -> Result:
    board = Board(layout)
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)
    return Result(tuple(board.assignments()), ())


def _search(doc: dict, **kwargs: object) -> tuple[Layout, Outcome]:
    layout = Layout(instance(doc))
    return layout, HoleSearch(layout).run(conflicts=100_000, **kwargs)


def test_a_forced_hole_is_found_and_proved():
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    layout, outcome = _search(doc)
    assert outcome.plan is not None
    report = check(layout.instance, _result(layout, outcome.plan))
    assert (report.violations, report.metrics["holes"], outcome.holes_lower_bound) == ((), 1, 1)


def test_not_every_meeting_fitting_is_reported_as_infeasible():
    # Three meetings among three people, two slots, one table: one meeting cannot be held.
    doc = document(
        slots=2, tables=1, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c"))
    )
    _, outcome = _search(doc)
    assert (outcome.plan, outcome.infeasible) == (None, True)


def test_more_meetings_than_a_participant_may_have_is_infeasible():
    doc = document(slots=3, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c")))
    doc["participants"][0]["max_meetings"] = 1
    _, outcome = _search(doc)
    assert (outcome.plan, outcome.infeasible) == (None, True)


def test_a_meeting_that_cannot_happen_is_left_out_and_the_rest_held():
    doc = document(slots=3, people=("a", "b", "c"), meetings=(("a", "b"), ("b", "c")))
    doc["participants"][2]["available"] = []  # c is never there: m2 cannot happen
    _, outcome = _search(doc)
    assert outcome.plan is not None and set(outcome.plan) == {0}


def test_a_spent_budget_returns_the_bound_and_no_plan():
    doc = document(slots=6, tables=3, people=tuple("abcdef"))
    doc["meetings"] = [
        {"id": f"m{i}", "participants": list(pair)}
        for i, pair in enumerate(itertools.combinations("abcdef", 2))
    ]
    layout = Layout(instance(doc))
    stopped = HoleSearch(layout).run(conflicts=1)
    assert stopped.plan is None and not stopped.infeasible


def test_the_same_seed_and_budget_give_the_same_plan():
    doc = document(slots=6, tables=2, people=tuple("abcde"))
    doc["meetings"] = [
        {"id": f"m{i}", "participants": list(pair)}
        for i, pair in enumerate(itertools.combinations("abcde", 2))
        if i % 3
    ]
    first = _search(doc, seed=3)[1]
    second = _search(doc, seed=3)[1]
    other = _search(doc, seed=4)[1]
    assert first.plan is not None and first.plan == second.plan
    assert other.holes_lower_bound == first.holes_lower_bound


@pytest.mark.parametrize("seats", [True, False], ids=["with the seats rule", "without"])
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=tiny_instances())
def test_fewest_holes_matches_an_exhaustive_search(seats, doc):
    # Without the seats rule, as every second worker searches: it follows from the others, so
    # dropping it changes the search but neither the schedules allowed nor the optimum.
    layout = Layout(instance(doc))
    assume(all(layout.allowed[mi] for mi in range(len(layout.meetings))))
    best = best_by_hand(doc, every_meeting=True)
    search = HoleSearch(layout)
    formula = search.encoding.wcnf.copy()
    if not seats:
        del formula.hard[slice(*search.encoding.seats)]
    found = satsearch.search(formula, seed=0, conflicts=100_000)
    if best is None:
        assert (found.model, found.infeasible) == (None, True)
        return
    assert found.model is not None
    report = check(layout.instance, _result(layout, search.encoding.plan(found.model)))
    assert report.violations == ()
    assert report.metrics["holes"] == best[1] == found.bound


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_plans_pass_the_checker_with_booths_groups_travel_and_locks(doc):
    try:
        inst = parse_instance(doc)
    except InstanceError:
        return
    layout = Layout(inst)
    outcome = HoleSearch(layout).run(conflicts=50_000)
    if outcome.plan is None:
        return
    report = check(inst, _result(layout, outcome.plan))
    assert report.violations == ()
    possible = sum(1 for mi in range(len(layout.meetings)) if layout.allowed[mi])
    assert len(outcome.plan) <= possible


def test_solve_reports_the_maxsat_optimum():
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    inst = instance(doc)
    result = solve(inst, time_limit=10, deterministic=True, wall_limit=guard(10))
    assert check(inst, result).violations == ()
    assert result.stats["holes_method"] == "maxsat"
    assert result.stats["method"] == "maxsat"
    assert (result.stats["holes"], result.stats["proved_optimal"]) == (1, True)


def test_solve_on_the_wall_clock_runs_the_search_in_worker_processes():
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    inst = instance(doc)
    result = solve(inst, time_limit=20)
    assert check(inst, result).violations == ()
    assert (result.stats["method"], result.stats["holes"], result.stats["proved_optimal"]) == (
        "maxsat",
        1,
        True,
    )


def test_worker_processes_stopped_early_report_no_plan_and_are_gone():
    # The generated small forum takes the search far longer than it is given here.
    layout = Layout(generate("small-forum", seed=0))
    search = HoleSearch(layout)
    search.start(30, seed=0, processes=2)
    search.wait(0.5)
    outcome = search.stop()
    assert outcome.plan is None
    assert not outcome.infeasible
    assert [p.poll() is not None for p in search._processes] == [True, True]


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="the system has no process priorities")
def test_worker_processes_run_at_a_lower_priority_than_the_process_that_starts_them():
    # So that the LNS beside them in this process keeps a core of its own (fewest_holes.py).
    layout = Layout(generate("small-forum", seed=0))
    search = HoleSearch(layout)
    search.start(30, seed=0, processes=2)
    try:
        own = os.getpriority(os.PRIO_PROCESS, 0)
        niceness = [os.getpriority(os.PRIO_PROCESS, p.pid) for p in search._processes]
    finally:
        search.stop()
    assert niceness == [min(19, own + WORKER_NICENESS)] * 2
    assert WORKER_NICENESS > 0


def test_a_worker_nobody_stops_ends_by_itself_after_its_time():
    layout = Layout(generate("small-forum", seed=0))
    search = HoleSearch(layout)
    search.start(0, seed=0, processes=1)
    (process,) = search._processes
    # Its alarm, at the time given plus five seconds, ends it inside the SAT solver.
    assert process.wait(timeout=60) == -signal.SIGALRM
    assert search.stop().plan is None


def test_worker_processes_find_the_same_optimum_as_the_search_in_place():
    doc = document(slots=4, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c")))
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    layout = Layout(instance(doc))
    search = HoleSearch(layout)
    search.start(20, seed=3, processes=2)
    search.wait(20)
    outcome = search.stop()
    assert outcome.plan is not None
    assert outcome.holes_lower_bound == HoleSearch(layout).run().holes_lower_bound == 1
    assert check(instance(doc), _result(layout, outcome.plan)).violations == ()


def _worker_finds(encoding: object, without: tuple[int, int]) -> dict:
    shown = sorted(encoding.x.values())  # type: ignore[attr-defined]
    job = pickle.dumps((0, 20, without, None, shown)) + pickle.dumps(encoding.wcnf)  # type: ignore[attr-defined]
    ran = subprocess.run(
        [sys.executable, "-I", satsearch.__file__], input=job, capture_output=True, timeout=60
    )
    return json.loads(ran.stdout.splitlines()[-1])["found"]


def test_a_worker_told_to_drop_the_seats_rule_finds_the_optimum_without_it():
    # One table: three people may be free in a slot but only two busy, so the rule has clauses.
    doc = document(
        slots=4, tables=1, people=("a", "b", "c"), meetings=(("a", "b"), ("a", "c"), ("b", "c"))
    )
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t3"]
    layout = Layout(instance(doc))
    encoding = HoleSearch(layout).encoding
    first, stop = encoding.seats
    assert first < stop  # one rule per slot
    found = _worker_finds(encoding, (first, stop))
    assert (found["bound"], found["infeasible"]) == (1, False)
    assert check(instance(doc), _result(layout, encoding.plan(found["model"]))).violations == ()
    # Its answer carries only the meeting literals that hold, one per meeting, not a literal
    # per variable, which the parent would read too slowly beside the LNS (satsearch.py).
    assert sorted(found["model"]) == sorted(
        encoding.x[(mi, *at)] for mi, at in encoding.plan(found["model"]).items()
    )
    assert len(found["model"]) == 3
    # The worker does drop what it is told to: without any hard clause, no hole is forced.
    assert _worker_finds(encoding, (0, len(encoding.wcnf.hard)))["bound"] == 0


def test_the_search_reports_its_lower_bound_as_each_core_raises_it():
    # Every meeting is pinned, and each of a, b, c and d has a hole: the bound rises core by
    # core to 4, the optimum.
    doc = document(
        slots=5,
        people=("a", "b", "c", "d"),
        meetings=(("a", "c"), ("a", "d"), ("b", "c"), ("b", "d")),
    )
    for meeting, slot in zip(doc["meetings"], ("t1", "t3", "t3", "t5"), strict=True):
        meeting["slots"] = [slot]
    heard: list[int] = []
    outcome = HoleSearch(Layout(instance(doc))).run(conflicts=100_000, report=heard.append)
    assert outcome.holes_lower_bound == 4
    assert heard == sorted(set(heard)) and heard[-1] == 4 and len(heard) > 1


def _forced_hole_forum() -> dict:
    """Six people, six slots, one table per two of them: a few cores and some conflicts."""
    people = ("a", "b", "c", "d", "e", "f")
    pairs = tuple(itertools.combinations(people, 2))[:11]
    doc = document(slots=6, tables=3, people=people, meetings=pairs)
    doc["meetings"][0]["slots"] = ["t1"]
    doc["meetings"][1]["slots"] = ["t6"]
    doc["meetings"][5]["slots"] = ["t2", "t3"]
    return doc


def test_a_budgeted_portfolio_takes_the_first_search_in_order_that_finishes_within_it():
    # Each search is replayed in place on the same numbering and formula as its worker. With a
    # budget too small for the first, the second's answer is taken, and with room for both,
    # the first's, whichever process answered first.
    layout = Layout(instance(_forced_hole_forum()))
    encoding = HoleSearch(layout).encoding
    replays = []
    for k in range(2):
        formula = satsearch.dropping(encoding.wcnf.copy(), encoding.seats if k % 2 else None)
        replays.append(satsearch.search(formula, seed=4 * 2 + k, conflicts=200_000))
    first, second = replays
    assert first.model is not None and second.model is not None
    assert first.conflicts > second.conflicts  # the second is the faster one
    for budget, winner in ((2 * first.conflicts, first), (first.conflicts - 1, second)):
        search = HoleSearch(layout)
        search.start(60, seed=4, processes=2, conflicts=budget)
        search.wait(60)
        outcome = search.stop()
        assert outcome.plan == encoding.plan(winner.model)
        assert (outcome.conflicts, outcome.holes_lower_bound) == (winner.conflicts, winner.bound)


def test_a_budgeted_portfolio_where_no_search_finishes_waits_for_all_and_keeps_their_bound():
    layout = Layout(generate("small-forum", seed=0))
    search = HoleSearch(layout)
    search.start(60, seed=0, processes=2, conflicts=300)
    search.wait(60)
    assert search.finished()
    outcome = search.stop()
    assert (outcome.plan, outcome.infeasible) == (None, False)
    # Both ran out of their budget and said so: the parent waited for both.
    assert [e is not None and e.conflicts >= 300 for e in search._ended] == [True, True]
    alone = HoleSearch(layout).run(conflicts=300, seed=0)
    assert outcome.holes_lower_bound >= alone.holes_lower_bound


def test_a_deterministic_solve_gives_the_same_schedule_every_time_with_two_searches():
    inst = instance(_forced_hole_forum())
    first = solve(inst, time_limit=10, seed=2, deterministic=True, wall_limit=guard(10))
    second = solve(inst, time_limit=10, seed=2, deterministic=True, wall_limit=guard(10))
    assert first.stats["method"] == "maxsat"
    assert first.assignments == second.assignments
    assert check(inst, first).violations == ()


def test_without_worker_processes_the_searches_run_in_turn_and_give_the_same_answer(monkeypatch):
    layout = Layout(instance(_forced_hole_forum()))
    outcomes = []
    for _ in range(2):
        search = HoleSearch(layout)
        # A budget only the second search finishes within (it needs 5 conflicts, the first 11).
        search.start(60, seed=4, processes=2, conflicts=10)
        search.wait(60)
        outcomes.append(search.stop())

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError("no processes here")

        monkeypatch.setattr(subprocess, "Popen", refuse)
    with_processes, in_turn = outcomes
    assert with_processes.plan is not None
    assert (in_turn.plan, in_turn.conflicts) == (with_processes.plan, with_processes.conflicts)
