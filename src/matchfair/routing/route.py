"""One member's visits by OR-Tools' routing solver (guided local search), for large members.

Each free gap is a vehicle that leaves one anchor and must reach the next; each wished stop is
an optional node with a disjunction penalty. Used when CP-SAT (`member.py`) proves nothing.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from itertools import pairwise

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from .member import Placed, member_gaps
from .model import Member, Visits, Wish
from .timeline import Anchor, start_ranges

_DAY = 1440  # days are laid end to end on one time axis, a day's minutes apart


def route_member(
    visits: Visits,
    member: Member,
    wishes: Sequence[Wish],
    fixed: Mapping[str, Sequence[Anchor]],
    *,
    time_limit: float,
    weight: int,
) -> list[Placed]:
    """A good feasible plan found within `time_limit`; not proved optimal."""
    began = time.perf_counter()
    free = member_gaps(visits, member, fixed)
    offset = {d.id: i * _DAY for i, d in enumerate(visits.days)}
    # wish → (gap, absolute arrival ranges) where it fits
    options: list[tuple[Wish, list[tuple[int, list[tuple[int, int]]]]]] = []
    for wish in wishes:
        stop = visits.stop_by_id[wish.stop]
        fits = []
        for g, gap in enumerate(free):
            ranges = start_ranges(visits, stop, gap)
            if ranges:
                fits.append((g, [(a + offset[gap.day], b + offset[gap.day]) for a, b in ranges]))
        if fits:
            options.append((wish, fits))
    used = sorted({g for _, fits in options for g, _ in fits})
    if not options:
        return []
    vehicle = {g: k for k, g in enumerate(used)}
    n, k = len(options), len(used)
    locations = [visits.stop_by_id[w.stop].location for w, _ in options]
    locations += [free[g].origin for g in used] + [free[g].destination for g in used]
    service = [visits.stop_by_id[w.stop].minutes for w, _ in options] + [0] * (2 * k)
    manager = pywrapcp.RoutingIndexManager(
        n + 2 * k, k, list(range(n, n + k)), list(range(n + k, n + 2 * k))
    )
    routing = pywrapcp.RoutingModel(manager)

    # Matrices by node, not Python callbacks: the search calls them hundreds of thousands of times.
    walks = [[visits.walk(a, b) for b in locations] for a in locations]
    transits = [[service[i] + w for w in row] for i, row in enumerate(walks)]
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(walks))
    routing.AddDimension(
        routing.RegisterTransitMatrix(transits), _DAY, len(visits.days) * _DAY, False, "time"
    )
    timing = routing.GetDimensionOrDie("time")
    for g in used:
        gap, v = free[g], vehicle[g]
        timing.CumulVar(routing.Start(v)).SetRange(
            gap.start + offset[gap.day], gap.start + offset[gap.day]
        )
        timing.CumulVar(routing.End(v)).SetRange(
            gap.start + offset[gap.day], gap.end + offset[gap.day]
        )
    for node, (wish, fits) in enumerate(options):
        index = manager.NodeToIndex(node)
        ranges = sorted(r for _, rs in fits for r in rs)
        cumul = timing.CumulVar(index)
        cumul.SetRange(ranges[0][0], ranges[-1][1])
        for (_, high), (low, _) in pairwise(ranges):
            if high + 1 <= low - 1:
                cumul.RemoveInterval(high + 1, low - 1)
        routing.VehicleVar(index).SetValues([-1, *(vehicle[g] for g, _ in fits)])
        routing.AddDisjunction([index], wish.priority * weight)

    parameters = pywrapcp.DefaultRoutingSearchParameters()
    parameters.first_solution_strategy = (
        routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
    )
    parameters.local_search_metaheuristic = (
        routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    )
    # Building the model counts against the member's budget too.
    left = time_limit - (time.perf_counter() - began)
    parameters.time_limit.FromMilliseconds(max(int(left * 1000), 10))
    solution = routing.SolveWithParameters(parameters)
    if solution is None:
        return []
    placed: list[Placed] = []
    for node, (wish, _) in enumerate(options):
        index = manager.NodeToIndex(node)
        if solution.Value(routing.NextVar(index)) == index:
            continue
        arrive = solution.Min(timing.CumulVar(index))
        day = visits.days[arrive // _DAY].id
        placed.append(Placed(day, wish.stop, arrive % _DAY))
    return placed
