"""The objective of a consortium, term by term: one definition for the solver, the baseline,
the checker and the tests (the solver's model states the same sum over its variables).
"""

from __future__ import annotations

from collections.abc import Collection

from .model import Candidate, Objective, Request


def member_points(request: Request, candidate: Candidate) -> int:
    """What one member adds on its own: fit and relationship, less the seat cost."""
    w = request.weights
    return w.fit * candidate.fit_points + w.relationship * candidate.relationship.points - w.seat


def covered_domains(request: Request, members: Collection[str]) -> list[str]:
    return [d for d in request.domains if any(d in request.by_id[m].domains for m in members)]


def covered_wanted_roles(request: Request, members: Collection[str]) -> list[str]:
    return [
        r for r in request.rules.wanted_roles if any(request.by_id[m].plays(r) for m in members)
    ]


def objective(request: Request, members: Collection[str], coordinator: str) -> Objective:
    """The objective of `members` (candidate ids) led by `coordinator`."""
    w = request.weights
    chosen = [request.by_id[m] for m in members]
    return Objective(
        fit=w.fit * sum(c.fit_points for c in chosen),
        relationship=w.relationship * sum(c.relationship.points for c in chosen),
        seats=-w.seat * len(chosen),
        domains=w.domain * len(covered_domains(request, members)),
        roles=w.role * len(covered_wanted_roles(request, members)),
        coordinator=w.coordinator * request.by_id[coordinator].fit_points,
    )
