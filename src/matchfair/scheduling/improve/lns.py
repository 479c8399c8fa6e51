"""Large-neighbourhood search: repeatedly free the meetings of a few related participants in one
session and let a small CP-SAT model re-place them, keeping the change only if it is better.

Memory stays small because only one window's model exists at a time.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable

from ortools.sat.python import cp_model

from ..clock import cp_sat_work
from ..exact import cpsat
from ..placement import Board, Layout, person_holes

WINDOW_MEETINGS = 30
WINDOW_SECONDS = 0.1
# A re-plan stops after this many windows in a row without a gain: the schedule it starts from
# was already searched, so a run of failures means the changes left nothing to win.
REPLAN_PATIENCE = 20


def _score(
    layout: Layout,
    board: Board,
    free: list[int],
    people: set[int],
    previous: dict[int, tuple[int, int]] | None,
) -> tuple[int, int, int]:
    priority = sum(layout.priority[mi] for mi in free if board.slot[mi] >= 0)
    moves = 0
    if previous:
        moves = sum(
            1 for mi in free if mi in previous and (board.slot[mi], board.pool[mi]) != previous[mi]
        )
    holes = sum(person_holes(layout, board.busy[p]) for p in people)
    return (priority, -moves, -holes)


def _neighbourhood(layout: Layout, board: Board, rng: random.Random, p: int) -> list[int]:
    """Meetings of participant p and its partners within one session, plus their left-overs."""
    sessions = [i for i, mask in enumerate(layout.session_mask) if board.busy[p] & mask]
    sess_mask = layout.session_mask[rng.choice(sessions)] if sessions else layout.full
    chosen: dict[int, None] = {}
    queue = [p]
    seen = {p}
    while queue and len(chosen) < WINDOW_MEETINGS:
        q = queue.pop(0)
        mine = list(layout.by_person[q])
        rng.shuffle(mine)
        for mi in mine:
            if layout.meetings[mi].locked is not None:
                continue
            s = board.slot[mi]
            if (s >= 0 and sess_mask >> s & 1) or (s < 0 and layout.allowed[mi] & sess_mask):
                chosen[mi] = None
                for other in layout.members[mi]:
                    if other not in seen:
                        seen.add(other)
                        queue.append(other)
            if len(chosen) >= WINDOW_MEETINGS:
                break
    return list(chosen)


def _can_gain(layout: Layout, board: Board, p: int, replan: bool) -> bool:
    """Whether a window around p could help.

    Outside a re-plan: p has a hole, or a meeting that has a free slot. In a re-plan moving a
    kept meeting costs more than any hole, and the local search has already closed what moving
    the others can close, so only priority is left to gain: p has a meeting left out while all
    its participants could take one more, which freeing its partners' meetings may make room for.
    """
    for mi in layout.by_person[p]:
        if board.slot[mi] >= 0:
            continue
        if replan:
            if layout.allowed[mi] and all(
                board.count[q] < layout.max_meetings[q] for q in layout.members[mi]
            ):
                return True
        elif board.free_mask(mi):
            return True
    return not replan and person_holes(layout, board.busy[p]) > 0


def improve(
    layout: Layout,
    board: Board,
    *,
    left: Callable[[], float],
    charge: Callable[[float], None],
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
    on_better: Callable[[], None],
    changed: list[int] | None = None,
) -> dict[str, object]:
    """Re-place windows of meetings with CP-SAT while time is left and a window can gain.

    Without `changed`, windows start mostly from participants with holes or with meetings
    that could still be placed. With `changed` (a re-plan: participants with a meeting that is
    new, moved or left out), windows start only from those, in turn, and again from one whose
    window improved; the search ends when none is left, since the rest of the schedule was
    already as good as the previous search could make it, or after a run of windows without a
    gain.
    """
    rng = random.Random(seed)
    windows = improved = 0
    focus: list[int] = []
    # Whom a window may help is looked up for everyone every 50 windows, and after a gain among
    # those and the window's people (cheap at expo size, where a full look takes 0.07 s); when
    # that leaves nobody, everyone is looked at again, and the search ends if still nobody can
    # gain (the gain closed the last hole).
    look_at_all = True
    gained: set[int] = set()
    queue = deque(changed or ())
    last_gain = 0
    hole_weight = 1
    move_weight = layout.n_slots * WINDOW_MEETINGS + 1
    priority_weight = move_weight * (WINDOW_MEETINGS + 1)
    while left() > WINDOW_SECONDS:
        if changed is not None:
            if not queue or windows - last_gain > REPLAN_PATIENCE:
                break
            p = queue.popleft()
            if not _can_gain(layout, board, p, True):
                continue
        else:
            if gained:
                focus = [q for q in sorted({*focus, *gained}) if _can_gain(layout, board, q, False)]
                gained = set()
                look_at_all = look_at_all or not focus
            if look_at_all or windows % 50 == 0:
                focus = [q for q in range(len(board.busy)) if _can_gain(layout, board, q, False)]
                look_at_all = False
                if not focus and windows:
                    break
            p = (
                rng.choice(focus)
                if focus and rng.random() < 0.8
                else rng.randrange(len(board.busy))
            )
        free = _neighbourhood(layout, board, rng, p)
        windows += 1
        if not free:
            continue
        people = {p for mi in free for p in layout.members[mi]}
        before = _score(layout, board, free, people, previous)
        saved = [(mi, board.slot[mi], board.pool[mi]) for mi in free]
        window = cpsat.build(layout, board, free, previous=previous, fairness=False)
        placed = {(mi, s, v) for mi, s, v in saved}
        cpsat.add_full_hint(window.model, {var: key in placed for key, var in window.x.items()})
        window.model.maximize(
            window.priority * priority_weight
            - window.moves * move_weight
            - window.holes * hole_weight
        )
        solver = cp_model.CpSolver()
        solver.parameters.max_deterministic_time = WINDOW_SECONDS
        solver.parameters.max_time_in_seconds = 4 * WINDOW_SECONDS
        solver.parameters.random_seed = seed + windows
        solver.parameters.num_workers = max(1, workers)
        if workers > 1:
            solver.parameters.interleave_search = True
        status = solver.solve(window.model)
        charge(cp_sat_work(solver, window.model) if workers == 1 else 0.0)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            cpsat.read(window, solver, board)
            after = _score(layout, board, free, people, previous)
            if after > before:
                improved += 1
                on_better()
                last_gain = windows
                if changed is None:
                    gained = people
                else:
                    queue.append(p)
                continue
            if after == before:
                continue
            for mi in free:
                board.remove(mi)
        for mi, s, v in saved:
            if s >= 0:
                board.place(mi, s, v)
    return {"lns_windows": windows, "lns_improved": improved}
