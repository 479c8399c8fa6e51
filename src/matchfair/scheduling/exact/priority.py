"""Objective (1) alone: the most summed priority, in a plain CP-SAT model.

A Boolean per meeting, slot and table pool, at most one place per meeting (exactly
one when locked), one meeting per participant and slot, the tables of each pool per slot, each
participant's `max_meetings`, and walking times. Nothing about holes: the model is small, its
LP bound is strong, and on oversubscribed events it proves the optimum where the full model of
whole.py, carrying the hole structure, does not (docs/benchmarks.md, oversubscribed family).

Its optimum, or best value with CP-SAT's bound, is what the holes phases then keep as a
constraint: holes are minimised only among schedules of that priority.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from ..clock import Clock, cp_sat_work
from ..placement import Board, Layout, Positions, iter_bits
from . import cpsat

# CP-SAT's default presolve iterations (the hole models use one).
PRESOLVE_ITERATIONS = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    plan: Positions
    priority: int
    # No schedule holds more priority: CP-SAT's bound (the best value itself once proved).
    bound: int
    proved: bool


def _model(
    layout: Layout, board: Board
) -> tuple[cp_model.CpModel, dict[tuple[int, int, int], cp_model.IntVar]]:
    """The plain model of the meetings not on `board`, around those that are."""
    model = cp_model.CpModel()
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}
    per_meeting: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_pool_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_person: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_person_slot_pool: dict[tuple[int, int, int], list[cp_model.IntVar]] = defaultdict(list)
    free = [mi for mi in range(len(layout.meetings)) if board.slot[mi] < 0]
    for mi in free:
        for s in iter_bits(board.free_mask(mi)):
            for v in layout.meeting_pools[mi]:
                if not board.room[v] >> s & 1:
                    continue
                var = x[(mi, s, v)] = model.new_bool_var(f"x{mi}_{s}_{v}")
                per_meeting[mi].append(var)
                per_pool_slot[(v, s)].append(var)
                for p in layout.members[mi]:
                    per_person_slot[(p, s)].append(var)
                    per_person[p].append(var)
                    per_person_slot_pool[(p, s, v)].append(var)
    for mi in free:
        if layout.meetings[mi].locked is not None:
            model.add_exactly_one(per_meeting[mi])
        elif len(per_meeting[mi]) > 1:
            model.add_at_most_one(per_meeting[mi])
    for vars_ in per_person_slot.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for (v, s), vars_ in per_pool_slot.items():
        room = layout.capacity[v] - board.used[v][s]
        if len(vars_) > room:
            model.add(sum(vars_) <= room)
    for p, vars_ in per_person.items():
        limit = layout.max_meetings[p] - board.count[p]
        if limit < len(vars_):
            model.add(sum(vars_) <= limit)
    if layout.travel_pairs:
        cpsat.add_travel(layout, board, model, set(per_person), per_person_slot_pool)
    keys = list(x)
    model.maximize(
        cp_model.LinearExpr.weighted_sum(
            [x[k] for k in keys], [layout.priority[k[0]] for k in keys]
        )
    )
    return model, x


def most_priority(
    layout: Layout,
    board: Board,
    clock: Clock,
    hint: Positions,
    *,
    share: float,
    seed: int,
    workers: int,
) -> Outcome | None:
    """The plain model of every meeting not on `board`, from `hint`, on `share` of the time
    left; None when no step may start or CP-SAT finds no schedule. The board is left as it was.

    The value counts the meetings already on the board too, and so does the bound."""
    if not clock.begin_step():
        return None
    fixed = sum(layout.priority[mi] for mi, s in enumerate(board.slot) if s >= 0)
    model, x = _model(layout, board)
    for key, var in x.items():
        model.add_hint(var, hint.get(key[0]) == key[1:])
    seconds = share * clock.left()
    solver = clock.cp_solver(seconds=seconds, seed=seed, workers=workers)
    # Unlike the hole models, this one gains from CP-SAT's full presolve: on over-200-short it
    # proves the optimum in seconds with it, and not in 30 s with one presolve pass.
    solver.parameters.max_presolve_iterations = PRESOLVE_ITERATIONS
    status = solver.solve(model)
    clock.charge(cp_sat_work(solver, model) if clock.deterministic else 0.0)
    clock.end_step(seconds)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    plan = {mi: (s, v) for (mi, s, v), var in x.items() if solver.boolean_value(var)}
    value = fixed + round(solver.objective_value)
    proved = status == cp_model.OPTIMAL
    bound = value if proved else fixed + int(solver.best_objective_bound + 1e-6)
    return Outcome(plan, value, bound, proved)
