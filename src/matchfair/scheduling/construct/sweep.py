"""Compact construction: fill the day slot by slot, so each agenda grows as one block per session.

Holes are cheap to avoid while building and dear to close afterwards. Going through the slots in
time order, a participant is *fresh* in a session until its first meeting there, *active* while it
met in the slot just before, and *done* once it skipped a slot after meeting: any later meeting in
that session would open a hole. Each slot takes a greedy matching of the meetings left, active
participants first (keeping them busy keeps their block growing), then those with the least slack
(meetings left against the slots they can still use), so nobody is stranded at the end of the day.
A done participant resumes only when its slack is negative, when skipping would cost a meeting.
Meetings still left at the end go through the ordinary greedy with repair.
"""

from __future__ import annotations

import random

import numpy as np
import numpy.typing as npt

from ..placement import Board, Layout, board_holes, board_priority
from .greedy import construct, place_locked, place_one, repair

# Score of a participant that met in the slot before: it keeps its block growing.
ACTIVE = 10.0
# Weight of urgency, 1 / (1 + slack): a participant with no slack must meet in every slot left.
URGENCY = 5.0
# Penalty for a meeting that makes a done participant resume (it opens a hole).
RESUME = 20.0
# Score of a participant that must not meet in this slot; any sum with it stays below zero.
BARRED = -1e9

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# Meetings walked before numpy filters the ranking again (doubles each time).
MATCH_BLOCK = 512


def _slots_after(layout: Layout) -> tuple[list[int], list[int]]:
    """Per slot t: slots from t to the end of its session, and slots in later sessions."""
    in_session = [0] * layout.n_slots
    later = [0] * layout.n_slots
    for t in range(layout.n_slots - 1, -1, -1):
        same = t + 1 < layout.n_slots and layout.session_of[t + 1] == layout.session_of[t]
        in_session[t] = 1 + (in_session[t + 1] if same else 0)
        if t + 1 < layout.n_slots:
            later[t] = later[t + 1] + (0 if same else in_session[t + 1])
    return in_session, later


def compact_start(layout: Layout, seed: int = 0) -> Board:
    """The first complete schedule of a fresh solve, holes kept few from the start.

    The sweep ranks by compactness before priority, so when it leaves meetings out the
    priority-first greedy (`greedy.construct`) may hold more priority; sweeping exactly the
    meetings the greedy chose then usually keeps that priority with far fewer holes. The best
    board, by priority and then holes, is kept.
    """
    board = Board(layout)
    place_locked(board)
    sweep(layout, board, seed)
    if all(s >= 0 for s in board.slot):
        return board
    greedy = construct(layout, seed)
    chosen = frozenset(mi for mi, s in enumerate(greedy.slot) if s >= 0)
    hybrid = Board(layout)
    place_locked(hybrid)
    sweep(layout, hybrid, seed, only=chosen)
    return max((board, hybrid, greedy), key=lambda b: (board_priority(b), -board_holes(b)))


def _bit_matrix(masks: list[int], width: int) -> Bools:
    """Row i, column t: bit t of masks[i]; in 60-bit pieces, since masks may pass 64 bits."""
    out = np.zeros((len(masks), width), dtype=bool)
    for low in range(0, width, 60):
        bits = min(60, width - low)
        piece = np.array([(m >> low) & ((1 << bits) - 1) for m in masks], dtype=np.int64)
        shifts = np.arange(bits, dtype=np.int64)
        out[:, low : low + bits] = ((piece[:, None] >> shifts) & 1).astype(bool)
    return out


