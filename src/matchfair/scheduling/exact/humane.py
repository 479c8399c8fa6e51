"""Humane days: breaks, `max_consecutive`, `max_per_day` and preferred slots.

Breaks leave the instance before any phase sees it (`without_breaks`): their slots go, and each
session is split at them, so no phase can place a meeting in one and the free time around a
break is no hole. The limits are hard in every phase that runs on such an instance: the board's
`free_mask` (placement.over_limit) bars the slots that would break them, which the greedy start,
its repair and the final fill all go through, and the CP-SAT model here carries them as
constraints. Phases that move meetings in ways the board does not check (annealing, polish,
MaxSAT, windows) do not run on an instance with limits or preferences.

The order of the objectives stays the contract's: priority first (proved where CP-SAT can), then
holes among schedules of that priority, where the single rest slot after `max_consecutive`
meetings in a row is no hole, then meetings outside the participants' preferred slots.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace

from ortools.sat.python import cp_model

from ..clock import Clock, Progress
from ..construct.greedy import construct, place_one
from ..model import Instance, Meeting, Participant, Result, Slot, changes_since
from ..placement import Board, Layout, Positions, board_priority, choice_count, iter_bits
from ..reasons import explain_unscheduled
from . import cpsat

# Above this many meeting×slot×table-pool Booleans the model here is not built: the greedy start,
# which keeps every limit, is the answer.
MODEL_LIMIT = 60_000
# Share of the time for objective (1) alone; the rest goes to holes and preferences.
PRIORITY_SHARE = 0.5


def without_breaks(instance: Instance) -> Instance:
    """The instance without its break slots, each session split at them (slot ids kept)."""
    if not instance.breaks:
        return instance
    breaks = instance.breaks
    slots: list[Slot] = []
    part: dict[str, int] = defaultdict(int)
    broken: set[str] = set()
    for s in instance.slots:
        if s.id in breaks:
            if s.session not in broken:
                broken.add(s.session)
            part[s.session] += 1
            continue
        session = s.session if part[s.session] == 0 else f"{s.session}\x1f{part[s.session]}"
        slots.append(replace(s, session=session))
    participants: list[Participant] = []
    for p in instance.participants:
        preferred = None if p.preferred_slots is None else p.preferred_slots - breaks
        participants.append(replace(p, available=p.available - breaks, preferred_slots=preferred))
    meetings: list[Meeting] = [
        m if m.slots is None else replace(m, slots=m.slots - breaks) for m in instance.meetings
    ]
    return Instance(
        tuple(slots),
        instance.tables,
        tuple(participants),
        tuple(meetings),
        instance.travel_minutes,
        frozenset(),
        instance.max_consecutive,
        instance.max_per_day,
    )


def holes(layout: Layout, busy: list[int]) -> int:
    """Holes of busy masks, where the one free slot after `max_consecutive` meetings in a row
    is a rest, not a hole (the checker's definition)."""
    total = 0
    follows = layout.follows
    for p, mask in enumerate(busy):
        in_a_row = layout.in_a_row[p]
        run, last = 0, -2
        for s in iter_bits(mask):
            if s == last + 1 and follows >> s & 1:
                run += 1
            else:
                if last >= 0 and layout.session_of[s] == layout.session_of[last]:
                    rest = s == last + 2 and run == in_a_row and follows >> s & 1
                    total += 0 if rest else 1
                run = 1
            last = s
    return total


def outside(layout: Layout, board: Board) -> int:
    """Meetings held outside a member's preferred slots, counted per member."""
    preferred = _preferred(layout)
    count = 0
    for mi, s in enumerate(board.slot):
        for p in layout.members[mi] if s >= 0 else ():
            wish = preferred[p]
            if wish is not None and not wish >> s & 1:
                count += 1
    return count


def _preferred(layout: Layout) -> list[int | None]:
    pos = layout.slot_pos
    return [
        None
        if person.preferred_slots is None
        else sum(1 << pos[sid] for sid in person.preferred_slots if sid in pos)
        for person in layout.instance.participants
    ]


class _Model:
    """Objective (1) and then holes and preferences, with every hard rule and the limits."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        # Helper Booleans of `shape`: (variable, participant, slots, kind).
        self.aux: list[tuple[cp_model.IntVar, int, tuple[int, ...], str]] = []
        m = self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int, int], cp_model.IntVar] = {}
        per_meeting: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        per_pool_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        per_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
        per_psv: dict[tuple[int, int, int], list[cp_model.IntVar]] = defaultdict(list)
        for mi in range(len(layout.meetings)):
            for s in iter_bits(layout.allowed[mi]):
                for v in layout.meeting_pools[mi]:
                    var = self.x[(mi, s, v)] = m.new_bool_var(f"x{mi}_{s}_{v}")
                    per_meeting[mi].append(var)
                    per_pool_slot[(v, s)].append(var)
                    for p in layout.members[mi]:
                        per_person_slot[(p, s)].append(var)
                        per_psv[(p, s, v)].append(var)
            if layout.meetings[mi].locked is not None:
                m.add_exactly_one(per_meeting[mi])
            elif len(per_meeting[mi]) > 1:
                m.add_at_most_one(per_meeting[mi])
        for (v, _s), vars_ in per_pool_slot.items():
            if len(vars_) > layout.capacity[v]:
                m.add(sum(vars_) <= layout.capacity[v])
        self.busy: dict[tuple[int, int], cp_model.LinearExpr] = {}
        slots_of: dict[int, list[int]] = defaultdict(list)
        for (p, s), vars_ in per_person_slot.items():
            if len(vars_) > 1:
                m.add_at_most_one(vars_)
            self.busy[(p, s)] = cp_model.LinearExpr.sum(vars_)
            slots_of[p].append(s)
        for p, slots in slots_of.items():
            slots.sort()
            if layout.max_meetings[p] < len(slots):
                m.add(sum(self.busy[(p, s)] for s in slots) <= layout.max_meetings[p])
            self._limits(p, slots)
        if layout.travel_pairs:
            cpsat.add_travel(layout, Board(layout), m, set(slots_of), per_psv)
        self.slots_of = slots_of
        keys = list(self.x)
        self.priority = cp_model.LinearExpr.weighted_sum(
            [self.x[k] for k in keys], [layout.priority[k[0]] for k in keys]
        )

    def _on(self, p: int, s: int) -> cp_model.LinearExpr:
        found = self.busy.get((p, s))
        return cp_model.LinearExpr.constant(0) if found is None else found

    def _limits(self, p: int, slots: list[int]) -> None:
        lay, m = self.layout, self.model
        per_day, in_a_row = lay.per_day[p], lay.in_a_row[p]
        if per_day:
            for day in lay.day_masks:
                here = [self.busy[(p, s)] for s in slots if day >> s & 1]
                if len(here) > per_day:
                    m.add(sum(here) <= per_day)
        if in_a_row:
            for s in slots:
                window = [s]
                t = s + 1
                while len(window) <= in_a_row and lay.follows >> t & 1:
                    window.append(t)
                    t += 1
                here = [self.busy[(p, u)] for u in window if (p, u) in self.busy]
                if len(window) == in_a_row + 1 and len(here) == len(window):
                    m.add(sum(here) <= in_a_row)

    def shape(self, weight: int, preferred: list[int | None]) -> cp_model.LinearExpr:
        """Holes times `weight` plus meetings outside preferred slots. The helper Booleans are
        kept with how to read them off a schedule, so that a hint can be complete."""
        lay, m = self.layout, self.model
        variables: list[cp_model.IntVar] = []
        weights: list[int] = []
        for p, slots in self.slots_of.items():
            sessions: dict[int, list[int]] = defaultdict(list)
            for s in slots:
                sessions[lay.session_of[s]].append(s)
            for sess, here in sessions.items():
                if len(here) < 2:
                    continue
                used = m.new_bool_var("")
                m.add(used <= cp_model.LinearExpr.sum([self._on(p, s) for s in here]))
                self.aux.append((used, p, tuple(here), "used"))
                variables.append(used)
                weights.append(-weight)
                for s in here:
                    start = m.new_bool_var("")
                    if lay.follows >> s & 1:
                        m.add(start >= self._on(p, s) - self._on(p, s - 1))
                    else:
                        m.add(start >= self._on(p, s))
                    self.aux.append((start, p, (s,), "start"))
                    variables.append(start)
                    weights.append(weight)
                for rest in self._rests(p, sess):
                    variables.append(rest)
                    weights.append(-weight)
            wish = preferred[p]
            if wish is not None:
                for (mi, s, _v), var in self.x.items():
                    if p in lay.members[mi] and not wish >> s & 1:
                        variables.append(var)
                        weights.append(1)
        return cp_model.LinearExpr.weighted_sum(variables, weights)

    def _rests(self, p: int, sess: int) -> list[cp_model.IntVar]:
        """Free slots right after `max_consecutive` meetings in a row and before another."""
        lay, m = self.layout, self.model
        k = lay.in_a_row[p]
        out: list[cp_model.IntVar] = []
        if not k:
            return out
        for s in range(k, lay.n_slots - 1):
            span = range(s - k, s + 2)
            if lay.session_of[s - k] != sess or any(not lay.follows >> t & 1 for t in span[1:]):
                continue
            if (p, s + 1) not in self.busy or any((p, t) not in self.busy for t in span[:k]):
                continue
            rest = m.new_bool_var("")
            m.add(rest <= 1 - self._on(p, s))
            m.add(rest <= self._on(p, s + 1))
            for t in span[:k]:
                m.add(rest <= self._on(p, t))
            self.aux.append((rest, p, (s, k), "rest"))
            out.append(rest)
        return out

    def hint(self, plan: Positions) -> None:
        """A complete hint: the schedule's Booleans and the helpers' values on it."""
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        for key, var in self.x.items():
            self.model.add_hint(var, plan.get(key[0]) == key[1:])
        on: set[tuple[int, int]] = set()
        for mi, (s, _v) in plan.items():
            on.update((p, s) for p in self.layout.members[mi])
        follows = self.layout.follows
        for var, p, slots, kind in self.aux:
            if kind == "used":
                value = any((p, s) in on for s in slots)
            elif kind == "start":
                s = slots[0]
                value = (p, s) in on and not (follows >> s & 1 and (p, s - 1) in on)
            else:
                s, k = slots
                value = (
                    (p, s) not in on
                    and (p, s + 1) in on
                    and all((p, t) in on for t in range(s - k, s))
                )
            self.model.add_hint(var, value)

    def solve(
        self,
        clock: Clock,
        seconds: float,
        seed: int,
        workers: int,
        hint: Positions,
        presolve: int = 1,
    ) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus] | None:
        if not clock.begin_step():
            return None
        self.hint(hint)
        solver = clock.cp_solver(seconds=seconds, seed=seed, workers=workers)
        solver.parameters.max_presolve_iterations = presolve
        status = solver.solve(self.model)
        clock.end_step(seconds)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return solver, status

    def plan(self, solver: cp_model.CpSolver) -> Positions:
        return {mi: (s, v) for (mi, s, v), var in self.x.items() if solver.boolean_value(var)}


def _hint(layout: Layout, board: Board, previous: Result | None) -> Positions:
    plan = {mi: (s, board.pool[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    if previous is not None:
        for a in previous.assignments:
            mi = layout.meeting_index.get(a.meeting)
            s = layout.slot_pos.get(a.slot)
            v = layout.pool_of_table.get(a.table)
            if mi is not None and s is not None and v is not None:
                plan.setdefault(mi, (s, v))
    return plan


def _load(board: Board, plan: Positions) -> None:
    for mi in range(len(board.layout.meetings)):
        board.remove(mi)
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)


def solve(
    instance: Instance,
    *,
    time_limit: float,
    seed: int,
    workers: int,
    progress: Callable[[Progress], None] | None,
    previous: Result | None,
    names: Mapping[str, str] | None,
    deterministic: bool,
    wall_limit: float | None,
) -> Result:
    """Schedule an instance with limits or preferences (breaks already taken out)."""
    clock = Clock(time_limit, progress, deterministic, wall_limit)
    layout = Layout(instance)
    board = construct(layout, seed)
    clock.first_complete = clock.best_at = clock.elapsed()
    stats: dict[str, object] = {"method": "greedy+humane"}
    bound = sum(layout.priority[mi] for mi in range(len(layout.meetings)) if layout.allowed[mi])
    clock.report("greedy", board, bound)
    if choice_count(layout) <= MODEL_LIMIT:
        clock.reserve = 0.05 * time_limit
        stats.update(_search(layout, board, clock, seed, workers, previous))
        bound = min(bound, int(stats.pop("bound", bound)))  # type: ignore[call-overload]
    for mi in range(len(layout.meetings)):
        if board.slot[mi] < 0:
            place_one(board, mi)
    clock.report("done", board, bound)
    assignments = board.assignments(
        preferred={} if previous is None else {a.meeting: a.table for a in previous.assignments}
    )
    unscheduled = explain_unscheduled(layout, board, names=names)
    stats.update(
        {
            "scheduled": len(assignments),
            "priority_scheduled": board_priority(board),
            "holes": holes(layout, board.busy),
            "outside_preferred": outside(layout, board),
            "priority_upper_bound": max(bound, board_priority(board)),
            "seconds": round(clock.elapsed(), 3),
            "seconds_to_first": round(clock.first_complete, 3),
            "seconds_to_best": round(clock.best_at, 3),
            "seed": seed,
            "time_limit": time_limit,
            "deterministic": deterministic,
            "stopped_by_clock": clock.stopped_by_clock,
        }
    )
    if previous is not None:
        stats.update(changes_since(previous, assignments, unscheduled))
    return Result(tuple(assignments), tuple(unscheduled), stats)


def _search(
    layout: Layout,
    board: Board,
    clock: Clock,
    seed: int,
    workers: int,
    previous: Result | None,
) -> dict[str, object]:
    """Objective (1) on the model with the limits, then holes and preferences at that priority;
    the board takes each schedule that is better."""
    model = _Model(layout)
    out: dict[str, object] = {}
    model.model.maximize(model.priority)
    found = model.solve(
        clock, PRIORITY_SHARE * clock.left(), seed, workers, _hint(layout, board, previous), 3
    )
    # Without a schedule from CP-SAT in its share (a large model, walking times) the holes and
    # preferences phase still starts from the greedy one, at its priority.
    if found is not None:
        _take_priority(layout, board, clock, model, found, out)
    return _shape(layout, board, clock, model, seed, workers, out)


def _take_priority(
    layout: Layout,
    board: Board,
    clock: Clock,
    model: _Model,
    found: tuple[cp_model.CpSolver, cp_model.CpSolverStatus],
    out: dict[str, object],
) -> None:
    solver, status = found
    value = round(solver.objective_value)
    proved = status == cp_model.OPTIMAL
    out["bound"] = value if proved else int(solver.best_objective_bound + 1e-6)
    out["priority_proved_optimal"] = proved
    if value >= board_priority(board):
        _load(board, model.plan(solver))
        clock.best_at = clock.elapsed()
        clock.report("most priority", board, int(out["bound"]))  # type: ignore[call-overload]


def _shape(
    layout: Layout,
    board: Board,
    clock: Clock,
    model: _Model,
    seed: int,
    workers: int,
    out: dict[str, object],
) -> dict[str, object]:
    priority = board_priority(board)
    model.model.add(model.priority >= priority)
    preferred = _preferred(layout)
    # Holes rank before preferences: one hole outweighs every preference together.
    weight = 1 + sum(len(layout.members[mi]) for mi in range(len(layout.meetings)))
    model.model.minimize(model.shape(weight, preferred))
    hint = {mi: (s, board.pool[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    found = model.solve(clock, clock.left(), seed, workers, hint)
    before = weight * holes(layout, board.busy) + outside(layout, board)
    if found is None:
        return out
    solver, status = found
    if round(solver.objective_value) < before:
        _load(board, model.plan(solver))
        clock.best_at = clock.elapsed()
        out["method"] = "greedy+humane+cp-sat"
    # Proved: no schedule of this priority has fewer holes, then fewer meetings outside
    # preferences (the board holds the optimum: it took it, or was as good).
    out["holes_and_preferences_proved_optimal"] = status == cp_model.OPTIMAL
    return out
