"""The greedy baseline: what a person would do by hand, one best organisation at a time.

Start from the lead member; take the best-scoring organisations that give the programme's
default its independent legal entities (new country, new legal group, a member state first when
one is needed); then the best player of each required role; then the best until the topic's
minimum size; then anyone whose marginal gain in the objective is positive, up to the maximum
size. It never takes a seat back, so it can miss a consortium that exists.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from .countries import Countries, load_countries
from .formulation import may_coordinate
from .model import Candidate, Proposal, Request
from .reasons import propose
from .score import objective


@dataclass(frozen=True, slots=True)
class Consortium:
    members: tuple[str, ...]
    coordinator: str
    independent: tuple[str, ...]


def _playing(role: str) -> Callable[[Candidate], bool]:
    return lambda c: c.plays(role)


def _witness_rule(
    fits: Callable[[Candidate], bool], in_member_state: Callable[[Candidate], bool], strict: bool
) -> Callable[[Candidate], bool]:
    """A next independent legal entity; `strict`: the last one, and none yet in a member state."""
    return lambda c: fits(c) and (not strict or in_member_state(c))


def greedy_consortium(request: Request, countries: Countries) -> Consortium | None:
    """A consortium meeting every rule, built greedily, or None when the greedy gets stuck."""
    rules = request.rules
    pillar = rules.pillar
    lead = request.by_id[request.lead]
    if not lead.available:
        return None
    if request.lead_coordinates and not may_coordinate(request, lead.id, countries):
        return None
    pool = [
        c
        for c in request.candidates
        if c.available
        and c.id != lead.id
        and (not rules.only_eligible_countries or countries.eligible(c.country, pillar))
    ]
    if rules.only_eligible_countries and not countries.eligible(lead.country, pillar):
        return None
    members: list[str] = [lead.id]

    def value(extra: list[str]) -> int:
        return objective(request, extra, lead.id).total

    def best(accept: Callable[[Candidate], bool]) -> Candidate | None:
        base = value(members)
        options = [c for c in pool if c.id not in members and accept(c)]
        if not options:
            return None
        return max(options, key=lambda c: (value([*members, c.id]) - base, c.fit, c.id))

    independent: list[str] = []
    need = rules.independent_entities

    def fits_witness(c: Candidate) -> bool:
        return (
            countries.eligible(c.country, pillar)
            and all(request.by_id[o].country != c.country for o in independent)
            and all(request.by_id[o].group != c.group for o in independent)
        )

    def in_member_state(c: Candidate) -> bool:
        return countries.standing(c.country, pillar) == "member_state"

    if need and fits_witness(lead):
        independent.append(lead.id)
    while len(independent) < need:
        missing_state = rules.needs_member_state and not any(
            in_member_state(request.by_id[o]) for o in independent
        )
        strict = missing_state and len(independent) == need - 1
        found = best(_witness_rule(fits_witness, in_member_state, strict))
        if found is None:
            return None
        members.append(found.id)
        independent.append(found.id)
    for rule in rules.required_roles:
        while sum(request.by_id[m].plays(rule.role) for m in members) < rule.at_least:
            found = best(_playing(rule.role))
            if found is None:
                return None
            members.append(found.id)
    while len(members) < rules.min_members:
        found = best(lambda c: True)
        if found is None:
            return None
        members.append(found.id)
    high = rules.max_members if rules.max_members is not None else len(request.candidates)
    while len(members) < high:
        found = best(lambda c: True)
        if found is None or value([*members, found.id]) <= value(members):
            break
        members.append(found.id)
    if len(members) > high:
        return None
    if request.lead_coordinates:
        coordinator = lead.id
    else:
        able = [m for m in members if may_coordinate(request, m, countries)]
        if not able:
            return None
        coordinator = max(able, key=lambda m: (request.by_id[m].fit_points, m))
    return Consortium(tuple(members), coordinator, tuple(independent))


def plan_baseline(request: Request, countries: Countries | None = None) -> Proposal:
    """The greedy baseline as a proposal (`stats.solver` is "greedy")."""
    began = time.perf_counter()
    countries = countries or load_countries()
    found = greedy_consortium(request, countries)
    stats: dict[str, object] = {"solver": "greedy", "candidates": len(request.candidates)}
    if found is None:
        stats["seconds"] = round(time.perf_counter() - began, 3)
        return propose(request, [], None, [], countries, stats, unmet=[])
    stats["objective"] = objective(request, found.members, found.coordinator).total
    stats["seconds"] = round(time.perf_counter() - began, 3)
    return propose(
        request, list(found.members), found.coordinator, list(found.independent), countries, stats
    )
