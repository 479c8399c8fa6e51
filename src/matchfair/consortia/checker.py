"""The independent eligibility checker: does a proposal meet every rule of its request?

It reads the request's rules and the countries' data afresh and never imports the solver, the
greedy baseline or their formulation, so a mistake there cannot hide here. The CLI runs it on
every proposal it writes; the funding app runs it on every edit of a proposal.
"""

from __future__ import annotations

from collections import Counter

from .countries import Countries, load_countries
from .model import Proposal, Request
from .score import objective


def check(request: Request, proposal: Proposal, countries: Countries | None = None) -> list[str]:
    """Every broken rule of `proposal`, in words; [] when it is eligible and its claims hold."""
    countries = countries or load_countries()
    rules = request.rules
    pillar = rules.pillar
    problems: list[str] = []
    if proposal.call != rules.call:
        problems.append(f"proposal is for call {proposal.call!r}, the request for {rules.call!r}")
    if not proposal.feasible:
        if proposal.seats or proposal.coordinator is not None:
            problems.append("an infeasible proposal must not list members")
        return problems
    members = list(proposal.members)
    for member, seats in Counter(members).items():
        if seats > 1:
            problems.append(f"{member} holds {seats} seats: one seat per organisation")
    unknown = [m for m in members if m not in request.by_id]
    problems += [f"{m} is not a candidate" for m in unknown]
    if unknown:
        return problems
    chosen = {m: request.by_id[m] for m in members}
    problems += [f"{m} is not available" for m, c in chosen.items() if not c.available]
    if request.lead not in chosen:
        problems.append(f"the lead member {request.lead} is not in the consortium")
    coordinators = [s.id for s in proposal.seats if s.role == "coordinator"]
    if coordinators != [proposal.coordinator] or proposal.coordinator not in chosen:
        problems.append(f"exactly one member must coordinate, found {coordinators}")
    else:
        lead = chosen[proposal.coordinator]
        standing = countries.standing(lead.country, pillar)
        if not lead.can_coordinate:
            problems.append(f"{lead.id} coordinates but may not")
        if standing == "third":
            problems.append(f"{lead.id} coordinates from {lead.country}, a third country")
        if rules.coordinator_in_member_state and standing != "member_state":
            problems.append(f"{lead.id} coordinates from {lead.country}, not a member state")
        if request.lead_coordinates and lead.id != request.lead:
            problems.append(f"the lead member {request.lead} must coordinate, not {lead.id}")
    if len(members) < rules.min_members:
        problems.append(f"{len(members)} members, fewer than the {rules.min_members} required")
    if rules.max_members is not None and len(members) > rules.max_members:
        problems.append(f"{len(members)} members, more than the {rules.max_members} allowed")
    for rule in rules.required_roles:
        playing = sum(c.plays(rule.role) for c in chosen.values())
        if playing < rule.at_least:
            problems.append(f"role {rule.role}: {playing} members, {rule.at_least} required")
    if rules.only_eligible_countries:
        problems += [
            f"{m} is in {c.country}, neither a member state nor an associated country"
            for m, c in chosen.items()
            if countries.standing(c.country, pillar) == "third"
        ]
    problems += _check_independent(request, proposal, countries)
    if proposal.coordinator in chosen and not problems:
        expected = objective(request, members, proposal.coordinator)
        if proposal.objective != expected:
            problems.append(f"objective {proposal.objective} should be {expected}")
    for seat in proposal.seats:
        c = chosen[seat.id]
        if (seat.fit, seat.relationship) != (c.fit_points, c.relationship.points):
            problems.append(f"{seat.id}: fit or relationship points do not match the request")
        if set(seat.domains) - set(c.domains) or set(seat.roles) - {c.type, *c.roles}:
            problems.append(f"{seat.id}: claims a domain or role it does not have")
    return problems


def _check_independent(request: Request, proposal: Proposal, countries: Countries) -> list[str]:
    """The listed independent legal entities meet the programme's default for the action."""
    rules = request.rules
    need = rules.independent_entities
    if need == 0:
        return []
    listed = list(proposal.independent_entities)
    problems: list[str] = []
    if len(listed) < need:
        problems.append(f"independent legal entities: {len(listed)} listed, {need} required")
    outside = [m for m in listed if m not in proposal.members]
    problems += [f"independent legal entity {m} is not a member" for m in outside]
    entities = [request.by_id[m] for m in listed if m in request.by_id and m not in outside]
    countries_seen = Counter(c.country for c in entities)
    groups_seen = Counter(c.group for c in entities)
    problems += [
        f"{n} independent legal entities in {country}: each must be in a different country"
        for country, n in countries_seen.items()
        if n > 1
    ]
    problems += [
        f"{n} independent legal entities in legal group {group}: affiliated, not independent"
        for group, n in groups_seen.items()
        if n > 1
    ]
    standings = [countries.standing(c.country, rules.pillar) for c in entities]
    problems += [
        f"independent legal entity {c.id} is in {c.country}, a third country"
        for c, standing in zip(entities, standings, strict=True)
        if standing == "third"
    ]
    if rules.needs_member_state and "member_state" not in standings:
        problems.append("no independent legal entity is in a member state")
    return problems
