"""The whole instance in one CP-SAT model, for small and medium instances: best priority, then
compact agendas, then moves, exact holes and fairness under that priority.

Without a previous schedule, holes are minimised in steps (compact.py has the structure):
1. the fewest loose agendas: its LP bound is strong and the search, free to let loose agendas
   take any shape, finds near hole-free schedules fast;
2. loose agendas plus split steps (holes counted exactly up to a few per agenda), from there;
3. local search on the holes left, then the exact objective (moves, holes, fairness) with the
   hole-free agendas that meet no loose participant kept on their intervals: a small problem
   about the loose agendas.
The bounds of steps 1 and 2 are lower bounds on the holes of any schedule with that priority,
reported as `holes_lower_bound`.
"""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from . import cpsat, maxsat, satlns
from .clock import Clock, cp_sat_work, guard, solver_parameters
from .maxsat import Plan
from .placement import Board, Layout, board_holes, board_priority, person_holes

# Shares of the time left for the loose-agenda step, then the split step, then local search.
LOOSE_SHARE = 0.55
SPLIT_SHARE = 0.6
POLISH_SHARE = 0.3
# Share of the time for polishing the greedy start of a fresh solve.
START_POLISH_SHARE = 0.15
# Share of the time for the MaxSAT search, which runs first when every meeting can be held;
# CP-SAT has the rest when it does not finish. Measured on the 20 real forums at 30 s
# (docs/benchmarks.md): 17 of 20 at their optimum and 58–59 breaks in all with 0.65,
# against 15–16 and 63–68 with 0.5.
MAXSAT_SHARE = 0.65
# Below this many seconds the time is better spent on CP-SAT alone, whose first schedules
# come sooner (forumt-14 within 4 s).
MAXSAT_MIN_SECONDS = 8.0
# Share of the time for the MaxSAT searches when the large-neighbourhood search (satlns.py)
# runs beside them: it always holds a schedule with every meeting and ends near the optimum
# when RC2 does not finish, so the CP-SAT steps after the share are not needed.
LNS_SHARE = 0.95
# Seconds the MaxSAT searches run alone first: most real forums are proved within them, and a
# third search on the two cores would only slow them.
LNS_AFTER = 1.5
# Seconds of annealing the LNS's first schedule gets (on forum-13crafb: from 103-107 holes to
# 12-19 in 3 s, where the LNS alone needs about 20 s to reach 9).
LNS_ANNEAL = 3.0
# Conflicts for the LNS's first schedule (forum-13crafb needs a few hundred).
FIRST_CONFLICTS = 100_000


