"""Hole-closing local search in pure Python: move a meeting into a slot next to its
participants' other meetings, or swap two meetings of one participant, whenever that lowers the
holes of everyone involved. Priority never changes, so any result stays as good as the start.

Cheap enough (bit operations per move) to run on expo-size schedules.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence

from ..clock import Clock
from ..placement import Board, Layout, iter_bits, person_holes

# Longest Kempe chain the descent swaps.
KEMPE_LIMIT = 80


def _near(layout: Layout, busy: int) -> int:
    """Free slots next to a busy slot of the same session."""
    near = (busy << 1) | (busy >> 1)
    mask = 0
    for sess in layout.session_mask:
        if busy & sess:
            mask |= sess
    return near & mask & ~busy


def _try_move(board: Board, mi: int) -> bool:
    layout = board.layout
    s = board.slot[mi]
    members = layout.members[mi]
    bit = 1 << s
    free = board.free_mask_ignoring(mi)
    targets = 0
    for p in members:
        targets |= _near(layout, board.busy[p] & ~bit)
    targets &= free & ~bit
    if not targets:
        return False
    before = sum(person_holes(layout, board.busy[p]) for p in members)
    best, best_delta = -1, 0
    for t in iter_bits(targets):
        moved = (1 << t) - bit
        after = sum(person_holes(layout, board.busy[p] + moved) for p in members)
        if after - before < best_delta:
            best, best_delta = t, after - before
    if best < 0:
        return False
    old_v = board.pool[mi]
    board.remove(mi)
    v = board.pool_for(mi, best)
    if v < 0:
        board.place(mi, s, old_v)
        return False
    board.place(mi, best, v)
    return True


def _try_swap(board: Board, p: int, rng: random.Random) -> bool:
    """Swap the slots of two of p's meetings; p's agenda is unchanged, the partners' improve."""
    layout = board.layout
    mine = [mi for mi in layout.by_person[p] if board.slot[mi] >= 0]
    mine = [mi for mi in mine if not board.pinned[mi]]
    if len(mine) < 2:
        return False
    rng.shuffle(mine)
    for i, a in enumerate(mine[:8]):
        for b in mine[i + 1 : 9]:
            sa, sb = board.slot[a], board.slot[b]
            others_a = [q for q in layout.members[a] if q != p]
            others_b = [q for q in layout.members[b] if q != p]
            if set(others_a) & set(others_b):
                continue
            if not (layout.allowed[a] >> sb & 1 and layout.allowed[b] >> sa & 1):
                continue
            if any(board.busy[q] >> sb & 1 for q in others_a):
                continue
            if any(board.busy[q] >> sa & 1 for q in others_b):
                continue
            da, db = (1 << sb) - (1 << sa), (1 << sa) - (1 << sb)
            before = sum(person_holes(layout, board.busy[q]) for q in others_a + others_b)
            after = sum(person_holes(layout, board.busy[q] + da) for q in others_a)
            after += sum(person_holes(layout, board.busy[q] + db) for q in others_b)
            if after >= before:
                continue
            va, vb = board.pool[a], board.pool[b]
            board.remove(a)
            board.remove(b)
            nva, nvb = board.pool_for(a, sb), -1
            if nva >= 0:
                board.place(a, sb, nva)
                nvb = board.pool_for(b, sa)
                if nvb >= 0:
                    board.place(b, sa, nvb)
                    return True
                board.remove(a)
            board.place(a, sa, va)
            board.place(b, sb, vb)
    return False


def kempe_chain(
    m: int,
    a: int,
    b: int,
    *,
    slot: Sequence[int],
    held: Sequence[Mapping[int, int]],
    members: Sequence[tuple[int, ...]],
    allowed: Sequence[int],
    fixed: Sequence[bool],
    limit: int,
) -> list[int] | None:
    """The meetings reachable from m (held in slot a or b) through shared participants among
    those held in slots a and b: swapping a and b for all of them keeps everyone single-booked.
    None when one of them is fixed or may not take the other slot, or there are over `limit`.
    `held[p]` maps each slot where participant p meets to the meeting held there."""
    chain = [m]
    seen = {m}
    i = 0
    while i < len(chain):
        x = chain[i]
        i += 1
        target = b if slot[x] == a else a
        if fixed[x] or not allowed[x] >> target & 1:
            return None
        for q in members[x]:
            other = held[q].get(target)
            if other is not None and other not in seen:
                if len(chain) == limit:
                    return None
                seen.add(other)
                chain.append(other)
    return chain


