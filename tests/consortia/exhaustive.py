"""The optimum of a tiny request by trying every consortium: written from the rules in
docs/funding.md, sharing nothing with the solver, the checker or `score.py`."""

from __future__ import annotations

import itertools

from matchfair.consortia import Request, load_countries

STAGES = {
    None: 0,
    "no_further_contact": 0,
    "held": 10,
    "knowledge_gained": 15,
    "valuable_contact": 35,
    "negotiation_started": 50,
    "agreement_reached": 60,
}
ENTITIES = {"RIA": (3, True), "IA": (3, True), "CSA": (1, False), "other": (0, False)}


def _value(request: Request, members: tuple[str, ...], coordinator: str) -> int:
    w = request.weights
    total = 0
    for m in members:
        c = request.by_id[m]
        rel = c.relationship
        points = STAGES[rel.expo_stage] + 15 * min(rel.past_projects, 3)
        points += 15 if rel.same_partnership else 0
        total += w.fit * round(c.fit * 100) + w.relationship * min(points, 100) - w.seat
    domains = request.rules.domains or sorted({d for c in request.candidates for d in c.domains})
    total += w.domain * sum(any(d in request.by_id[m].domains for m in members) for d in domains)
    plays = [{request.by_id[m].type, *request.by_id[m].roles} for m in members]
    total += w.role * sum(any(r in p for p in plays) for r in request.rules.wanted_roles)
    return total + w.coordinator * round(request.by_id[coordinator].fit * 100)


def _eligible(request: Request, members: tuple[str, ...], coordinator: str) -> bool:
    countries = load_countries()
    rules = request.rules

    def standing(m: str) -> str:
        return countries.standing(request.by_id[m].country, rules.pillar)

    if request.lead not in members:
        return False
    if request.lead_coordinates and coordinator != request.lead:
        return False
    boss = request.by_id[coordinator]
    if not boss.can_coordinate or standing(coordinator) == "third":
        return False
    if rules.coordinator_in_member_state and standing(coordinator) != "member_state":
        return False
    if len(members) < rules.min_members:
        return False
    if rules.max_members is not None and len(members) > rules.max_members:
        return False
    for rule in rules.required_roles:
        if sum(request.by_id[m].plays(rule.role) for m in members) < rule.at_least:
            return False
    if rules.only_eligible_countries and any(standing(m) == "third" for m in members):
        return False
    need, member_state = ENTITIES[rules.type_of_action]
    if need == 0:
        return True
    for group in itertools.combinations(members, need):
        chosen = [request.by_id[m] for m in group]
        if (
            all(standing(m) != "third" for m in group)
            and len({c.country for c in chosen}) == need
            and len({c.legal_group or c.id for c in chosen}) == need
            and (not member_state or any(standing(m) == "member_state" for m in group))
        ):
            return True
    return False


def best_objective(request: Request) -> int | None:
    """The largest objective of any eligible consortium, or None when there is none."""
    available = [c.id for c in request.candidates if c.available]
    best: int | None = None
    for size in range(1, len(available) + 1):
        for members in itertools.combinations(available, size):
            for coordinator in members:
                if _eligible(request, members, coordinator):
                    value = _value(request, members, coordinator)
                    best = value if best is None else max(best, value)
    return best
