"""Second planning stage: one member's own visits, a CP-SAT model over their free gaps.

Each gap between fixed anchors is a small routing problem: an `AddCircuit` over the candidate
stops, skipped stops as self-loops, walking times as precedence on the arcs.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from .model import Member, Visits, Wish
from .timeline import Anchor, Gap, gaps, start_ranges


@dataclass(frozen=True, slots=True)
class Placed:
    """A visit the member makes on their own: arrival time at a stop on a day."""

    day: str
    stop: str
    arrive: int


@dataclass(frozen=True, slots=True)
class MemberPlan:
    visits: tuple[Placed, ...]
    optimal: bool
    found: bool = True  # False when the time ran out before any plan; the caller falls back


@dataclass(slots=True)
class _Candidate:
    wish: Wish
    ranges: list[tuple[int, int]]
    present: cp_model.IntVar | None = None
    start: cp_model.IntVar | None = None


def member_gaps(visits: Visits, member: Member, fixed: Mapping[str, Sequence[Anchor]]) -> list[Gap]:
    """Every free gap of the member's days, with `fixed` joint-visit anchors per day."""
    return [g for d in member.days for g in gaps(member, visits.day_by_id[d], fixed.get(d, ()))]


def fits(
    visits: Visits,
    member: Member,
    fixed: Mapping[str, Sequence[Anchor]],
    plan: Sequence[Placed],
) -> bool:
    """Whether `plan` keeps every rule: each stop once, in a free gap, walks and hours kept."""
    if len({p.stop for p in plan}) != len(plan):
        return False
    placed = sorted(plan, key=lambda p: (p.day, p.arrive))
    for gap in member_gaps(visits, member, fixed):
        inside = [p for p in placed if p.day == gap.day and gap.start <= p.arrive < gap.end]
        now, here = gap.start, gap.origin
        for p in inside:
            stop = visits.stop_by_id[p.stop]
            ranges = start_ranges(visits, stop, Gap(gap.day, now, here, gap.end, gap.destination))
            if not any(low <= p.arrive <= high for low, high in ranges):
                return False
            now, here = p.arrive + stop.minutes, stop.location
    # Every visit must have fallen in some gap.
    return sum(
        1
        for gap in member_gaps(visits, member, fixed)
        for p in placed
        if p.day == gap.day and gap.start <= p.arrive < gap.end
    ) == len(placed)


def compact(
    visits: Visits,
    member: Member,
    fixed: Mapping[str, Sequence[Anchor]],
    plan: Sequence[Placed],
) -> list[Placed]:
    """The same visits in the same order, each as early as it can be: no idle time to explain.

    `plan` must already fit; moving a visit earlier never makes a later one start later.
    """
    placed = sorted(plan, key=lambda p: (p.day, p.arrive))
    out: list[Placed] = []
    for gap in member_gaps(visits, member, fixed):
        now, here = gap.start, gap.origin
        for p in placed:
            if p.day != gap.day or not gap.start <= p.arrive < gap.end:
                continue
            stop = visits.stop_by_id[p.stop]
            ranges = start_ranges(visits, stop, Gap(gap.day, now, here, gap.end, gap.destination))
            arrive = next(
                (low for low, high in ranges if high >= low and low <= p.arrive), p.arrive
            )
            out.append(Placed(p.day, p.stop, arrive))
            now, here = arrive + stop.minutes, stop.location
    return out


def priority_weight(visits: Visits, member: Member) -> int:
    """One priority point is worth more than any amount of walking in the member's days."""
    return 1 + sum(visits.day_by_id[d].end - visits.day_by_id[d].start for d in member.days)


