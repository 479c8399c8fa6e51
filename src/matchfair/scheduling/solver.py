"""The scheduling solver: a table of phases (`PHASES`) that `solve` walks in order.

Each row says when the phase runs (a predicate over the situation: a fresh solve or a re-plan,
the instance's size against `EXACT_LIMIT`, its sessions, whether the bounds show it
oversubscribed, what the phases before it reached), its share of the time left when it starts,
and its label in the progress report. An instance with humane limits or preferences takes its
own short pipeline instead (exact/humane.py); breaks leave every instance first.

Objectives, lexicographic: priority scheduled, then (re-plan) meetings moved, then holes, then
the largest number of meetings any one participant loses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .bounds import Bounds, upper_bounds
from .clock import Clock, Progress
from .construct.greedy import construct, place_one
from .construct.sweep import compact_start
from .exact import humane, whole
from .exact.priority import most_priority
from .improve import lns
from .improve.anneal import run_anneal
from .improve.polish import run_polish
from .maxsat import fewest_holes
from .maxsat.search import MAX_LITERALS, Outcome
from .model import Instance, Result, changes_since
from .placement import Board, Layout, Positions, board_holes, board_priority, choice_count
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
# Share of the time for the priority phase (exact/priority.py) of an oversubscribed event; it
# stops once the optimum is proved, which the plain model does in seconds on 150 participants.
PRIORITY_SHARE = 0.7
# Share of the time for the annealing (improve/anneal.py) of a fresh solve; it stops at 0 holes.
ANNEAL_SHARE = 0.5
# Share of the time for the polish right after the start.
POLISH_SHARE = 0.15

# The stats of a schedule that is optimal in both objectives.
PROVED: dict[str, object] = {
    "priority_proved_optimal": True,
    "holes_lower_bound": 0,
    "proved_optimal": True,
}


@dataclass(slots=True)
class Run:
    """The situation the phases share: what was asked, the board, and what is known so far."""

    layout: Layout
    clock: Clock
    seed: int
    workers: int
    deterministic: bool
    previous: Result | None
    # The whole-instance models are built: at most EXACT_LIMIT choices (a re-plan's limit is
    # REPLAN_EXACT_LIMIT).
    exact: bool
    board: Board = field(init=False)
    bounds: Bounds = field(init=False)
    priority_bound: int = 0
    method: str = "greedy"
    stats: dict[str, object] = field(default_factory=dict)
    # A phase reached a schedule the bounds prove optimal (`_optimal`): later searches skip.
    done: bool = False
    # A re-plan: where the previous result had each meeting that may stay there.
    previous_where: Positions | None = None
    # The whole-instance phases work on positions with the board empty: their start, its
    # priority and holes, the priority of the meetings that can be held at all.
    plan: Positions = field(default_factory=dict)
    start_priority: int = 0
    start_holes: int = 0
    schedulable: int = 0
    # The fewest-holes phase's MaxSAT outcome, and whether it placed its schedule.
    outcome: Outcome | None = None
    searched: bool = False

    @property
    def fresh(self) -> bool:
        return self.previous is None

    def better(self, label: str) -> None:
        """The board is the best schedule so far: note when, and report it under `label`."""
        self.clock.best_at = self.clock.elapsed()
        self.clock.report(label, self.board, self.priority_bound)


@dataclass(frozen=True, slots=True)
class Phase:
    """One row of the pipeline."""

    name: str
    # Whether the phase runs, asked when its turn comes.
    when: Callable[[Run], bool]
    # Share of the time left when the phase starts; 0 where the clock does not cut it (it
    # is quick), 1 where it takes the rest with shares of its own.
    share: float
    # The phase's label in progress reports (None: it reports nothing of its own).
    label: str | None
    step: Callable[[Run, Phase], None]
    # Share of the time limit kept back from `Clock.left` from this phase on, for the finish.
    keep: float = 0.0


# The starts.


def _sweep_start(run: Run, phase: Phase) -> None:
    run.board = compact_start(run.layout, run.seed)


def _exact_start(run: Run, phase: Phase) -> None:
    """The start of the whole-instance model. With one session it is the priority-first greedy:
    from the sweep's start CP-SAT held fewer meetings on three of the forums within 5 s. With
    several, the better of the two by priority, then holes: the sweep's start had 0 holes on
    the demo event and 48 on small-forum, the greedy's 98 and 169."""
    layout = run.layout
    greedy = construct(layout, run.seed)
    if layout.n_sessions == 1:
        run.board = greedy
        return
    start = compact_start(layout, run.seed)
    run.board = max((greedy, start), key=lambda b: (board_priority(b), -board_holes(b)))


