"""The large-neighbourhood search on the MaxSAT encoding (satlns.py), alone and in `solve`."""

from __future__ import annotations

import itertools
import os
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings

from matchfair.scheduling import Progress, check, solve
from matchfair.scheduling.clock import guard
from matchfair.scheduling.maxsat import fewest_holes
from matchfair.scheduling.maxsat import search as maxsat_module
from matchfair.scheduling.maxsat.satlns import HoleLns
from matchfair.scheduling.maxsat.search import Encoding, HoleSearch
from matchfair.scheduling.placement import Layout, plan_holes

from ..builders import document, instance
from ..exhaustive import best_by_hand, tiny_instances
from .test_search import _forced_hole_forum, _result


def _busy_forum() -> dict:
    """Twelve people, ten slots, four tables and 34 seeded pairs: a first SAT schedule has
    many holes, the optimum few."""
    people = tuple(f"p{i}" for i in range(12))
    pairs = list(itertools.combinations(people, 2))
    random.Random(7).shuffle(pairs)
    return document(slots=10, tables=4, people=people, meetings=tuple(pairs[:34]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=tiny_instances())
def test_the_search_ends_proved_at_the_exhaustive_optimum(doc):
    layout = Layout(instance(doc))
    assume(all(layout.allowed[mi] for mi in range(len(layout.meetings))))
    best = best_by_hand(doc, every_meeting=True)
    lns = HoleLns(Encoding(layout), seed=1)
    first = lns.first(100_000)
    if best is None:
        assert first is None
        return
    assert first is not None
    lns.begin(first)
    lns.run(conflicts=None, stop=lambda: False)
    assert lns.proved and lns.plan is not None
    report = check(layout.instance, _result(layout, lns.plan))
    assert report.violations == ()
    assert report.metrics["holes"] == lns.holes == best[1]
    assert len(lns.plan) == len(layout.meetings)


def test_steps_only_ever_lower_the_holes_and_every_schedule_passes_the_checker():
    layout = Layout(instance(_busy_forum()))
    optimum = HoleSearch(layout).run(conflicts=200_000)
    assert optimum.plan is not None
    lns = HoleLns(Encoding(layout), seed=3)
    first = lns.first(100_000)
    assert first is not None
    lns.begin(first)
    seen = [lns.holes]
    assert seen[0] > optimum.holes_lower_bound  # something to improve
    for _ in range(3_000):
        if lns.proved:
            break
        if lns.step():
            assert lns.plan is not None
            assert check(layout.instance, _result(layout, lns.plan)).violations == ()
            seen.append(lns.holes)
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == len(seen)
    assert lns.plan is not None and plan_holes(layout, lns.plan) == lns.holes
    assert lns.holes == optimum.holes_lower_bound


def test_the_same_seed_and_budget_give_the_same_schedule():
    layout = Layout(instance(_busy_forum()))
    plans = []
    for _ in range(2):
        lns = HoleLns(Encoding(layout), seed=5)
        first = lns.first(100_000)
        assert first is not None
        lns.begin(first)
        lns.run(conflicts=2_000, stop=lambda: False)
        plans.append((lns.plan, lns.conflicts))
    assert plans[0] == plans[1]


def test_a_deterministic_solve_searches_on_with_the_lns_when_maxsat_runs_out(monkeypatch):
    # A budget far too small for either MaxSAT search (11 and 5 conflicts needed): the LNS,
    # on its own budget, starts from a first schedule, annealed, and proves the optimum of 2
    # holes by refuting one fewer with every meeting free.
    monkeypatch.setattr(maxsat_module, "CONFLICTS_PER_SECOND", 0.2)
    monkeypatch.setattr(fewest_holes, "FIRST_CONFLICTS", 1_000)
    inst = instance(_forced_hole_forum())
    result = solve(inst, time_limit=10, deterministic=True, wall_limit=guard(10))
    again = solve(inst, time_limit=10, deterministic=True, wall_limit=guard(10))
    assert check(inst, result).violations == ()
    assert result.stats["method"] == "maxsat+lns"
    assert result.stats["holes"] == 2 == result.stats["holes_lower_bound"]
    assert result.stats["proved_optimal"] is True
    assert result.assignments == again.assignments


def test_on_the_wall_clock_the_lns_runs_beside_the_maxsat_searches(monkeypatch):
    # The LNS starts at once; whichever ends the search, the schedule is the optimum.
    monkeypatch.setattr(fewest_holes, "LNS_AFTER", 0.0)
    inst = instance(_busy_forum())
    result = solve(inst, time_limit=10)
    assert check(inst, result).violations == ()
    assert result.stats["method"] in {"maxsat", "maxsat+lns"}
    assert result.stats["proved_optimal"] is True
    assert result.stats["holes"] == result.stats["holes_lower_bound"]


def test_dropping_a_maxsat_search_kills_it_and_leaves_the_first_to_finish():
    layout = Layout(instance(_busy_forum()))
    search = HoleSearch(layout)
    search.start(60, seed=1, processes=2)
    search.drop(1)  # before the second process has even read its formula
    search.wait(60)
    outcome = search.stop()
    assert outcome.plan is not None
    assert check(layout.instance, _result(layout, outcome.plan)).violations == ()
    assert [e is not None and e.model is not None for e in search._ended] == [True, False]


def _satsearch_children() -> list[int]:
    """Worker processes of this one that run satsearch.py (Linux)."""
    me = str(os.getpid())
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                parent = stat.read().rsplit(")", 1)[1].split()[1]
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                command = cmdline.read()
        except OSError:
            continue
        if parent == me and b"maxsat/worker.py" in command:
            found.append(int(pid))
    return found


def test_an_error_in_the_progress_report_ends_the_maxsat_workers(monkeypatch):
    # The first report after the workers started (the annealing of the LNS's start) fails,
    # as the web app's may when it writes to the database.
    monkeypatch.setattr(fewest_holes, "LNS_AFTER", 0.0)
    phases: list[str] = []
    running: list[int] = []

    def report(progress: Progress) -> None:
        if fewest_holes.PHASE in phases:  # the search has started its workers
            running.extend(_satsearch_children())
            raise RuntimeError("the database went away")
        phases.append(progress.phase)

    # 24 people, 12 slots, 6 tables, 70 pairs: RC2 needed 14 s in place, so the workers are
    # still searching when the report fails.
    people = tuple(f"p{i}" for i in range(24))
    pairs = list(itertools.combinations(people, 2))
    random.Random(7).shuffle(pairs)
    inst = instance(document(slots=12, tables=6, people=people, meetings=tuple(pairs[:70])))
    with pytest.raises(RuntimeError, match="database went away"):
        solve(inst, time_limit=20, progress=report)
    assert len(running) == 2
    assert _satsearch_children() == []
