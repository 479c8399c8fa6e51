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
    said = [(group, phrase(request, group, countries)) for group in core]
    return [Unmet(group, describe(words, countries), words) for group, words in said]


def _ids(ids: list[str], limit: int = 5) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _ids_of(said: Phrase) -> list[str]:
    ids = said.params["ids"]
    assert isinstance(ids, tuple)
    return list(ids)


def _words(said: Phrase, name: str) -> str:
    """A key-like parameter (a role, a standing) as words."""
    return str(said.params[name]).replace("_", " ")


def describe(said: Phrase, countries: Countries) -> str:
    """One rule group in English words, from its phrase (the facts `phrase` found)."""
    p = said.params
    key = said.key
    if key == "unmet.lead":
        state = "is available" if p["available"] else "is marked unavailable"
        return f"the lead member {p['lead']} must be in the consortium; it {state}"
    if key == "unmet.coordinator":
        where = (
            "a member state"
            if p["member_state_only"]
            else "a member state or an associated country"
        )
        able = _ids_of(said)
        return (
            f"one member must coordinate: an available organisation that can coordinate, "
            f"in {where}; {len(able)} candidates qualify" + (f" ({_ids(able)})" if able else "")
        )
    if key.startswith("unmet.lead_coordinates."):
        why = {
            "unmet.lead_coordinates.unavailable": "it is marked unavailable",
            "unmet.lead_coordinates.may_not": "it may not coordinate",
            "unmet.lead_coordinates.other": "it could, so another rule stands in the way",
        }.get(key) or (f"it is in {countries.name(str(p['country']))} ({_words(said, 'standing')})")
        return f"the lead member {p['lead']} must coordinate; {why}"
    if key == "unmet.size_min":
        return (
            f"the topic needs at least {p['min']} members; "
            f"{p['available']} candidates are available"
        )
    if key == "unmet.size_max":
        return f"the topic allows at most {p['max']} members"
    if key == "unmet.only_eligible_countries":
        outside = _ids_of(said)
        return (
            "every member must be in a member state or an associated country; "
            f"{len(outside)} available candidates are not"
            + (f" ({_ids(outside)})" if outside else "")
        )
    if key == "unmet.independent_entities":
        need = p["needed"]
        assert isinstance(need, int)
        text = f"Horizon Europe {p['type_of_action']} needs at least {need} independent legal " + (
            "entity" if need == 1 else "entities"
        )
        if need > 1:
            text += " in different member states or associated countries"
        if p["needs_member_state"]:
            text += ", one in a member state"
        return (
            f"{text}; the available candidates are in {p['countries']} such countries "
            f"({p['member_states']} member states)"
        )
    players = _ids_of(said)
    return (
        f"the topic needs at least {p['at_least']} in the role {_words(said, 'role')}; "
        f"{len(players)} available candidates play it" + (f" ({_ids(players)})" if players else "")
    )


def phrase(request: Request, group: str, countries: Countries) -> Phrase:
    """One rule group as a phrase (`model.PHRASES`): the facts about the available candidates,
    which `describe` puts in English and the funding app in the reader's language."""
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
