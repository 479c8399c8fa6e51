"""The scheduling solver: a compact slot-by-slot start (a greedy one when re-planning), on an
oversubscribed event of exact size the priority phase (priority.py), annealing over
Kempe-chain slot swaps to close its holes, then exact CP-SAT on small and medium instances,
and local search plus large-neighbourhood search with small CP-SAT windows when the full model
would be too big; a re-plan searches only around the changes.

Objectives, lexicographic: priority scheduled, then (re-plan) meetings moved, then holes, then
the largest number of meetings any one participant loses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .bounds import upper_bounds
from .clock import Clock, Progress
from .construct.greedy import construct, place_one
from .construct.sweep import compact_start
from .exact import humane
from .exact.priority import most_priority
from .exact.whole import solve_whole
from .improve import lns
from .model import Instance, Result, changes_since
from .placement import Board, Layout, board_holes, board_priority, choice_count
from .reasons import explain_unscheduled

# Above this many meeting×slot×table-pool Booleans the whole-instance model is not built.
EXACT_LIMIT = 60_000
# A re-plan keeps most meetings where they were, so windows around the changes beat rebuilding
# the whole model (which alone can take seconds) except on tiny events: on small-forum the
# windows reach the whole-model result in 0.1 s instead of 1 to 4 s.
REPLAN_EXACT_LIMIT = 3_000
# Share of the time limit kept for the work after the search: reasons, tables, statistics.
TAIL_SHARE = 0.05
# A re-plan is waited for on the day: its windows stop this share of the time limit early.
REPLAN_SPARE = 0.25
# Share of the time for the priority phase (priority.py) of an oversubscribed event; it stops
# once the optimum is proved, which the plain model does in seconds on 150 participants.
PRIORITY_SHARE = 0.7
# Share of the time for the annealing (anneal.py) of a fresh solve; it stops at 0 holes.
ANNEAL_SHARE = 0.5


def _start_from_previous(
    layout: Layout, board: Board, previous: Result
) -> dict[int, tuple[int, int]]:
    """Put meetings back where the previous result had them, when that is still allowed."""
    where: dict[int, tuple[int, int]] = {}
    for a in previous.assignments:
        mi = layout.meeting_index.get(a.meeting)
        s = layout.slot_pos.get(a.slot)
        v = layout.pool_of_table.get(a.table)
        if mi is None or s is None or v is None or v not in layout.meeting_pools[mi]:
            continue
        where[mi] = (s, v)
    order = sorted(where, key=lambda mi: layout.meetings[mi].locked is None)
    for mi in order:
        s, v = where[mi]
        fits = board.free_mask(mi) >> s & 1 and board.room[v] >> s & 1
        if fits and (not layout.travel_pairs or board.walk_fits(mi, s, v)):
            board.place(mi, s, v)
    return where


# The stats of a schedule that is optimal in both objectives.
PROVED: dict[str, object] = {
    "priority_proved_optimal": True,
    "holes_lower_bound": 0,
    "proved_optimal": True,
}


def _optimal(board: Board, bound: int) -> bool:
    """Every meeting that can take place at all is held (so nobody loses one the search could
    give back) with the most priority the bounds allow and without a hole: no search can
    better it. Where the bounds bind, which meetings are left out is a matter of fairness,
    and the search runs."""
    lay = board.layout
    return (
        board_priority(board) >= bound
        and not board_holes(board)
        and all(
            s >= 0 or not lay.allowed[mi] or not lay.meeting_pools[mi]
            for mi, s in enumerate(board.slot)
        )
    )


def _exact_start(layout: Layout, seed: int) -> Board:
    """The start of the whole-instance model. With one session it is the priority-first greedy:
    from the sweep's start CP-SAT held fewer meetings on three of the forums within 5 s. With
    several, the better of the two by priority, then holes: the sweep's start had 0 holes on
    the demo event and 48 on small-forum, the greedy's 98 and 169."""
    greedy = construct(layout, seed)
    if layout.n_sessions == 1:
        return greedy
    start = compact_start(layout, seed)
    return max((greedy, start), key=lambda b: (board_priority(b), -board_holes(b)))