def plan_member(
    visits: Visits,
    member: Member,
    wishes: Sequence[Wish],
    fixed: Mapping[str, Sequence[Anchor]],
    *,
    time_limit: float,
    seed: int = 0,
    hint: Sequence[Placed] = (),
) -> MemberPlan:
    """Choose and order the member's visits: most priority first, then least walking.

    `hint` is a known-feasible plan (the greedy one); the solver starts from it, so it only
    returns something at least as good.
    """
    began = time.perf_counter()
    model = cp_model.CpModel()
    weight = priority_weight(visits, member)
    by_stop: dict[str, list[tuple[Gap, _Candidate]]] = {}
    walking_terms: list[cp_model.LinearExprT] = []
    gain_terms: list[cp_model.LinearExprT] = []
    hinted = {(p.day, p.stop): p.arrive for p in hint}
    hint_values: dict[cp_model.IntVar, int] = {}

    for g_index, gap in enumerate(member_gaps(visits, member, fixed)):
        candidates: list[_Candidate] = []
        for wish in wishes:
            ranges = start_ranges(visits, visits.stop_by_id[wish.stop], gap)
            if ranges:
                candidates.append(_Candidate(wish, ranges))
        if not candidates:
            continue
        hinted_here: list[tuple[int, int]] = []  # (arrival, node) of hinted visits in this gap
        for node, cand in enumerate(candidates, start=1):
            stop = visits.stop_by_id[cand.wish.stop]
            flat = [bound for span in cand.ranges for bound in span]
            cand.start = model.new_int_var_from_domain(
                cp_model.Domain.from_flat_intervals(flat), f"start_{g_index}_{stop.id}"
            )
            cand.present = model.new_bool_var(f"at_{g_index}_{stop.id}")
            gain_terms.append(cand.wish.priority * weight * cand.present)
            by_stop.setdefault(stop.id, []).append((gap, cand))
            arrive = hinted.get((gap.day, stop.id))
            if arrive is not None and any(lo <= arrive <= hi for lo, hi in cand.ranges):
                hinted_here.append((arrive, node))
        pairs = _pairs(visits, candidates)
        if pairs:
            _route_gap(
                model, visits, gap, candidates, pairs, walking_terms, hinted_here, hint_values
            )
        else:
            # Most gaps between meetings hold one visit at most: no route to choose, no circuit.
            model.add_at_most_one(c.present for c in candidates if c.present is not None)
            stay = visits.walk(gap.origin, gap.destination)
            chosen_nodes = {node for _, node in hinted_here}
            for node, cand in enumerate(candidates, start=1):
                assert cand.present is not None and cand.start is not None
                location = visits.stop_by_id[cand.wish.stop].location
                detour = visits.walk(gap.origin, location) + visits.walk(location, gap.destination)
                walking_terms.append((detour - stay) * cand.present)
                hint_values[cand.present] = int(node in chosen_nodes)
                hint_values[cand.start] = next(
                    (a for a, n in hinted_here if n == node), cand.ranges[0][0]
                )
            walking_terms.append(stay)

    for placements in by_stop.values():
        model.add_at_most_one(cand.present for _, cand in placements if cand.present is not None)
    if not by_stop:
        return MemberPlan((), True)
    model.maximize(cp_model.LinearExpr.sum(gain_terms) - cp_model.LinearExpr.sum(walking_terms))
    for var, value in hint_values.items():
        model.add_hint(var, value)

    solver = cp_model.CpSolver()
    # Building the model counts against the member's budget too.
    solver.parameters.max_time_in_seconds = max(time_limit - (time.perf_counter() - began), 0.05)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = 1
    # Probing costs seconds on the larger gaps and rarely pays back within a member's budget.
    solver.parameters.cp_model_probing_level = 0
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if fits(visits, member, fixed, hint):
            return MemberPlan(tuple(hint), False)
        return MemberPlan((), False, found=False)
    chosen = [
        Placed(gap.day, cand.wish.stop, solver.value(cand.start))
        for placements in by_stop.values()
        for gap, cand in placements
        if cand.present is not None and cand.start is not None and solver.value(cand.present)
    ]
    chosen.sort(key=lambda p: (p.day, p.arrive))
    return MemberPlan(tuple(chosen), status == cp_model.OPTIMAL)


