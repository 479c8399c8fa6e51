"""A consortium changed by hand: the request written back as JSON, and the proposal for the
members and coordinator a person chose, with its reasons.

The funding app keeps each proposal's request (`request_to_json`, read back with
`parse_request`) so that an edit (a partner added or removed, another coordinator, a member's
roles) is explained with the same reasons as the builder's proposals (`reasons.propose`) and then
validated by the independent checker. `rebuild` does not judge the consortium: a consortium that
breaks a rule is still described, and the checker lists what it breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from .countries import Countries, load_countries
from .model import FORMAT, Candidate, Proposal, Request
from .reasons import propose


def _candidate_to_json(c: Candidate) -> dict[str, object]:
    return {
        "id": c.id,
        "name": c.name,
        "country": c.country,
        "type": c.type,
        "domains": list(c.domains),
        "roles": list(c.roles),
        "fit": c.fit,
        "relationship": {
            "expo_stage": c.relationship.expo_stage,
            "past_projects": c.relationship.past_projects,
            "same_partnership": c.relationship.same_partnership,
        },
        "available": c.available,
        "legal_group": c.legal_group or None,
        "can_coordinate": c.can_coordinate,
    }


def request_to_json(request: Request) -> dict[str, object]:
    """`matchfair-consortium-request/1`: `parse_request` reads it back to an equal request."""
    rules = request.rules
    return {
        "format": FORMAT,
        "rules": {
            "call": rules.call,
            "type_of_action": rules.type_of_action,
            "pillar": rules.pillar,
            "min_members": rules.min_members,
            "max_members": rules.max_members,
            "required_roles": [
                {"role": r.role, "at_least": r.at_least} for r in rules.required_roles
            ],
            "wanted_roles": list(rules.wanted_roles),
            "domains": list(rules.domains),
            "only_eligible_countries": rules.only_eligible_countries,
            "coordinator_in_member_state": rules.coordinator_in_member_state,
        },
        "lead": request.lead,
        "lead_coordinates": request.lead_coordinates,
        "weights": {
            name: getattr(request.weights, name) for name in request.weights.__dataclass_fields__
        },
        "candidates": [_candidate_to_json(c) for c in request.candidates],
    }


def independent_witness(
    request: Request, members: Sequence[str], countries: Countries
) -> tuple[str, ...]:
    """Members that meet the programme's default for the type of action: as many independent
    legal entities as it needs, each in a different eligible country and legal group, one in a
    member state when it asks for one. When no such set exists, the largest set of distinct
    eligible entities found, so that the checker names the shortfall."""
    rules = request.rules
    need = rules.independent_entities
    if need == 0:
        return ()
    pillar = rules.pillar
    eligible = [
        request.by_id[m]
        for m in members
        if m in request.by_id and countries.eligible(request.by_id[m].country, pillar)
    ]
    # Member states first, so the first set found has one when one can.
    eligible.sort(key=lambda c: countries.standing(c.country, pillar) != "member_state")
    for size in range(min(need, len(eligible)), 0, -1):
        for chosen in combinations(eligible, size):
            if len({c.country for c in chosen}) < size or len({c.group for c in chosen}) < size:
                continue
            in_member_state = any(
                countries.standing(c.country, pillar) == "member_state" for c in chosen
            )
            if size == need and rules.needs_member_state and not in_member_state:
                continue
            return tuple(c.id for c in chosen)
    return ()


def rebuild(
    request: Request,
    members: Sequence[str],
    coordinator: str,
    countries: Countries | None = None,
    stats: dict[str, object] | None = None,
) -> Proposal:
    """The proposal for `members` coordinated by `coordinator`, chosen by a person; every member
    and the coordinator must be candidates of the request (ValueError otherwise)."""
    countries = countries or load_countries()
    unknown = [m for m in [*members, coordinator] if m not in request.by_id]
    if unknown:
        raise ValueError(f"not candidates of the request: {', '.join(unknown)}")
    if coordinator not in members:
        raise ValueError(f"the coordinator {coordinator} is not a member")
    if len(set(members)) != len(members):
        raise ValueError("one seat per organisation")
    witness = independent_witness(request, members, countries)
    return propose(
        request,
        list(members),
        coordinator,
        witness,
        countries,
        {"solver": "edited by hand", **(stats or {})},
    )
