"""Compact-or-loose agendas: the structure that makes hole-free schedules easy to reason about.

A participant without a hole in a session has its meetings there fill one interval of slots
[a, a + length). For every participant and session the model gets one Boolean per feasible
interval (start and length) plus a `loose` flag, exactly one of them true. When an interval is
chosen, the participant is busy exactly on it; when `loose` is true nothing is implied.

Why it helps: on real forums almost every participant ends up compact, and this set-partitioning
view of an agenda has an LP relaxation whose bound on the number of loose agendas is close to
the optimal number of holes (it is the optimum on forum-14), while the exact hole count alone
gives CP-SAT a bound near zero. Minimising loose agendas first steers the search to near
hole-free schedules; the exact count then works on the few loose agendas that are left.
"""

from __future__ import annotations

from collections.abc import Mapping

from ortools.sat.python import cp_model

from ..placement import Board, Layout, iter_bits

# Above this many interval Booleans per model the structure costs more than it brings.
MAX_INTERVALS = 60_000
# Holes per agenda counted exactly by loose plus split steps (see `_blocks`).
SPLIT_STEPS = 2

Busy = Mapping[tuple[int, int], cp_model.IntVar | int]


def count_intervals(
    layout: Layout, free: set[int], touched: set[int], busy: Busy, all_scheduled: bool
) -> int:
    """How many interval Booleans `add_compact` would create; the caller decides whether to."""
    total = 0
    for p in touched:
        for sess_mask in layout.session_mask:
            slots = iter_bits(sess_mask)
            total += len(_intervals(layout, free, p, slots, busy, all_scheduled))
    return total


def add_compact(
    layout: Layout,
    model: cp_model.CpModel,
    board: Board,
    free: set[int],
    touched: set[int],
    busy: Busy,
    flags: dict[tuple[int, int], cp_model.IntVar],
    all_scheduled: bool,
) -> list[cp_model.IntVar]:
    """Add interval Booleans per participant and session; `flags[(p, session)]` is the loose
    flag (created when missing), so the caller's idle-time flag and `loose` are one variable.

    Returns the split steps of every agenda (see `_blocks`). With every meeting scheduled it
    also states that a participant's busy slots equal its number of meetings, which the model
    only implies through the meetings; stated on the busy Booleans, it propagates together
    with the intervals.
    """
    split: list[cp_model.IntVar] = []
    for p in touched:
        for sess, sess_mask in enumerate(layout.session_mask):
            slots = iter_bits(sess_mask)
            values = [busy.get((p, s), 0) for s in slots]
            if all(isinstance(b, int) for b in values):
                continue
            flag = flags.get((p, sess))
            if flag is None:
                flag = flags[(p, sess)] = model.new_bool_var(f"loose{p}_{sess}")
            chosen = _intervals(layout, free, p, slots, busy, all_scheduled)
            starts = {iv: model.new_bool_var(f"iv{p}_{iv[0]}_{iv[1]}") for iv in chosen}
            model.add_exactly_one([*starts.values(), flag])
            split += _blocks(model, slots, values, starts, flag)
            for s, b in zip(slots, values, strict=True):
                cover = [var for (a, n), var in starts.items() if a <= s < a + n]
                if isinstance(b, int):
                    if b:
                        model.add(sum(cover) + flag >= 1)
                    else:
                        for var in cover:
                            model.add(var == 0)
                    continue
                if cover:
                    model.add(b >= sum(cover))
                    model.add(b <= sum(cover) + flag)
                else:
                    model.add_implication(b, flag)
    if all_scheduled:
        for p in touched:
            mine = [busy[(p, s)] for s in range(layout.n_slots) if (p, s) in busy]
            meetings = board.count[p] + sum(1 for mi in layout.by_person[p] if mi in free)
            model.add(sum(mine) == meetings)
    return split


def _blocks(
    model: cp_model.CpModel,
    slots: list[int],
    values: list[cp_model.IntVar | int],
    starts: dict[tuple[int, int], cp_model.IntVar],
    loose: cp_model.IntVar,
) -> list[cp_model.IntVar]:
    """Count busy blocks (a block starts at each free-to-busy step) and return the split
    steps: step i is true when the agenda has more than i + 1 holes.

    A loose agenda has at least two blocks. Loose plus split steps counts holes exactly up to
    SPLIT_STEPS + 1 per agenda and flat above: the search minimising it can pass through
    badly split agendas, which it cannot when every hole counts (measured on forum-14: the
    exact count stalls near the greedy's 29 holes while this reaches about 10).
    """
    block_starts: list[cp_model.LinearExprT] = []
    before: cp_model.IntVar | int = 0
    for s, b in zip(slots, values, strict=True):
        opening = [var for (a, n), var in starts.items() if a == s and n > 0]
        if isinstance(b, int) and isinstance(before, int):
            block_starts.append(int(b and not before))
        else:
            start = model.new_bool_var("")
            model.add(start >= b - before)
            for var in opening:
                model.add_implication(var, start)
            block_starts.append(start)
        before = b
    model.add(sum(block_starts) >= 2 * loose)
    steps: list[cp_model.IntVar] = []
    before_step = loose
    for allowed in range(2, 2 + SPLIT_STEPS):
        step = model.new_bool_var("")
        model.add_implication(step, before_step)
        model.add(sum(block_starts) <= allowed + len(slots) * step)
        steps.append(step)
        before_step = step
    return steps


def _intervals(
    layout: Layout,
    free: set[int],
    p: int,
    slots: list[int],
    busy: Busy,
    all_scheduled: bool,
) -> list[tuple[int, int]]:
    """Feasible (start, length) intervals of participant p in one session.

    An interval must lie where p can be busy, hold every slot p is already fixed in, and have
    a length no larger than the meetings p can still have there. With every meeting scheduled
    in a one-session instance the length is exactly p's number of meetings, and each meeting
    needs an allowed slot inside; length 0 stands for "no meeting in this session".
    """
    possible = {s for s in slots if not isinstance(busy.get((p, s), 0), int) or busy[(p, s)]}
    fixed = {s for s in slots if isinstance(busy.get((p, s), 0), int) and busy.get((p, s)) == 1}
    mine = [mi for mi in layout.by_person[p] if mi in free]
    if layout.n_sessions == 1 and all_scheduled:
        lengths = [len(mine) + len(fixed)]
    else:
        sess_mask = sum(1 << s for s in slots)
        can = sum(1 for mi in mine if layout.allowed[mi] & sess_mask)
        most = min(len(possible), len(fixed) + can, layout.max_meetings[p])
        lengths = list(range(max(1, len(fixed)), most + 1))
        if not fixed:
            lengths.insert(0, 0)
    out: list[tuple[int, int]] = []
    first, last = slots[0], slots[-1]
    for n in lengths:
        if n == 0:
            out.append((first, 0))
            continue
        for a in range(first, last - n + 2):
            inside = range(a, a + n)
            if any(s not in possible for s in inside):
                continue
            if any(s < a or s >= a + n for s in fixed):
                continue
            if layout.n_sessions == 1 and all_scheduled:
                window = ((1 << n) - 1) << a
                if not all(layout.allowed[mi] & window for mi in mine):
                    continue
            out.append((a, n))
    return out