def _try_kempe(board: Board, p: int, rng: random.Random, sideways: bool = False) -> bool:
    """Fill a hole of p with one of p's meetings by swapping two slots along a Kempe chain."""
    layout = board.layout
    busy = board.busy[p]
    for sess in layout.session_mask:
        mine = busy & sess
        if not mine:
            continue
        low = mine & -mine
        span = (1 << mine.bit_length()) - low
        hole_slots = iter_bits(span & ~mine)
        if not hole_slots:
            continue
        rng.shuffle(hole_slots)
        ends = iter_bits(mine)
        rng.shuffle(ends)
        for a in hole_slots[:4]:
            for b in ends[:6]:
                mi = board.meeting_at(p, b)
                if mi < 0 or board.pinned[mi]:
                    continue
                chain = kempe_chain(
                    mi,
                    a,
                    b,
                    slot=board.slot,
                    held=board.held,
                    members=layout.members,
                    allowed=layout.allowed,
                    fixed=board.pinned,
                    limit=KEMPE_LIMIT,
                )
                if chain is not None and _apply_if_better(board, chain, a, b, sideways):
                    return True
    return False


def _apply_if_better(
    board: Board, chain: list[int], a: int, b: int, sideways: bool = False
) -> bool:
    """Swap slots a and b for the chain if holes drop (or, `sideways`, stay equal)."""
    layout = board.layout
    flip = (1 << a) | (1 << b)
    change: dict[int, int] = {}
    for m in chain:
        for q in layout.members[m]:
            change[q] = change.get(q, 0) ^ (1 << board.slot[m])
    delta = 0
    for q, bits in change.items():
        if bits == flip:
            continue  # busy in both slots before and after
        new = board.busy[q] ^ flip
        delta += person_holes(layout, new) - person_holes(layout, board.busy[q])
    if delta > 0 or (delta == 0 and not sideways):
        return False
    old = [(m, board.slot[m], board.pool[m]) for m in chain]
    for m in chain:
        board.remove(m)
    placed: list[int] = []
    for m, s, _ in old:
        t = a if s == b else b
        v = board.pool_for(m, t)
        if v < 0:
            for done in placed:
                board.remove(done)
            for m2, s2, v2 in old:
                board.place(m2, s2, v2)
            return False
        board.place(m, t, v)
        placed.append(m)
    return True


# Participants examined per second on a 2-core test machine; turns a time into a work budget.
STEPS_PER_SECOND = 2_500


def close_holes(
    board: Board, *, deadline: float, seed: int = 0, budget: int | None = None
) -> tuple[int, int]:
    """Improve until no move helps, the work budget (participants examined) is spent or time
    is up; returns the number of holes removed and the steps taken. With a budget the result does not depend on
    the machine's speed, as long as the deadline (then only a guard) is not reached first."""
    layout = board.layout
    rng = random.Random(seed)
    steps = 0
    start = sum(person_holes(layout, b) for b in board.busy)
    stale = 0
    for rounds in range(10_000):
        holed = [p for p, b in enumerate(board.busy) if person_holes(layout, b) > 0]
        rng.shuffle(holed)
        changed = False
        for k, p in enumerate(holed):
            steps += 1
            out_of_work = budget is not None and steps > budget
            if out_of_work or (k % 64 == 0 and time.perf_counter() > deadline):
                return start - sum(person_holes(layout, b) for b in board.busy), steps
            if person_holes(layout, board.busy[p]) == 0:
                continue
            for mi in layout.by_person[p]:
                if board.slot[mi] >= 0 and not board.pinned[mi]:
                    changed |= _try_move(board, mi)
            if person_holes(layout, board.busy[p]) > 0:
                changed |= _try_swap(board, p, rng)
            # Kempe swaps stay valid with travel times: all chain meetings are lifted first and
            # each is put back only where `pool_for` finds time to walk (`Layout.walks_fit`).
            if person_holes(layout, board.busy[p]) > 0:
                changed |= _try_kempe(board, p, rng)
                if not changed and rounds % 2:
                    # Equal-holes swaps let the search drift off a plateau.
                    _try_kempe(board, p, rng, sideways=True)
        stale = 0 if changed else stale + 1
        if stale > 6 or not holed:
            break
    return start - sum(person_holes(layout, b) for b in board.busy), steps


def run_polish(clock: Clock, board: Board, share: float, seed: int) -> bool:
    """The hole-closing local search on `share` of the time the clock has left; returns whether
    it removed a hole. Deterministic, its budget is steps, charged to the clock."""
    seconds = share * clock.left()
    budget = int(seconds * STEPS_PER_SECOND) if clock.deterministic else None
    deadline = clock.deadline if clock.deterministic else time.perf_counter() + seconds
    removed, steps = close_holes(board, deadline=deadline, seed=seed, budget=budget)
    clock.charge(steps / STEPS_PER_SECOND)
    return removed > 0
