"""The CP-SAT model of a schedule, over a chosen set of free meetings with all others fixed.

The whole instance is the case "every meeting free"; large-neighbourhood search frees a few.
Holes are counted per participant and session as (blocks of busy slots) − 1, where a block
starts at each 0→1 transition of a busy Boolean; general tables are a per-slot capacity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from ..placement import Board, Layout
from .compact import MAX_INTERVALS, add_compact, count_intervals


@dataclass(slots=True)
class Weights:
    priority: int
    moves: int
    holes: int
    fairness: int


@dataclass(slots=True)
class Window:
    """A built model and the handles needed to read a solution back."""

    model: cp_model.CpModel
    x: dict[tuple[int, int, int], cp_model.IntVar]
    priority: cp_model.LinearExpr
    moves: cp_model.LinearExpr
    holes: cp_model.LinearExpr
    holed: cp_model.LinearExpr
    fairness: cp_model.LinearExpr
    # Split steps (holes beyond the first, per agenda, up to a cap); only with `compact`.
    split: cp_model.LinearExpr = field(default_factory=lambda: cp_model.LinearExpr.constant(0))
    # The idle-time (or, with `compact`, loose) flag of each participant and session.
    flags: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)


def build(
    layout: Layout,
    board: Board,
    free: Iterable[int],
    *,
    previous: dict[int, tuple[int, int]] | None = None,
    fairness: bool = True,
    all_scheduled: bool = False,
    spans_only: bool = False,
    compact: bool = False,
) -> Window:
    """Model the free meetings; the board holds everything else, which stays where it is.

    `spans_only` leaves out the exact hole count and counts participant-sessions with idle time
    in their span instead: a leaner model that finds near hole-free schedules much faster; the
    exact count is then polished from its solution. `compact` adds the compact-or-loose
    interval structure (compact.py); `Window.holed` then counts loose agendas and
    `Window.split` their extra holes.
    """
    free_set = set(free)
    for mi in free_set:
        board.remove(mi)
    model = cp_model.CpModel()
    x: dict[tuple[int, int, int], cp_model.IntVar] = {}
    per_meeting: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_pool_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    per_person_slot_pool: dict[tuple[int, int, int], list[cp_model.IntVar]] = defaultdict(list)
    travel = bool(layout.travel_pairs)
    for mi in sorted(free_set):
        for s in _iter(board.free_mask(mi)):
            for v in layout.meeting_pools[mi]:
                if not board.room[v] >> s & 1:
                    continue
                var = model.new_bool_var(f"x{mi}_{s}_{v}")
                x[(mi, s, v)] = var
                per_meeting[mi].append(var)
                per_pool_slot[(v, s)].append(var)
                for p in layout.members[mi]:
                    per_person_slot[(p, s)].append(var)
                    if travel:
                        per_person_slot_pool[(p, s, v)].append(var)
    for mi in free_set:
        if layout.meetings[mi].locked is not None or all_scheduled:
            model.add_exactly_one(per_meeting[mi])
        elif len(per_meeting[mi]) > 1:
            model.add_at_most_one(per_meeting[mi])
    for (v, s), vars_ in per_pool_slot.items():
        room = layout.capacity[v] - board.used[v][s]
        if len(vars_) > room:
            model.add(sum(vars_) <= room)
    touched: set[int] = set()
    for mi in free_set:
        touched.update(layout.members[mi])
    busy: dict[tuple[int, int], cp_model.IntVar | int] = {}
    for p in touched:
        mine = [mi for mi in layout.by_person[p] if mi in free_set]
        limit = layout.max_meetings[p] - board.count[p]
        if limit < len(mine):
            model.add(sum(v for mi in mine for v in per_meeting[mi]) <= limit)
        for s in range(layout.n_slots):
            vars_ = per_person_slot.get((p, s), [])
            if board.busy[p] >> s & 1:
                busy[(p, s)] = 1
            elif not vars_:
                busy[(p, s)] = 0
            else:
                b = model.new_bool_var(f"b{p}_{s}")
                model.add(sum(vars_) == b)
                busy[(p, s)] = b
    _add_seats(layout, board, model, free_set, busy)
    if travel:
        add_travel(layout, board, model, touched, per_person_slot_pool)
    hole_terms: list[cp_model.LinearExprT] = []
    flags: dict[tuple[int, int], cp_model.IntVar] = {}
    if not spans_only:
        hole_terms, flags = _holes(layout, model, touched, busy)
    split: list[cp_model.IntVar] = []
    intervals = compact and (
        count_intervals(layout, free_set, touched, busy, all_scheduled) <= MAX_INTERVALS
    )
    if intervals:
        split = add_compact(layout, model, board, free_set, touched, busy, flags, all_scheduled)
    time_of = _add_all_different(layout, model, free_set, touched, x, all_scheduled)
    idles: list[cp_model.IntVar] = []
    if not (intervals and spans_only):
        # The intervals say all that spans would about compact agendas; leaner without them.
        idles = _add_spans(layout, model, board, touched, x, time_of, flags, all_scheduled)
    if spans_only:
        # Participants with idle time first, then idle slots, so agendas stay compact.
        hole_terms = [(layout.n_slots + 1) * f for f in flags.values()]
        hole_terms += idles
    keys = list(x)
    priority = cp_model.LinearExpr.weighted_sum(
        [x[k] for k in keys], [layout.priority[k[0]] for k in keys]
    )
    moves = cp_model.LinearExpr.constant(0)
    if previous:
        kept = [
            x[(mi, *previous[mi])] for mi in free_set if mi in previous and (mi, *previous[mi]) in x
        ]
        count = sum(1 for mi in free_set if mi in previous)
        moves = cp_model.LinearExpr.affine(cp_model.LinearExpr.sum(kept), -1, count)
    fair: cp_model.LinearExpr = cp_model.LinearExpr.constant(0)
    if fairness and touched:
        most = max(len(layout.by_person[p]) for p in touched)
        worst = model.new_int_var(0, most, "worst_loss")
        for p in touched:
            mine = [mi for mi in layout.by_person[p] if mi in free_set]
            if not mine:
                continue
            fixed_missing = sum(
                1 for mi in layout.by_person[p] if mi not in free_set and board.slot[mi] < 0
            )
            model.add(
                worst >= fixed_missing + len(mine) - sum(v for mi in mine for v in per_meeting[mi])
            )
        fair = worst
    return Window(
        model,
        x,
        priority,
        moves,
        cp_model.LinearExpr.sum(hole_terms),
        cp_model.LinearExpr.sum(list(flags.values())),
        fair,
        cp_model.LinearExpr.sum(split),
        flags,
    )


def _add_spans(
    layout: Layout,
    model: cp_model.CpModel,
    board: Board,
    touched: set[int],
    x: dict[tuple[int, int, int], cp_model.IntVar],
    time_of: dict[int, cp_model.IntVar],
    flags: dict[tuple[int, int], cp_model.IntVar],
    all_scheduled: bool,
) -> list[cp_model.IntVar]:
    """A participant without holes has its meetings of a session in an interval as long as
    their count. The earliest and latest meeting time (min/max constraints) say so directly,
    which together with the all-different pins agendas down fast.

    A meeting held in another session (or not at all) counts at the session's last slot for
    the minimum and its first slot for the maximum, so it changes neither.
    """
    at: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for (mi, s, _), var in x.items():
        at[(mi, s)].append(var)
    idles: list[cp_model.IntVar] = []
    for p in touched:
        mine = [mi for mi in layout.by_person[p] if mi in time_of]
        for sess, sess_mask in enumerate(layout.session_mask):
            slots = _iter(sess_mask)
            fixed = [s for s in slots if board.busy[p] >> s & 1]
            if layout.n_sessions == 1 and all_scheduled:
                times: list[cp_model.LinearExprT] = [time_of[mi] for mi in mine]
                low: list[cp_model.LinearExprT] = list(times)
                high = list(times)
                count: cp_model.LinearExpr = cp_model.LinearExpr.constant(len(mine))
            else:
                low, high, counted = [], [], []
                for mi in mine:
                    terms = [(s, var) for s in slots for var in at.get((mi, s), [])]
                    if not terms:
                        continue
                    inside = cp_model.LinearExpr.sum([var for _, var in terms])
                    placed = cp_model.LinearExpr.weighted_sum(
                        [var for _, var in terms], [s for s, _ in terms]
                    )
                    low.append(placed + slots[-1] - slots[-1] * inside)
                    high.append(placed + slots[0] - slots[0] * inside)
                    counted.append(inside)
                count = cp_model.LinearExpr.sum(counted)
            if len(low) + len(fixed) < 2 or not low:
                continue
            low += fixed
            high += fixed
            flag = flags.get((p, sess))
            if flag is None:
                flag = flags[(p, sess)] = model.new_bool_var("")
            lo = model.new_int_var(slots[0], slots[-1], "")
            hi = model.new_int_var(slots[0], slots[-1], "")
            model.add_min_equality(lo, low)
            model.add_max_equality(hi, high)
            model.add(hi - lo + 1 - count - len(fixed) <= len(slots) * flag)
            idle = model.new_int_var(0, len(slots), "")
            model.add(idle >= hi - lo + 1 - count - len(fixed))
            idles.append(idle)
    return idles


def _add_seats(
    layout: Layout,
    board: Board,
    model: cp_model.CpModel,
    free_set: set[int],
    busy: dict[tuple[int, int], cp_model.IntVar | int],
) -> None:
    """Redundant: the people busy in a slot fit at its tables (two per table when meetings are
    pairs).

    It follows from the meetings, but only through their Booleans; stated on the busy
    Booleans it reaches the compact intervals directly, so choosing agendas cannot crowd a
    slot past its tables. Measured on the real forums, it is what lets CP-SAT find the
    hole-free schedule of tic-14crafc in about a second instead of none in 30 s, and prove
    forum-14's two loose agendas optimal in 9 s.
    """
    seats: dict[int, dict[int, int]] = defaultdict(dict)  # slot -> table pool -> largest meeting
    wanted = [0] * layout.n_slots  # people in the free meetings that may use each slot
    for mi in free_set:
        size = len(layout.members[mi])
        for s in _iter(board.free_mask(mi)):
            wanted[s] += size
            for v in layout.meeting_pools[mi]:
                if board.room[v] >> s & 1:
                    seats[s][v] = max(seats[s].get(v, 0), size)
    people: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    for (_, s), b in busy.items():
        if not isinstance(b, int):
            people[s].append(b)
    for s, vars_ in people.items():
        room = sum((layout.capacity[v] - board.used[v][s]) * size for v, size in seats[s].items())
        if min(room, wanted[s]) < len(vars_):
            model.add(sum(vars_) <= min(room, wanted[s]))


def _add_all_different(
    layout: Layout,
    model: cp_model.CpModel,
    free_set: set[int],
    touched: set[int],
    x: dict[tuple[int, int, int], cp_model.IntVar],
    all_scheduled: bool,
) -> dict[int, cp_model.IntVar]:
    """Redundant all-different on each participant's meeting times, for Hall-set reasoning.

    An unscheduled meeting takes a value of its own past the last slot, so it never clashes.
    """
    time_of: dict[int, cp_model.IntVar] = {}
    by_meeting: dict[int, list[tuple[int, cp_model.IntVar]]] = defaultdict(list)
    for (mi, s, _), var in x.items():
        by_meeting[mi].append((s, var))
    for mi in free_set:
        if not by_meeting[mi]:
            continue
        outside = layout.n_slots + mi
        values = {s for s, _ in by_meeting[mi]}
        if not all_scheduled:
            values.add(outside)
        t = model.new_int_var_from_domain(cp_model.Domain.from_values(sorted(values)), f"t{mi}")
        if all_scheduled:
            model.add(t == sum(s * var for s, var in by_meeting[mi]))
        else:
            model.add(t == outside + sum((s - outside) * var for s, var in by_meeting[mi]))
        time_of[mi] = t
    for p in touched:
        times = [time_of[mi] for mi in layout.by_person[p] if mi in time_of]
        if len(times) > 2:
            model.add_all_different(times)
    return time_of


def _iter(mask: int) -> list[int]:
    out: list[int] = []
    s = 0
    while mask:
        if mask & 1:
            out.append(s)
        mask >>= 1
        s += 1
    return out


def _holes(
    layout: Layout,
    model: cp_model.CpModel,
    touched: set[int],
    busy: dict[tuple[int, int], cp_model.IntVar | int],
) -> tuple[list[cp_model.LinearExprT], dict[tuple[int, int], cp_model.IntVar]]:
    """Exact holes per participant and session, with the structure that lets CP-SAT reason.

    `first[s]` (a meeting at or before s) and `last[s]` (a meeting at or after s) are monotone
    chains; the span they cover minus the busy slots is the idle time, and a hole begins
    wherever a busy slot is followed by a free one while `last` is still true. A Boolean
    `holed` says idle time exists; summing those is a strong first objective because zero
    idle time turns each agenda into an interval that propagates well.
    """
    terms: list[cp_model.LinearExprT] = []
    flags: dict[tuple[int, int], cp_model.IntVar] = {}
    for p in touched:
        for sess, sess_mask in enumerate(layout.session_mask):
            slots = _iter(sess_mask)
            values = [busy[(p, s)] for s in slots]
            if all(isinstance(b, int) for b in values):
                ones = [b for b in values if isinstance(b, int)]
                starts = sum(1 for i, b in enumerate(ones) if b and (i == 0 or not ones[i - 1]))
                terms.append(max(0, starts - 1))
                continue
            bs = [b if not isinstance(b, int) else model.new_constant(b) for b in values]
            n = len(bs)
            first = [model.new_bool_var("") for _ in bs]
            last = [model.new_bool_var("") for _ in bs]
            for i in range(n):
                model.add_implication(bs[i], first[i])
                model.add_implication(bs[i], last[i])
                if i == 0:
                    model.add(first[0] == bs[0])
                else:
                    model.add_implication(first[i - 1], first[i])
                    model.add_bool_or([first[i - 1], bs[i], ~first[i]])
                if i == n - 1:
                    model.add(last[i] == bs[i])
                else:
                    model.add_implication(last[i + 1], last[i])
                    model.add_bool_or([last[i + 1], bs[i], ~last[i]])
            holed = model.new_bool_var("")
            # span = Σ(first + last) − n when the participant meets at all (last[0] true).
            model.add(sum(first) + sum(last) - n * last[0] - sum(bs) <= n * holed)
            hole_starts: list[cp_model.IntVar] = []
            for i in range(1, n):
                hole = model.new_bool_var("")
                model.add_bool_or([hole, ~bs[i - 1], bs[i], ~last[i]])
                model.add_implication(hole, bs[i - 1])
                model.add_implication(hole, ~bs[i])
                model.add_implication(hole, last[i])
                model.add_implication(hole, holed)
                hole_starts.append(hole)
            model.add(sum(hole_starts) >= holed)
            flags[(p, sess)] = holed
            terms.append(sum(hole_starts))
    return terms, flags


def add_travel(
    layout: Layout,
    board: Board,
    model: cp_model.CpModel,
    touched: set[int],
    per_person_slot_pool: dict[tuple[int, int, int], list[cp_model.IntVar]],
) -> None:
    """Forbid two meetings of one participant too close for the walk between their table pools.

    Applied to every pair on a day rather than consecutive ones only: slightly stricter than the
    rule, but a meeting squeezed between two far-apart ones would need the walk as well.
    """
    spots_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for p, s, v in per_person_slot_pool:
        spots_of[p].append((s, v))
    for p in touched:
        spots = sorted(spots_of[p])
        for i, (s1, v1) in enumerate(spots):
            for s2, v2 in spots[i + 1 :]:
                if s1 != s2 and not layout.walk_ok(s1, v1, s2, v2):
                    first = per_person_slot_pool[(p, s1, v1)]
                    second = per_person_slot_pool[(p, s2, v2)]
                    model.add(sum(first) + sum(second) <= 1)
        for s1, v1 in board.where[p].items():
            for s2, v2 in spots:
                ok = layout.walk_ok(s1, v1, s2, v2) if s1 < s2 else layout.walk_ok(s2, v2, s1, v1)
                if not ok:
                    for var in per_person_slot_pool[(p, s2, v2)]:
                        model.add(var == 0)


def read(window: Window, solver: cp_model.CpSolver, board: Board) -> None:
    """Write the solver's placement of the free meetings back onto the board."""
    for (mi, s, v), var in window.x.items():
        if solver.boolean_value(var):
            board.place(mi, s, v)


def add_full_hint(
    model: cp_model.CpModel, values: dict[cp_model.IntVar, bool], seconds: float = 5.0
) -> bool:
    """Hint every variable, auxiliary ones included, by propagating the given placement.

    CP-SAT often fails to complete a hint that covers the placement Booleans only, so it would
    start from scratch; solving with the placement fixed is pure propagation and cheap. The
    objective, when already set, stays: it picks the best auxiliary values (a compact agenda is
    then hinted as compact, not loose).
    """
    probe = model.clone()
    for var, value in values.items():
        probe.add(probe.get_bool_var_from_proto_index(var.index) == int(value))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    status = solver.solve(probe)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for var, value in values.items():
            model.add_hint(var, value)
        return False
    for index in range(len(model.proto.variables)):
        var = model.get_int_var_from_proto_index(index)
        model.add_hint(var, solver.value(var))
    return True