def sweep(layout: Layout, board: Board, seed: int = 0, only: frozenset[int] | None = None) -> Board:
    """Place every meeting not yet on the board, slot by slot; see the module docstring.

    With `only`, the other meetings wait until the end and get what room is left: a way to
    sweep exactly the meetings another construction chose when not all of them fit.

    Scores are numpy arrays (one row per meeting, one column per member, padded with a
    participant that scores zero) so that ranking 150,000 meetings per slot stays cheap; only
    the greedy matching itself walks the ranking in Python. Meetings already on the board
    (locked ones) count from their slot on: before it they make nobody active or done.
    """
    rng = random.Random(seed)
    n_people = len(layout.by_person)
    n = len(layout.meetings)
    width = max((len(m) for m in layout.members), default=1)
    members: Ints = np.full((n, width), n_people, dtype=np.int64)
    for mi, people in enumerate(layout.members):
        members[mi, : len(people)] = people
    # Priority first among equals; the noise only breaks ties, differently per seed.
    base: Floats = np.array([layout.priority[mi] + rng.random() for mi in range(n)])
    allowed = _bit_matrix(layout.allowed, layout.n_slots)
    placed_before = _bit_matrix(board.busy, layout.n_slots)
    remaining = np.array(
        [s < 0 and (only is None or mi in only) for mi, s in enumerate(board.slot)], dtype=bool
    )
    left: Ints = np.bincount(members[remaining].ravel(), minlength=n_people + 1)[:n_people]
    most: Ints = np.array(layout.max_meetings, dtype=np.int64)
    general = tuple(layout.general_pools)
    general_only: Bools = np.array([v == general for v in layout.meeting_pools], dtype=bool)
    in_session, later = _slots_after(layout)
    active = np.zeros(n_people, dtype=bool)  # met in the slot before, same session
    started = np.zeros(n_people, dtype=bool)  # met earlier in this session
    for t in range(layout.n_slots):
        if t == 0 or layout.session_of[t - 1] != layout.session_of[t]:
            active[:] = False
            started[:] = False
        count: Ints = np.array(board.count, dtype=np.int64)
        slack = np.maximum(0, in_session[t] + later[t] - left)
        urgent: Floats = URGENCY / (1.0 + slack)
        score: Floats = np.where(active, ACTIVE + urgent, urgent)
        done = started & ~active
        score = np.where(done, np.where(later[t] >= left, BARRED, URGENCY - RESUME), score)
        score = np.where(placed_before[:, t] | (count >= most), BARRED, score)
        padded: Floats = np.append(score, 0.0)
        total: Floats = padded[members].sum(axis=1) + base
        fits = remaining & allowed[:, t] & (total > BARRED / 2)
        candidates = np.flatnonzero(fits)
        order = candidates[np.argsort(-total[candidates], kind="stable")]
        chosen, taken = _match(layout, board, order, members, general_only, t)
        active = taken[:n_people] | placed_before[:, t]  # a copy: the buffer is not kept
        started |= active
        for mi in chosen:
            remaining[mi] = False
            for p in layout.members[mi]:
                left[p] -= 1
    rest = [mi for mi in range(n) if board.slot[mi] < 0]
    for mi in sorted(rest, key=lambda i: (only is not None and i not in only, -layout.priority[i])):
        place_one(board, mi)
    repair(board)
    return board


def _match(
    layout: Layout, board: Board, ranked: Ints, members: Ints, general_only: Bools, t: int
) -> tuple[list[int], Bools]:
    """A greedy matching of the ranked meetings into slot t: each taken unless a member
    already meets in this slot or no table pool has room. Returns the meetings placed and who they
    took (indexed by participant, plus the padding one).

    The ranking is walked in blocks; before each block numpy drops the meetings whose members
    were taken meanwhile, or that need a general table when none is left, which are most of them.
    """
    # One buffer, two views: bytes for the Python walk, booleans for the numpy filter.
    flags = bytearray(len(layout.by_person) + 1)
    taken: Bools = np.frombuffer(flags, dtype=np.bool_)
    general = layout.general_pools
    chosen: list[int] = []
    start = 0
    block = MATCH_BLOCK
    while start < len(ranked):
        part = ranked[start : start + block]
        start += block
        alive = ~taken[members[part]].any(axis=1)
        if not any(board.room[v] >> t & 1 for v in general):
            alive &= ~general_only[part]
        for mi in part[alive].tolist():
            people = layout.members[mi]
            if any(flags[p] for p in people):
                continue
            v = board.pool_for(mi, t)
            if v >= 0:
                board.place(mi, t, v)
                chosen.append(mi)
                for p in people:
                    flags[p] = 1
        block *= 2
    return chosen, taken