def solve(
    instance: Instance,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    previous: Result | None = None,
    names: Mapping[str, str] | None = None,
    deterministic: bool = False,
    wall_limit: float | None = None,
) -> Result:
    """Schedule as many (high-priority) meetings as possible with as few holes as possible.

    Always returns a valid schedule, also when the time limit cuts the search short. With
    `previous`, meetings that need not move stay in their previous slot and table.
    The search stops after `wall_limit` seconds of wall time (`time_limit` unless given).
    `deterministic` counts `time_limit` as work instead, so that the result depends only on the
    instance, seed and time limit, at the price of one CP-SAT worker; where the wall clock
    stops it first, `stopped_by_clock` in the stats says so.
    """
    instance = humane.without_breaks(instance)
    if instance.humane:
        return humane.solve(
            instance,
            time_limit=time_limit,
            seed=seed,
            workers=workers,
            progress=progress,
            previous=previous,
            names=names,
            deterministic=deterministic,
            wall_limit=wall_limit,
        )
    clock = Clock(time_limit, progress, deterministic, wall_limit)
    layout = Layout(instance)
    exact = choice_count(layout) <= (EXACT_LIMIT if previous is None else REPLAN_EXACT_LIMIT)
    previous_where: dict[int, tuple[int, int]] | None = None
    if previous is None and not exact:
        board = compact_start(layout, seed)
    elif previous is None:
        board = _exact_start(layout, seed)
    else:
        board = Board(layout)
        previous_where = _start_from_previous(layout, board, previous)
        left_out = (layout.meeting_index.get(u.meeting) for u in previous.unscheduled)
        construct(layout, seed, board, settled=frozenset(mi for mi in left_out if mi is not None))
        for mi, here in previous_where.items():
            if (board.slot[mi], board.pool[mi]) == here:
                board.pinned[mi] = True
    clock.first_complete = clock.elapsed()
    clock.best_at = clock.first_complete
    bounds = upper_bounds(instance)  # after the greedy: a first schedule matters more
    clock.report("greedy", board, bounds.priority)
    done = previous is None and _optimal(board, bounds.priority)
    method = "greedy"
    priority_bound = bounds.priority
    if previous is None and exact and not done and priority_bound < _schedulable(layout):
        # Oversubscribed: the priority comes first, so it is settled before any hole is closed.
        priority_bound = _most_priority(layout, board, clock, seed, workers, priority_bound)
        method = "greedy+priority"
    # One-session events of exact size go to the MaxSAT search, which does better on the real
    # forums; a re-plan must move few meetings, which the annealing does not weigh.
    if previous is None and not done and not (exact and layout.n_sessions == 1):
        if clock.anneal(board, ANNEAL_SHARE, seed, priority_bound):
            method = "greedy+annealing"
            _better(clock, board, priority_bound, "closing holes")
        done = _optimal(board, priority_bound)
    # The whole-instance path of a fresh solve has searches of its own that start from
    # scratch (MaxSAT) or polish what CP-SAT finds; the others start from this polish.
    if not (exact and previous is None) and not done and clock.polish(board, 0.15, seed):
        _better(clock, board, priority_bound, "closing holes")
    stats: dict[str, object] = {}
    if done:
        stats.update({"method": method, **PROVED})
    elif exact:
        stats["method"] = "cp-sat"
        stats.update(
            solve_whole(
                layout,
                board,
                clock,
                seed=seed,
                workers=workers,
                previous=previous_where,
                bound=priority_bound,
            )
        )
        reached = stats.get("priority_upper_bound")
        if isinstance(reached, int):
            priority_bound = min(priority_bound, reached)
    else:
        stats["method"] = f"{method}+local-search+lns"
        clock.reserve = (TAIL_SHARE if previous is None else REPLAN_SPARE) * time_limit
        # The local search stops early at a local optimum; CP-SAT windows take the rest.
        if previous is None and clock.polish(board, 1.0, seed):
            _better(clock, board, priority_bound, "closing holes")
        if previous is None and _optimal(board, priority_bound):
            stats.update(PROVED)  # no window can better it
        else:
            stats.update(
                lns.improve(
                    layout,
                    board,
                    left=clock.left,
                    charge=clock.charge,
                    seed=seed,
                    workers=1 if deterministic else workers,
                    previous=previous_where,
                    on_better=lambda: _better(clock, board, priority_bound),
                    changed=None
                    if previous_where is None
                    else _changed(layout, board, previous_where),
                )
            )
    for mi in range(len(layout.meetings)):
        if board.slot[mi] < 0:
            place_one(board, mi)
    if previous is None and not done and clock.left() > 0:
        clock.polish(board, 1.0, seed)
    if previous is None and _optimal(board, priority_bound):
        stats.update(PROVED)  # however the search got there
    clock.report("done", board, priority_bound)
    assignments = board.assignments(
        preferred={} if previous is None else {a.meeting: a.table for a in previous.assignments}
    )
    unscheduled = explain_unscheduled(layout, board, names=names)
    stats.update(
        {
            "scheduled": len(assignments),
            "priority_scheduled": board_priority(board),
            "holes": board_holes(board),
            "upper_bound": bounds.meetings,
            "priority_upper_bound": max(priority_bound, board_priority(board)),
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
        changes = changes_since(previous, assignments, unscheduled)
        stats.update(changes)
        if not changes["moved"] and _optimal(board, priority_bound):
            stats.update(PROVED)  # every meeting held where it was, no hole: nothing is better
    return Result(tuple(assignments), tuple(unscheduled), stats)


def _schedulable(layout: Layout) -> int:
    """The summed priority of the meetings that can take place at all."""
    return sum(
        layout.priority[mi]
        for mi in range(len(layout.meetings))
        if layout.allowed[mi] and layout.meeting_pools[mi]
    )


def _most_priority(
    layout: Layout, board: Board, clock: Clock, seed: int, workers: int, bound: int
) -> int:
    """The priority phase: the plain model of objective (1) (priority.py) from the start on
    the board, which then holds its schedule where it holds more priority; returns the
    priority bound, CP-SAT's where it is tighter than `bound`."""
    start = {mi: (s, board.pool[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    outcome = most_priority(
        layout, Board(layout), clock, start, share=PRIORITY_SHARE, seed=seed, workers=workers
    )
    if outcome is None:
        return bound
    if outcome.priority > board_priority(board):
        for mi in range(len(layout.meetings)):
            board.remove(mi)
        for mi, (s, v) in outcome.plan.items():
            board.place(mi, s, v)
        _better(clock, board, outcome.bound, "most priority")
    return min(bound, outcome.bound)


def _changed(layout: Layout, board: Board, previous: dict[int, tuple[int, int]]) -> list[int]:
    """Participants a re-plan should look at: those with a meeting that is not where the
    previous schedule had it (new, moved to fit, or left out)."""
    people: set[int] = set()
    for mi in range(len(layout.meetings)):
        here = board.slot[mi], board.pool[mi]
        if previous.get(mi) == here:
            continue
        people.update(layout.members[mi])
    return sorted(people)


def _better(clock: Clock, board: Board, bound: int, phase: str = "improving") -> None:
    """The board is the best schedule so far: note when, and report it."""
    clock.best_at = clock.elapsed()
    clock.report(phase, board, bound)


def replan(
    instance: Instance,
    previous: Result,
    *,
    time_limit: float = 5.0,
    seed: int = 0,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
    names: Mapping[str, str] | None = None,
    deterministic: bool = False,
    wall_limit: float | None = None,
) -> Result:
    """Re-solve after changes on the day; locked meetings stay, as few others as possible move."""
    return solve(
        instance,
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        progress=progress,
        previous=previous,
        names=names,
        deterministic=deterministic,
        wall_limit=wall_limit,
    )


__all__ = ["Progress", "replan", "solve"]
