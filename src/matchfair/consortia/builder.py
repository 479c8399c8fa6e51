"""The consortium builder: CP-SAT chooses the coordinator and the partners.

The model is `formulation.py`'s; the greedy baseline's consortium, when it finds one, is the
solver's first hint. When the rules cannot be met, `explain.py` says which.
"""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from .countries import Countries, load_countries
from .explain import explain
from .formulation import formulate, rule_groups
from .greedy import greedy_consortium
from .model import Proposal, Request
from .reasons import propose
from .score import objective


def build_consortium(
    request: Request,
    *,
    time_limit: float = 10.0,
    seed: int = 0,
    workers: int = 1,
    countries: Countries | None = None,
) -> Proposal:
    """The best consortium CP-SAT finds within `time_limit` seconds, or, when the rules cannot be
    met, an infeasible proposal that says which rules (`explain.py`)."""
    began = time.perf_counter()
    countries = countries or load_countries()
    built = formulate(request, rule_groups(request), countries, objective=True)
    greedy = greedy_consortium(request, countries)
    if greedy is not None:
        built.hint(greedy.members, greedy.coordinator, greedy.independent)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit - (time.perf_counter() - began), 0.05)
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = max(1, workers)
    status = solver.solve(built.model)
    stats: dict[str, object] = {
        "solver": "cp-sat",
        "status": solver.status_name(status),
        "proved_optimal": status == cp_model.OPTIMAL,
        "candidates": len(request.candidates),
        "available": sum(c.available for c in request.candidates),
        "seed": seed,
        "workers": max(1, workers),
    }
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        members = [cid for cid, var in built.seat.items() if solver.boolean_value(var)]
        coordinator = next(cid for cid, var in built.lead.items() if solver.boolean_value(var))
        independent = [cid for cid, var in built.counts.items() if solver.boolean_value(var)]
        stats["objective"] = round(solver.objective_value)
        stats["bound"] = round(solver.best_objective_bound)
        stats["seconds"] = round(time.perf_counter() - began, 3)
        return propose(request, members, coordinator, independent, countries, stats)
    if status != cp_model.INFEASIBLE and greedy is not None:
        # Out of time before CP-SAT reported a consortium: the greedy one meets every rule.
        stats["solver"] = "greedy, cp-sat out of time"
        stats["objective"] = objective(request, greedy.members, greedy.coordinator).total
        stats["seconds"] = round(time.perf_counter() - began, 3)
        members, coordinator = list(greedy.members), greedy.coordinator
        return propose(request, members, coordinator, list(greedy.independent), countries, stats)
    stats["seconds"] = round(time.perf_counter() - began, 3)
    if status != cp_model.INFEASIBLE:  # out of time before any consortium or proof
        return propose(request, [], None, [], countries, stats, unmet=[])
    return propose(request, [], None, [], countries, stats, unmet=explain(request, countries))