def _run(
    window: cpsat.Window,
    hint: dict[int, tuple[int, int]],
    *,
    seconds: float,
    seed: int,
    workers: int,
    clock: Clock,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """Solve the window of the step begun last (`Clock.begin_step`) on `seconds`."""
    cpsat.add_full_hint(
        window.model, {var: hint.get(mi) == (s, v) for (mi, s, v), var in window.x.items()}
    )
    solver = cp_model.CpSolver()
    solver_parameters(
        solver, seconds=seconds, seed=seed, workers=workers, deterministic=clock.deterministic
    )
    status = solver.solve(window.model)
    clock.charge(cp_sat_work(solver, window.model) if clock.deterministic else 0.0)
    clock.end_step(seconds)
    return solver, status


def _solution(window: cpsat.Window, solver: cp_model.CpSolver) -> dict[int, tuple[int, int]]:
    return {mi: (s, v) for (mi, s, v), var in window.x.items() if solver.boolean_value(var)}


def _found(status: cp_model.CpSolverStatus) -> bool:
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _compact_steps(
    layout: Layout,
    board: Board,
    clock: Clock,
    plan: dict[int, tuple[int, int]],
    *,
    all_scheduled: bool,
    priority: int,
    seed: int,
    workers: int,
    loose_done: bool,
) -> tuple[dict[int, tuple[int, int]], int]:
    """Steps 1 (unless `loose_done`) and 2 of the module docstring from `plan`; returns the new
    plan and a lower bound on the holes (each step's objective is at most the holes of any
    schedule)."""
    everything = list(range(len(layout.meetings)))
    bound = 0
    steps = [(LOOSE_SHARE, False), (SPLIT_SHARE, True)]
    for share, split in steps[1:] if loose_done else steps:
        if not clock.begin_step():
            break
        window = cpsat.build(
            layout,
            board,
            everything,
            all_scheduled=all_scheduled,
            compact=True,
            spans_only=True,
        )
        window.model.add(window.priority >= priority)
        window.model.minimize(window.holed + window.split if split else window.holed)
        solver, status = _run(
            window, plan, seconds=share * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if _found(status):
            plan = _solution(window, solver)
            clock.best_at = clock.elapsed()
            bound = max(bound, round(solver.best_objective_bound))
            clock.bound_holes(bound)
            if status == cp_model.OPTIMAL and round(solver.objective_value) == 0:
                break  # hole-free: nothing left to split
    return plan, bound


def _polish(
    board: Board,
    plan: dict[int, tuple[int, int]],
    clock: Clock,
    seed: int,
    share: float = POLISH_SHARE,
) -> dict[int, tuple[int, int]]:
    """Close holes by local search on `share` of the time left: of the start before CP-SAT,
    and of the loose agendas before the exact count takes over."""
    return _on_board(board, plan, lambda: clock.polish(board, share, seed))


def _on_board(
    board: Board, plan: dict[int, tuple[int, int]], improve: Callable[[], object]
) -> dict[int, tuple[int, int]]:
    """`plan` placed on the empty `board`, improved there, and taken off again."""
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)
    improve()
    out = {mi: (s, board.venue[mi]) for mi, s in enumerate(board.slot) if s >= 0}
    for mi in out:
        board.remove(mi)
    return out


def _keep_compact(layout: Layout, window: cpsat.Window, plan: dict[int, tuple[int, int]]) -> int:
    """Keep hole-free agendas of `plan` on their intervals; returns how many were kept.

    Freezing the compact intervals (meetings may still swap slots inside them) makes the exact
    hole count a small problem about the loose agendas. Participants meeting a loose one stay
    free, so a loose agenda can pull its partners along.
    """
    busy = [0] * len(layout.person_index)
    for mi, (s, _) in plan.items():
        for p in layout.members[mi]:
            busy[p] |= 1 << s
    loose = {p for p, mask in enumerate(busy) if person_holes(layout, mask)}
    near = set(loose)
    for p in loose:
        for mi in layout.by_person[p]:
            near.update(layout.members[mi])
    kept: dict[int, int] = {}
    for p, mask in enumerate(busy):
        if p in near:
            continue
        for sess_mask in layout.session_mask:
            if mask & sess_mask:
                kept[p] = kept.get(p, 0) | sess_mask
    for (mi, s, _), var in window.x.items():
        if any(p in kept and kept[p] >> s & 1 and not busy[p] >> s & 1 for p in layout.members[mi]):
            window.model.add(var == 0)
    return len(kept)


def solve_whole(
    layout: Layout,
    board: Board,
    clock: Clock,
    *,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
    bound: int,
) -> dict[str, object]:
    """Solves on the whole instance: best priority; then, without a previous schedule, the
    compact steps; then moves, exact holes and fairness under that priority."""
    everything = list(range(len(layout.meetings)))
    best_plan = {mi: (board.slot[mi], board.venue[mi]) for mi in everything if board.slot[mi] >= 0}
    best = board_priority(board)
    start_holes = board_holes(board)
    clock.report("cp-sat on the whole instance", board, bound)
    for mi in everything:
        board.remove(mi)
    schedulable = sum(
        layout.priority[mi]
        for mi in everything
        if board.free_mask(mi) and layout.meeting_venues[mi]
    )
    fresh = previous is None
    outcome = None
    # The MaxSAT search runs when the bounds allow every meeting, unless the start already
    # holds them all without a hole.
    if fresh and bound >= schedulable and not (best >= schedulable and start_holes == 0):
        outcome, found = _hole_search(layout, clock, seed, best_plan, bound, workers)
        if outcome is not None and outcome.plan is not None:
            return _from_search(layout, board, clock, outcome)
        if outcome is not None and found is not None:
            return _from_lns(board, outcome, found)
    if fresh:
        # CP-SAT starts from the greedy start polished (after the MaxSAT search, which needs
        # no start, had its share).
        best_plan = _polish(board, best_plan, clock, seed, START_POLISH_SHARE)
    stats = _cp_sat_steps(
        layout, board, clock, best, best_plan, bound, schedulable, seed, workers, previous
    )
    # The search's bound is on schedules holding every meeting: it holds for this one only
    # if it does too.
    if fresh and outcome is not None and board_priority(board) >= schedulable:
        reached = stats.get("holes_lower_bound", 0)
        if isinstance(reached, int):
            stats["holes_lower_bound"] = max(outcome.holes_lower_bound, reached)
    return stats


def _hole_search(
    layout: Layout,
    clock: Clock,
    seed: int,
    start: dict[int, tuple[int, int]],
    bound: int,
    workers: int,
) -> tuple[maxsat.Outcome | None, Plan | None]:
    """The MaxSAT search for the fewest holes with every meeting held, and the LNS's best
    schedule where it ran. On the wall clock `workers` MaxSAT searches run in worker processes
    with the LNS beside them in this one (`_beside`); deterministic, two searches on a budget
    of conflicts, then the LNS on its own budget when neither finished."""
    if (
        layout.n_sessions > 1
        or maxsat.literal_count(layout) > maxsat.MAX_LITERALS
        or clock.left() < MAXSAT_MIN_SECONDS
    ):
        # With several sessions there are no interval clauses, and the search did not find
        # small-forum's hole-free schedule in 15 s (up to 95 s in all), so CP-SAT keeps the
        # time: 0.25 holes a participant instead of 0.15 otherwise.
        return None, None
    watch = _Watch(layout, clock, maxsat.HoleSearch(layout), start, bound)
    lns = satlns.HoleLns(watch.search.encoding, seed)
    try:
        found = None
        if not clock.deterministic:
            outcome, found = _beside(watch, lns, seed, workers)
        elif (outcome := _budgeted(watch, seed)).plan is None and not outcome.infeasible:
            found = _lns_start(watch, lns, seed)
            if found is not None:
                spent = lns.conflicts
                lns.run(
                    conflicts=int(clock.left() * maxsat.CONFLICTS_PER_SECOND),
                    stop=lambda: watch.lns(lns),
                )
                clock.charge((lns.conflicts - spent) / maxsat.CONFLICTS_PER_SECOND)
                found = lns.plan
        if found is not None and lns.proved:
            outcome.holes_lower_bound = max(outcome.holes_lower_bound, lns.holes)
        return outcome, found
    finally:
        lns.close()


class _Watch:
    """The MaxSAT searches and the LNS as progress sees them: the workers' lower bound, and
    the LNS's best schedule once it has one (the start before)."""

    PHASE = "maxsat: fewest holes with every meeting held"

    def __init__(
        self,
        layout: Layout,
        clock: Clock,
        search: maxsat.HoleSearch,
        start: dict[int, tuple[int, int]],
        bound: int,
    ) -> None:
        self.clock, self.search, self.bound = clock, search, bound
        self.shown = Board(layout)
        self.show(start)
        self.ticked = clock.elapsed()
        self.shown_holes: int | None = None

    def show(self, plan: Plan) -> None:
        for mi in range(len(self.shown.slot)):
            self.shown.remove(mi)
        for mi, (s, v) in plan.items():
            self.shown.place(mi, s, v)
        self.clock.report(self.PHASE, self.shown, self.bound)

    def tick(self) -> None:
        """Report a raised lower bound (call about once a second)."""
        self.ticked = self.clock.elapsed()
        if self.clock.bound_holes(self.search.bound):
            self.clock.report(self.PHASE, self.shown, self.bound)

    def wait(self, until: float) -> None:
        """Until the searches finish or `until` (elapsed seconds) comes."""
        while not self.search.finished() and (left := until - self.clock.elapsed()) > 0:
            self.search.wait(min(1.0, left))
            self.tick()

    def lns(self, lns: satlns.HoleLns | None = None, until: float = float("inf")) -> bool:
        """Between two LNS steps: report, and whether to stop (deterministic runs stop only on
        their budget)."""
        if lns is not None and lns.plan is not None and lns.holes != self.shown_holes:
            self.shown_holes = lns.holes
            self.clock.best_at = self.clock.elapsed()
            self.show(lns.plan)
        if self.clock.deterministic:
            return False
        if self.clock.elapsed() - self.ticked >= 1.0:
            self.tick()
        assert lns is not None
        return (
            self.search.finished()
            or self.clock.elapsed() >= until
            or lns.holes <= self.search.bound
        )


def _beside(
    watch: _Watch, lns: satlns.HoleLns, seed: int, workers: int
) -> tuple[maxsat.Outcome, Plan | None]:
    """On the wall clock: the MaxSAT searches alone for LNS_AFTER seconds, then the LNS beside
    them until one finishes, the LNS reaches their lower bound (its schedule is then optimal)
    or LNS_SHARE of the time is up; without an LNS schedule, MAXSAT_SHARE."""
    clock, search = watch.clock, watch.search
    left = clock.left()
    search.start(LNS_SHARE * left, seed=seed, processes=max(1, workers))
    alone = clock.elapsed() + MAXSAT_SHARE * left
    until = clock.elapsed() + LNS_SHARE * left
    watch.wait(min(alone, clock.elapsed() + LNS_AFTER))
    found = None
    if not search.finished() and _lns_start(watch, lns, seed, halt=search.finished):
        lns.run(conflicts=None, stop=lambda: watch.lns(lns, until))
        found = lns.plan
    else:
        watch.wait(alone)
    return search.stop(), found


def _budgeted(watch: _Watch, seed: int) -> maxsat.Outcome:
    """Deterministic: two searches, each on the whole budget of MAXSAT_SHARE; the first in
    order that finishes within it wins, so the answer is the same however fast each process
    runs. The work charged is the winner's conflicts, or the whole share when none finished."""
    clock, search = watch.clock, watch.search
    seconds = MAXSAT_SHARE * clock.left()
    budget = int(seconds * maxsat.CONFLICTS_PER_SECOND)
    searches = maxsat.DETERMINISTIC_SEARCHES
    search.start(guard(seconds), seed=seed, processes=searches, conflicts=budget)
    watch.wait(clock.elapsed() + guard(seconds))
    outcome = search.stop()
    finished = outcome.plan is not None or outcome.infeasible
    clock.charge(outcome.conflicts / maxsat.CONFLICTS_PER_SECOND if finished else seconds)
    if outcome.plan is not None:
        clock.bound_holes(outcome.holes_lower_bound)
    return outcome


def _lns_start(
    watch: _Watch, lns: satlns.HoleLns, seed: int, halt: Callable[[], bool] | None = None
) -> Plan | None:
    """The LNS's first schedule, annealed for up to LNS_ANNEAL seconds (`halt` may stop the
    annealing), given to the LNS as its start; None when none was found."""
    clock = watch.clock
    spent = lns.conflicts
    first = lns.first(FIRST_CONFLICTS)
    if clock.deterministic:
        clock.charge((lns.conflicts - spent) / maxsat.CONFLICTS_PER_SECOND)
    if first is None:
        return None
    board = Board(watch.shown.layout)
    plan = _on_board(
        board,
        first,
        lambda: clock.anneal(board, 1.0, seed, watch.bound, at_most=LNS_ANNEAL, halt=halt),
    )
    lns.begin(plan)
    watch.lns(lns)
    return plan


def _from_search(
    layout: Layout, board: Board, clock: Clock, outcome: maxsat.Outcome
) -> dict[str, object]:
    """Place the MaxSAT optimum: every meeting held, fewest holes, so nobody loses a meeting."""
    assert outcome.plan is not None
    for mi, (s, v) in outcome.plan.items():
        board.place(mi, s, v)
    clock.best_at = clock.elapsed()
    return {
        "method": "maxsat",
        "priority_proved_optimal": True,
        "holes_lower_bound": outcome.holes_lower_bound,
        "proved_optimal": True,
        "holes_method": "maxsat",
    }


def _from_lns(board: Board, outcome: maxsat.Outcome, plan: Plan) -> dict[str, object]:
    """Place the LNS's best schedule: every meeting held, so nobody loses one; optimal when
    its holes reach the MaxSAT searches' lower bound."""
    for mi, (s, v) in plan.items():
        board.place(mi, s, v)
    return {
        "method": "maxsat+lns",
        "priority_proved_optimal": True,
        "holes_lower_bound": outcome.holes_lower_bound,
        "proved_optimal": board_holes(board) <= outcome.holes_lower_bound,
        "holes_method": "lns",
    }


def _exact_model(
    layout: Layout,
    board: Board,
    clock: Clock,
    stats: dict[str, object],
    best: int,
    plan: dict[int, tuple[int, int]],
    loose_bound: int,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
    all_scheduled: bool,
) -> tuple[dict[int, tuple[int, int]], bool]:
    """The exact model under priority `best` (moves, holes, fairness) from `plan`; returns the
    plan and whether it is proved optimal, and sets `holes_lower_bound` in `stats`."""
    fresh = previous is None
    window = cpsat.build(
        layout,
        board,
        list(range(len(layout.meetings))),
        previous=previous,
        all_scheduled=all_scheduled,
        compact=fresh,
    )
    window.model.add(window.priority >= best)
    kept = _keep_compact(layout, window, plan) if fresh else 0
    hole_cap = len(layout.person_index) * layout.n_slots + 1
    # Above the fairness term's largest value (the most meetings one participant can lose, which
    # may exceed the slots), so that one hole always outweighs it.
    fair_cap = max((len(mine) for mine in layout.by_person), default=0) + 1
    window.model.minimize(
        window.moves * hole_cap * fair_cap + window.holes * fair_cap + window.fairness
    )
    solver, status = _run(
        window, plan, seconds=0.9 * clock.left(), seed=seed, workers=workers, clock=clock
    )
    if not _found(status):
        return plan, False
    clock.best_at = clock.elapsed()
    holes = round(solver.objective_value) // fair_cap
    # With agendas kept on their intervals, only the loose-agenda bound holds overall. In a
    # re-plan the objective's bound mixes in the moves, which come first: a schedule that moves
    # more may have fewer holes, so it bounds no holes at all.
    holes_bound = (
        loose_bound if kept or not fresh else round(solver.best_objective_bound) // fair_cap
    )
    lower = stats["holes_lower_bound"] = max(0, holes_bound, loose_bound)
    if fresh:
        clock.bound_holes(lower)
    proved = status == cp_model.OPTIMAL and (not kept or holes <= loose_bound)
    return _solution(window, solver), proved


def _cp_sat_steps(
    layout: Layout,
    board: Board,
    clock: Clock,
    best: int,
    best_plan: dict[int, tuple[int, int]],
    bound: int,
    schedulable: int,
    seed: int,
    workers: int,
    previous: dict[int, tuple[int, int]] | None,
) -> dict[str, object]:
    """The CP-SAT steps of the module docstring, from the start plan `best_plan`."""
    everything = list(range(len(layout.meetings)))
    stats: dict[str, object] = {}
    fresh = previous is None
    loose_done, loose_bound = False, 0
    status: cp_model.CpSolverStatus = cp_model.OPTIMAL
    if best < bound and bound >= schedulable and clock.begin_step():
        # The bounds allow every meeting: asking for all of them at once is a far easier
        # model than maximising how many fit.
        window = cpsat.build(
            layout, board, everything, all_scheduled=True, compact=fresh, spans_only=fresh
        )
        # Fresh, this is step 1 of the module docstring already: the loose-agenda model.
        window.model.minimize(window.holed if fresh else window.holes)
        share = LOOSE_SHARE if fresh else 0.5
        solver, status = _run(
            window, best_plan, seconds=share * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if _found(status):
            best, best_plan = schedulable, _solution(window, solver)
            clock.best_at = clock.elapsed()
            loose_done = fresh
            loose_bound = round(solver.best_objective_bound) if fresh else 0
            if fresh:
                clock.bound_holes(loose_bound)
    if best < bound and not clock.begin_step():
        status = cp_model.UNKNOWN
    elif best < bound:
        window = cpsat.build(layout, board, everything, previous=previous)
        window.model.maximize(window.priority)
        solver, status = _run(
            window, best_plan, seconds=0.4 * clock.left(), seed=seed, workers=workers, clock=clock
        )
        if _found(status) and solver.objective_value > best:
            best = round(solver.objective_value)
            best_plan = _solution(window, solver)
            clock.best_at = clock.elapsed()
    stats["priority_proved_optimal"] = status == cp_model.OPTIMAL or best >= bound
    all_scheduled = best >= schedulable
    if fresh:
        best_plan, step_bound = _compact_steps(
            layout,
            board,
            clock,
            best_plan,
            all_scheduled=all_scheduled,
            priority=best,
            seed=seed,
            workers=workers,
            loose_done=loose_done,
        )
        loose_bound = max(loose_bound, step_bound)
        best_plan = _polish(board, best_plan, clock, seed)
    if fresh:
        stats["holes_lower_bound"] = loose_bound
    proved = False
    # Unless too little time is left for the exact model to pay for its own building.
    if clock.begin_step():
        best_plan, proved = _exact_model(
            layout,
            board,
            clock,
            stats,
            best,
            best_plan,
            loose_bound,
            seed,
            workers,
            previous,
            all_scheduled,
        )
    stats["proved_optimal"] = proved and bool(stats["priority_proved_optimal"])
    for mi, (s, v) in best_plan.items():
        board.place(mi, s, v)
    return stats
