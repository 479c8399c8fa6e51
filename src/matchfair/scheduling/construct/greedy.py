"""Constructive schedule with repair: a complete valid schedule in seconds at any scale.

Meetings are placed hardest first, next to the participants' existing meetings so agendas stay
compact; meetings left over are then fitted by moving one blocking meeting elsewhere.
"""

from __future__ import annotations

import random

from ..placement import Board, Layout, iter_bits


def _adjacent(layout: Layout, busy: int) -> int:
    """Slots right before or after a busy slot, in the same session."""
    near = (busy << 1) | (busy >> 1)
    out = 0
    for mask in layout.session_mask:
        if busy & mask:
            out |= near & mask
    return out & ~busy


def _pick_slot(board: Board, mi: int, candidates: int) -> int:
    """The candidate slot that best keeps everyone's meetings in one block."""
    layout = board.layout
    best, best_score = -1, None
    members = layout.members[mi]
    near = [_adjacent(layout, board.busy[p]) for p in members]
    both = candidates
    for adj in near:
        both &= adj
    if both:  # next to everyone's meetings: nothing can score higher
        return (both & -both).bit_length() - 1
    used = 0
    for p in members:
        for sess in layout.session_mask:
            if board.busy[p] & sess:
                used |= sess
    if not used & candidates:  # nobody has meetings in these sessions yet: earliest slot
        return (candidates & -candidates).bit_length() - 1
    for s in iter_bits(candidates):
        bit = 1 << s
        sess = layout.session_mask[layout.session_of[s]]
        score = 0
        for p, adj in zip(members, near, strict=True):
            if adj & bit:
                score += 4
            elif board.busy[p] & sess:
                score -= 3  # would open a hole in a session this participant already uses
        score_key = (score, -s)
        if best_score is None or score_key > best_score:
            best, best_score = s, score_key
    return best


def place_one(board: Board, mi: int) -> bool:
    free = board.free_mask(mi)
    roomy = 0
    for v in board.layout.meeting_pools[mi]:
        roomy |= board.room[v]
    free &= roomy
    # The slots the members prefer first, where the instance has preferences (exact/humane.py).
    wish = board.layout.wish[mi] & free if board.layout.wish else 0
    return bool(wish and _place_in(board, mi, wish)) or _place_in(board, mi, free & ~wish)


def _place_in(board: Board, mi: int, free: int) -> bool:
    while free:
        s = _pick_slot(board, mi, free)
        v = board.pool_for(mi, s)
        if v >= 0:
            board.place(mi, s, v)
            return True
        free &= ~(1 << s)
    return False


def construct(
    layout: Layout, seed: int = 0, board: Board | None = None, settled: frozenset[int] = frozenset()
) -> Board:
    """Place locked meetings, then the rest by priority and scarcity of their free slots.

    `settled` meetings get no augmenting move in the repair (see `repair`).
    """
    board = board or Board(layout)
    rng = random.Random(seed)
    place_locked(board)
    load = [
        len(ms) / max(1, bin(layout.available[p]).count("1"))
        for p, ms in enumerate(layout.by_person)
    ]
    todo = [mi for mi in range(len(layout.meetings)) if board.slot[mi] < 0]
    noise = {mi: rng.random() for mi in todo}
    todo.sort(
        key=lambda mi: (
            -layout.priority[mi],
            -max(load[p] for p in layout.members[mi]),
            bin(layout.allowed[mi]).count("1"),
            noise[mi],
        )
    )
    # Place participant by participant so each agenda grows as one block.
    for mi in todo:
        if board.slot[mi] < 0:
            place_one(board, mi)
    repair(board, settled=settled)
    return board


def place_locked(board: Board) -> None:
    """Put locked meetings in their slot; those that no longer fit are left to the reasons."""
    layout = board.layout
    for mi in locked_order(layout):
        if board.slot[mi] < 0:
            s = layout.allowed[mi].bit_length() - 1
            v = board.pool_for(mi, s) if board.free_mask(mi) else -1
            if v >= 0:
                board.place(mi, s, v)


def locked_order(layout: Layout) -> list[int]:
    """Locked meetings, those with a fixed table pool first, so the others can walk around them."""
    locked = [mi for mi, m in enumerate(layout.meetings) if m.locked is not None]
    return sorted(locked, key=lambda mi: len(layout.meeting_pools[mi]) > 1)


def repair(board: Board, rounds: int = 2, settled: frozenset[int] = frozenset()) -> int:
    """Fit unscheduled meetings by moving one meeting that blocks them; returns how many fitted.

    `settled` meetings only get a free slot if one opened: a re-plan passes those its previous
    search already failed to fit, since augmenting moves for thousands of them cost seconds.
    """
    layout = board.layout
    fitted = 0
    for _ in range(rounds):
        progress = False
        for mi in sorted(range(len(layout.meetings)), key=lambda i: -layout.priority[i]):
            if board.slot[mi] >= 0:
                continue
            if place_one(board, mi) or (mi not in settled and _augment(board, mi)):
                fitted += 1
                progress = True
        if not progress:
            break
    return fitted


def _augment(board: Board, mi: int) -> bool:
    """Try each allowed slot blocked by exactly one movable meeting, moving that one away."""
    layout = board.layout
    if any(board.count[p] >= layout.max_meetings[p] for p in layout.members[mi]):
        return False
    # A participant busy in every slot it has cannot lend a slot: the meeting moved away would
    # need another slot where that participant is free (over-asked participants, mostly).
    if any(not layout.available[p] & ~board.busy[p] for p in layout.members[mi]):
        return False
    for s in iter_bits(layout.allowed[mi]):
        blockers = {board.held[p][s] for p in layout.members[mi] if board.busy[p] >> s & 1}
        if len(blockers) != 1:
            continue
        (other,) = blockers
        if layout.meetings[other].locked is not None:
            continue
        old_s, old_v = board.slot[other], board.pool[other]
        board.remove(other)
        # The slot is free now; the participants' limits (placement.over_limit) may still bar it.
        v = board.pool_for(mi, s) if board.free_mask(mi) >> s & 1 else -1
        if v >= 0:
            board.place(mi, s, v)
            if place_one(board, other):
                return True
            board.remove(mi)
        board.place(other, old_s, old_v)
    return False