def _previous_start(run: Run, phase: Phase) -> None:
    """Meetings back where the previous result had them, when that is still allowed, pinned
    there; the greedy completes the schedule."""
    assert run.previous is not None
    layout, previous = run.layout, run.previous
    board = run.board = Board(layout)
    where: dict[int, tuple[int, int]] = {}
    for a in previous.assignments:
        mi = layout.meeting_index.get(a.meeting)
        s = layout.slot_pos.get(a.slot)
        v = layout.pool_of_table.get(a.table)
        if mi is None or s is None or v is None or v not in layout.meeting_pools[mi]:
            continue
        where[mi] = (s, v)
    for mi in sorted(where, key=lambda mi: layout.meetings[mi].locked is None):
        s, v = where[mi]
        fits = board.free_mask(mi) >> s & 1 and board.room[v] >> s & 1
        if fits and (not layout.travel_pairs or board.walk_fits(mi, s, v)):
            board.place(mi, s, v)
    left_out = (layout.meeting_index.get(u.meeting) for u in previous.unscheduled)
    construct(layout, run.seed, board, settled=frozenset(mi for mi in left_out if mi is not None))
    for mi, here in where.items():
        if (board.slot[mi], board.pool[mi]) == here:
            board.pinned[mi] = True
    run.previous_where = where


def _bounds(run: Run, phase: Phase) -> None:
    """The bounds, after the start (a first schedule matters more), and the first report."""
    clock = run.clock
    clock.first_complete = clock.elapsed()
    clock.best_at = clock.first_complete
    run.bounds = upper_bounds(run.layout.instance)
    run.priority_bound = run.bounds.priority
    assert phase.label is not None
    clock.report(phase.label, run.board, run.priority_bound)
    run.done = run.fresh and _optimal(run.board, run.priority_bound)


# Before the searches: priority, then holes on the board.