def _pairs(visits: Visits, candidates: Sequence[_Candidate]) -> list[tuple[int, int, int]]:
    """Node pairs (i, j, walk) where j can follow i in the gap; the rest can never be arcs."""
    pairs: list[tuple[int, int, int]] = []
    for i, a in enumerate(candidates, start=1):
        stop_a = visits.stop_by_id[a.wish.stop]
        for j, b in enumerate(candidates, start=1):
            if i == j:
                continue
            stop_b = visits.stop_by_id[b.wish.stop]
            walk = visits.walk(stop_a.location, stop_b.location)
            if a.ranges[0][0] + stop_a.minutes + walk <= b.ranges[-1][1]:
                pairs.append((i, j, walk))
    return pairs


def _route_gap(
    model: cp_model.CpModel,
    visits: Visits,
    gap: Gap,
    candidates: Sequence[_Candidate],
    pairs: Sequence[tuple[int, int, int]],
    walking_terms: list[cp_model.LinearExprT],
    hinted_here: list[tuple[int, int]],
    hint_values: dict[cp_model.IntVar, int],
) -> None:
    """A gap that may hold several visits: a circuit through the depot (the gap's two ends)."""
    arcs: list[tuple[int, int, cp_model.LiteralT]] = []
    empty = model.new_bool_var("")
    arcs.append((0, 0, empty))
    walking_terms.append(visits.walk(gap.origin, gap.destination) * empty)
    cheapest_in: dict[int, int] = {}
    for node, cand in enumerate(candidates, start=1):
        assert cand.present is not None
        location = visits.stop_by_id[cand.wish.stop].location
        arcs.append((node, node, cand.present.negated()))
        into, out = model.new_bool_var(""), model.new_bool_var("")
        arcs.append((0, node, into))
        arcs.append((node, 0, out))
        walking_terms.append(visits.walk(gap.origin, location) * into)
        walking_terms.append(visits.walk(location, gap.destination) * out)
        cheapest_in[node] = visits.walk(gap.origin, location)
    for i, j, walk in pairs:
        a, b = candidates[i - 1], candidates[j - 1]
        assert a.start is not None and b.start is not None
        arc = model.new_bool_var("")
        arcs.append((i, j, arc))
        walking_terms.append(walk * arc)
        minutes = visits.stop_by_id[a.wish.stop].minutes
        model.add(b.start >= a.start + minutes + walk).only_enforce_if(arc)
        cheapest_in[j] = min(cheapest_in[j], walk)
    model.add_circuit(arcs)
    # Redundant but it tightens the relaxation: the visits and the walks to them fit the gap.
    model.add(
        cp_model.LinearExpr.sum(
            [
                (visits.stop_by_id[c.wish.stop].minutes + cheapest_in[n]) * c.present
                for n, c in enumerate(candidates, start=1)
                if c.present is not None
            ]
        )
        <= gap.end - gap.start
    )
    _hint_gap(hinted_here, candidates, arcs, hint_values)


def _hint_gap(
    hinted_here: list[tuple[int, int]],
    candidates: Sequence[_Candidate],
    arcs: list[tuple[int, int, cp_model.LiteralT]],
    hint_values: dict[cp_model.IntVar, int],
) -> None:
    """Hint every literal of one gap's circuit, so the hinted plan is a complete solution."""
    order = [node for _, node in sorted(hinted_here)]
    used = set(zip([0, *order], [*order, 0], strict=True)) if order else {(0, 0)}
    visited = set(order)
    for tail, head, literal in arcs:
        # Self-loops of stops are negated presence literals, hinted through the presence below.
        if tail != head or tail == 0:
            assert isinstance(literal, cp_model.IntVar)
            hint_values[literal] = int((tail, head) in used)
    for node, cand in enumerate(candidates, start=1):
        assert cand.present is not None and cand.start is not None
        hint_values[cand.present] = int(node in visited)
        arrive = next((a for a, n in hinted_here if n == node), cand.ranges[0][0])
        hint_values[cand.start] = arrive
