"""Why no consortium meets a request: a smallest set of rules that cannot be met together.

Deletion filter: start from every rule group of the request, leave one out at a time (the
lead member's rules last), and keep it out whenever the rest is still infeasible. What remains cannot be met together, and each of
its rules is needed for that. Each rule is told with the facts about the candidates behind it.
"""

from __future__ import annotations

from .countries import Countries
from .formulation import feasible, may_coordinate, rule_groups
from .model import Phrase, Request, Unmet


def explain(request: Request, countries: Countries) -> list[Unmet]:
    """The rules that cannot be met together, each with the facts that make it hard; [] when the
    request is feasible after all."""
    core = rule_groups(request)
    if feasible(request, core, countries):
        return []
    # The topic's own rules are tried first and the lead member's last, so that a request
    # infeasible because of the lead says so rather than naming what follows from it.
    for group in reversed(list(core)):
        trial = [g for g in core if g != group]
        if not feasible(request, trial, countries):
            core = trial
    return [
        Unmet(group, describe(request, group, countries), phrase(request, group, countries))
        for group in core
    ]


def _ids(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def describe(request: Request, group: str, countries: Countries) -> str:
    """One rule group in words, with the facts about the available candidates."""
    rules = request.rules
    pillar = rules.pillar
    available = [c for c in request.candidates if c.available]
    lead = request.by_id[request.lead]
    if group == "lead":
        state = "is marked unavailable" if not lead.available else "is available"
        return f"the lead member {lead.id} must be in the consortium; it {state}"
    if group == "coordinator":
        where = (
            "a member state"
            if rules.coordinator_in_member_state
            else ("a member state or an associated country")
        )
        able = [c.id for c in available if may_coordinate(request, c.id, countries)]
        return (
            f"one member must coordinate: an available organisation that can coordinate, "
            f"in {where}; {len(able)} candidates qualify" + (f" ({_ids(able)})" if able else "")
        )
    if group == "lead_coordinates":
        standing = countries.standing(lead.country, pillar)
        if not lead.available:
            why = "it is marked unavailable"
        elif not lead.can_coordinate:
            why = "it may not coordinate"
        elif standing == "third" or (
            rules.coordinator_in_member_state and standing != "member_state"
        ):
            why = f"it is in {countries.name(lead.country)} ({standing.replace('_', ' ')})"
        else:
            why = "it could, so another rule stands in the way"
        return f"the lead member {lead.id} must coordinate; {why}"
    if group == "size_min":
        return (
            f"the topic needs at least {rules.min_members} members; "
            f"{len(available)} candidates are available"
        )
    if group == "size_max":
        return f"the topic allows at most {rules.max_members} members"
    if group == "only_eligible_countries":
        outside = [c.id for c in available if not countries.eligible(c.country, pillar)]
        return (
            "every member must be in a member state or an associated country; "
            f"{len(outside)} available candidates are not"
            + (f" ({_ids(outside)})" if outside else "")
        )
    if group == "independent_entities":
        eligible = [c for c in available if countries.eligible(c.country, pillar)]
        states = {c.country for c in eligible}
        members = {
            c.country for c in eligible if countries.standing(c.country, pillar) == "member_state"
        }
        need = rules.independent_entities
        text = f"Horizon Europe {rules.type_of_action} needs at least {need} independent legal " + (
            "entity" if need == 1 else "entities"
        )
        if need > 1:
            text += " in different member states or associated countries"
        if rules.needs_member_state:
            text += ", one in a member state"
        return (
            f"{text}; the available candidates are in {len(states)} such countries "
            f"({len(members)} member states)"
        )
    role = group.removeprefix("role:")
    rule = next(r for r in rules.required_roles if r.role == role)
    players = [c.id for c in available if c.plays(role)]
    return (
        f"the topic needs at least {rule.at_least} in the role {role.replace('_', ' ')}; "
        f"{len(players)} available candidates play it" + (f" ({_ids(players)})" if players else "")
    )


def phrase(request: Request, group: str, countries: Countries) -> Phrase:
    """One rule group as a phrase (`model.PHRASES`): the facts `describe` puts in words."""
    rules = request.rules
    pillar = rules.pillar
    available = [c for c in request.candidates if c.available]
    lead = request.by_id[request.lead]
    if group == "lead":
        return Phrase("unmet.lead", {"lead": lead.id, "available": lead.available})
    if group == "coordinator":
        able = tuple(c.id for c in available if may_coordinate(request, c.id, countries))
        return Phrase(
            "unmet.coordinator",
            {"member_state_only": rules.coordinator_in_member_state, "ids": able},
        )
    if group == "lead_coordinates":
        standing = countries.standing(lead.country, pillar)
        if not lead.available:
            return Phrase("unmet.lead_coordinates.unavailable", {"lead": lead.id})
        if not lead.can_coordinate:
            return Phrase("unmet.lead_coordinates.may_not", {"lead": lead.id})
        if standing == "third" or (
            rules.coordinator_in_member_state and standing != "member_state"
        ):
            return Phrase(
                "unmet.lead_coordinates.country",
                {"lead": lead.id, "country": lead.country, "standing": standing},
            )
        return Phrase("unmet.lead_coordinates.other", {"lead": lead.id})
    if group == "size_min":
        return Phrase("unmet.size_min", {"min": rules.min_members, "available": len(available)})
    if group == "size_max":
        return Phrase("unmet.size_max", {"max": rules.max_members})
    if group == "only_eligible_countries":
        outside = tuple(c.id for c in available if not countries.eligible(c.country, pillar))
        return Phrase("unmet.only_eligible_countries", {"ids": outside})
    if group == "independent_entities":
        eligible = [c for c in available if countries.eligible(c.country, pillar)]
        member_states = {
            c.country for c in eligible if countries.standing(c.country, pillar) == "member_state"
        }
        return Phrase(
            "unmet.independent_entities",
            {
                "type_of_action": rules.type_of_action,
                "needed": rules.independent_entities,
                "needs_member_state": rules.needs_member_state,
                "countries": len({c.country for c in eligible}),
                "member_states": len(member_states),
            },
        )
    role = group.removeprefix("role:")
    rule = next(r for r in rules.required_roles if r.role == role)
    players = tuple(c.id for c in available if c.plays(role))
    return Phrase("unmet.role", {"role": role, "at_least": rule.at_least, "ids": players})