def _priority(run: Run, phase: Phase) -> None:
    """The plain model of objective (1) (exact/priority.py) from the start on the board, which
    then holds its schedule where it holds more priority; CP-SAT's bound replaces the priority
    bound where it is tighter."""
    layout, board = run.layout, run.board
    start = {mi: (s, board.pool[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    outcome = most_priority(
        layout,
        Board(layout),
        run.clock,
        start,
        share=phase.share,
        seed=run.seed,
        workers=run.workers,
    )
    run.method = "greedy+priority"
    if outcome is None:
        return
    if outcome.priority > board_priority(board):
        for mi in range(len(layout.meetings)):
            board.remove(mi)
        for mi, (s, v) in outcome.plan.items():
            board.place(mi, s, v)
        assert phase.label is not None
        run.clock.best_at = run.clock.elapsed()
        run.clock.report(phase.label, board, outcome.bound)
    run.priority_bound = min(run.priority_bound, outcome.bound)


def _anneal(run: Run, phase: Phase) -> None:
    assert phase.label is not None
    if run_anneal(
        run.clock, run.board, phase.share, run.seed, run.priority_bound, label=phase.label
    ):
        run.method = "greedy+annealing"
        run.better(phase.label)
    run.done = _optimal(run.board, run.priority_bound)


def _polish(run: Run, phase: Phase) -> None:
    if run_polish(run.clock, run.board, phase.share, run.seed):
        assert phase.label is not None
        run.better(phase.label)


# The whole instance (exact size).


def _whole_instance(run: Run, phase: Phase) -> None:
    assert phase.label is not None
    run.stats["method"] = "cp-sat"
    run.start_priority, run.start_holes = board_priority(run.board), board_holes(run.board)
    run.clock.report(phase.label, run.board, run.priority_bound)
    run.plan, run.schedulable = whole.take_off(run.board)


def _can_search_holes(run: Run) -> bool:
    """A fresh solve of one session whose bounds allow every meeting, not already held without
    a hole, small enough to encode, with time enough. With several sessions there are no
    interval clauses, and the search did not find small-forum's hole-free schedule in 15 s (up
    to 95 s in all), so CP-SAT keeps the time: 0.25 holes a participant instead of 0.15."""
    layout = run.layout
    return (
        run.fresh
        and run.exact
        and not run.done
        and layout.n_sessions == 1
        and run.priority_bound >= run.schedulable
        and not (run.start_priority >= run.schedulable and run.start_holes == 0)
        and choice_count(layout) <= MAX_LITERALS
        and run.clock.left() >= fewest_holes.MAXSAT_MIN_SECONDS
    )


def _fewest_holes(run: Run, phase: Phase) -> None:
    run.outcome, stats = fewest_holes.hole_search(
        run.layout,
        run.board,
        run.clock,
        run.seed,
        run.plan,
        run.priority_bound,
        run.workers,
        share=phase.share,
    )
    if stats is not None:
        run.stats.update(stats)
        run.searched = True


def _start_polish(run: Run, phase: Phase) -> None:
    run.plan = whole.polish_plan(run.board, run.plan, run.clock, run.seed, phase.share)


def _exact_cp_sat(run: Run, phase: Phase) -> None:
    stats = whole.cp_sat_steps(
        run.layout,
        run.board,
        run.clock,
        run.start_priority,
        run.plan,
        run.priority_bound,
        run.schedulable,
        run.seed,
        run.workers,
        run.previous_where,
    )
    # The search's bound is on schedules holding every meeting: it holds for this one only
    # if it does too.
    if run.fresh and run.outcome is not None and board_priority(run.board) >= run.schedulable:
        reached = stats.get("holes_lower_bound", 0)
        if isinstance(reached, int):
            stats["holes_lower_bound"] = max(run.outcome.holes_lower_bound, reached)
    run.stats.update(stats)
    reached = stats.get("priority_upper_bound")
    if isinstance(reached, int):
        run.priority_bound = min(run.priority_bound, reached)


# Above exact size, and re-plans: local search, then CP-SAT windows.


def _local_search(run: Run, phase: Phase) -> None:
    """The polish until it stops at a local optimum; the windows take the rest."""
    run.method = f"{run.method}+local-search+lns"
    _polish(run, phase)


def _windows(run: Run, phase: Phase) -> None:
    if not run.fresh:
        run.method = f"{run.method}+local-search+lns"
    previous = run.previous_where
    run.stats.update(
        lns.improve(
            run.layout,
            run.board,
            left=run.clock.left,
            charge=run.clock.charge,
            seed=run.seed,
            workers=1 if run.deterministic else run.workers,
            previous=previous,
            on_better=lambda: run.better(phase.label or ""),
            changed=None if previous is None else _changed(run.layout, run.board, previous),
        )
    )


# The finish.


def _fill(run: Run, phase: Phase) -> None:
    """A last greedy pass fits any meeting that still fits."""
    for mi in range(len(run.layout.meetings)):
        if run.board.slot[mi] < 0:
            place_one(run.board, mi)


def _last_polish(run: Run, phase: Phase) -> None:
    run_polish(run.clock, run.board, phase.share, run.seed)


def _finish(run: Run, phase: Phase) -> None:
    if run.fresh and _optimal(run.board, run.priority_bound):
        run.stats.update(PROVED)  # however the search got there
    assert phase.label is not None
    run.clock.report(phase.label, run.board, run.priority_bound)


# The situations the rows ask about.


def _always(run: Run) -> bool:
    return True


def _fresh_large(run: Run) -> bool:
    return run.fresh and not run.exact


def _fresh_exact(run: Run) -> bool:
    return run.fresh and run.exact


def _replan(run: Run) -> bool:
    return not run.fresh


def _oversubscribed(run: Run) -> bool:
    """A fresh solve of exact size whose bounds show that not every meeting fits: the priority
    comes first, so it is settled before any hole is closed."""
    return (
        run.fresh and run.exact and not run.done and run.priority_bound < _schedulable(run.layout)
    )


def _to_anneal(run: Run) -> bool:
    """A fresh solve, but not of one session of exact size: the fewest-holes phase does better
    on the real forums. A re-plan must move few meetings, which the annealing does not weigh."""
    return run.fresh and not run.done and not (run.exact and run.layout.n_sessions == 1)


def _to_polish(run: Run) -> bool:
    """The whole-instance phases of a fresh solve polish their own start (after the MaxSAT
    search, which needs none); everything else starts from this polish."""
    return not (run.exact and run.fresh) and not run.done


def _whole(run: Run) -> bool:
    return run.exact and not run.done


def _whole_fresh(run: Run) -> bool:
    return run.exact and run.fresh and not run.done and not run.searched


def _whole_left(run: Run) -> bool:
    return run.exact and not run.done and not run.searched


def _large(run: Run) -> bool:
    return run.fresh and not run.exact and not run.done


def _large_not_optimal(run: Run) -> bool:
    """No window can better a schedule the bounds prove optimal."""
    return _large(run) and not _optimal(run.board, run.priority_bound)


def _replan_large(run: Run) -> bool:
    return not run.fresh and not run.exact


def _time_left(run: Run) -> bool:
    return run.fresh and not run.done and run.clock.left() > 0


PHASES: tuple[Phase, ...] = (
    Phase("sweep start", _fresh_large, 0.0, None, _sweep_start),
    Phase("greedy or sweep start", _fresh_exact, 0.0, None, _exact_start),
    Phase("previous schedule", _replan, 0.0, None, _previous_start),
    Phase("bounds", _always, 0.0, "greedy", _bounds),
    Phase("priority", _oversubscribed, PRIORITY_SHARE, "most priority", _priority),
    Phase("annealing", _to_anneal, ANNEAL_SHARE, "closing holes", _anneal),
    Phase("polish", _to_polish, POLISH_SHARE, "closing holes", _polish),
    Phase("whole instance", _whole, 0.0, "cp-sat on the whole instance", _whole_instance),
    Phase(
        "fewest holes",
        _can_search_holes,
        fewest_holes.MAXSAT_SHARE,
        fewest_holes.PHASE,
        _fewest_holes,
    ),
    Phase("start polish", _whole_fresh, whole.START_POLISH_SHARE, None, _start_polish),
    Phase("exact cp-sat", _whole_left, 1.0, None, _exact_cp_sat),
    Phase("local search", _large, 1.0, "closing holes", _local_search, keep=TAIL_SHARE),
    Phase("windows", _large_not_optimal, 1.0, "improving", _windows, keep=TAIL_SHARE),
    Phase(
        "windows around the changes", _replan_large, 1.0, "improving", _windows, keep=REPLAN_SPARE
    ),
    Phase("fill", _always, 0.0, None, _fill),
    Phase("last polish", _time_left, 1.0, None, _last_polish),
    Phase("finish", _always, 0.0, "done", _finish),
)


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


def _schedulable(layout: Layout) -> int:
    """The summed priority of the meetings that can take place at all."""
    return sum(
        layout.priority[mi]
        for mi in range(len(layout.meetings))
        if layout.allowed[mi] and layout.meeting_pools[mi]
    )


def _changed(layout: Layout, board: Board, previous: Positions) -> list[int]:
    """Participants a re-plan should look at: those with a meeting that is not where the
    previous schedule had it (new, moved to fit, or left out)."""
    people: set[int] = set()
    for mi in range(len(layout.meetings)):
        here = board.slot[mi], board.pool[mi]
        if previous.get(mi) == here:
            continue
        people.update(layout.members[mi])
    return sorted(people)


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
    limit = EXACT_LIMIT if previous is None else REPLAN_EXACT_LIMIT
    run = Run(layout, clock, seed, workers, deterministic, previous, choice_count(layout) <= limit)
    for phase in PHASES:
        if phase.when(run):
            if phase.keep:
                clock.reserve = phase.keep * time_limit
            phase.step(run, phase)
    return _result(run, time_limit, names)


def _result(run: Run, time_limit: float, names: Mapping[str, str] | None) -> Result:
    board, clock, previous = run.board, run.clock, run.previous
    # The method first, as the phases' stats have it where the whole-instance phases ran.
    stats: dict[str, object] = {"method": run.method, **run.stats}
    if run.done:
        stats.update(PROVED)
    assignments = board.assignments(
        preferred={} if previous is None else {a.meeting: a.table for a in previous.assignments}
    )
    unscheduled = explain_unscheduled(run.layout, board, names=names)
    stats.update(
        {
            "scheduled": len(assignments),
            "priority_scheduled": board_priority(board),
            "holes": board_holes(board),
            "upper_bound": run.bounds.meetings,
            "priority_upper_bound": max(run.priority_bound, board_priority(board)),
            "seconds": round(clock.elapsed(), 3),
            "seconds_to_first": round(clock.first_complete or 0.0, 3),
            "seconds_to_best": round(clock.best_at, 3),
            "seed": run.seed,
            "time_limit": time_limit,
            "deterministic": run.deterministic,
            "stopped_by_clock": clock.stopped_by_clock,
        }
    )
    if previous is not None:
        changes = changes_since(previous, assignments, unscheduled)
        stats.update(changes)
        if not changes["moved"] and _optimal(board, run.priority_bound):
            stats.update(PROVED)  # every meeting held where it was, no hole: nothing is better
    return Result(tuple(assignments), tuple(unscheduled), stats)


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


__all__ = ["PHASES", "Phase", "Progress", "replan", "solve"]
