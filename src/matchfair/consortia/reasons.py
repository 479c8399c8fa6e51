"""Why each proposed member is there, and which rule each satisfies: in English words, and as
phrases (`model.PHRASES`) that an app words in its reader's language."""

from __future__ import annotations

from collections.abc import Sequence

from .countries import Countries
from .model import Phrase, Proposal, Request, RuleMet, Seat, Unmet
from .score import covered_domains, objective


def rules_met(
    request: Request,
    members: Sequence[str],
    coordinator: str,
    witness: Sequence[str],
    countries: Countries,
) -> list[RuleMet]:
    """Each hard rule of the request with the members that satisfy it."""
    rules = request.rules
    pillar = rules.pillar
    lead_phrase = Phrase("met.lead", {"lead": request.lead})
    country = request.by_id[coordinator].country
    coordinator_phrase = Phrase(
        "met.coordinator",
        {
            "coordinator": coordinator,
            "country": country,
            "lead_coordinates": request.lead_coordinates,
        },
    )
    met: list[RuleMet] = [
        RuleMet(
            "lead",
            f"the lead member {request.lead} is in the consortium",
            (request.lead,),
            lead_phrase,
        ),
        RuleMet(
            "coordinator",
            f"{coordinator} coordinates, from {countries.name(country)}"
            + (" (the lead member coordinates)" if request.lead_coordinates else ""),
            (coordinator,),
            coordinator_phrase,
        ),
    ]
    if witness:
        where = [request.by_id[m].country for m in witness]
        standings = [countries.standing(c, pillar) for c in where]
        places = ", ".join(
            f"{m} ({c}, {s.replace('_', ' ')})"
            for m, c, s in zip(witness, where, standings, strict=True)
        )
        needed = rules.independent_entities
        text = (
            f"Horizon Europe {rules.type_of_action}: at least "
            f"{needed} independent legal {'entity' if needed == 1 else 'entities'}"
            + (" in different member states or associated countries" if needed > 1 else "")
            + (", one in a member state" if rules.needs_member_state else "")
            + f": {places}"
        )
        phrase = Phrase(
            "met.independent_entities",
            {
                "type_of_action": rules.type_of_action,
                "needed": needed,
                "needs_member_state": rules.needs_member_state,
                "members": tuple(witness),
                "countries": tuple(where),
                "standings": tuple(standings),
            },
        )
        met.append(RuleMet("independent_entities", text, tuple(witness), phrase))
    size = f"{len(members)} members"
    bounds = f"at least {rules.min_members}"
    if rules.max_members is not None:
        bounds += f", at most {rules.max_members}"
    size_phrase = Phrase(
        "met.size", {"members": len(members), "min": rules.min_members, "max": rules.max_members}
    )
    met.append(RuleMet("size", f"{size} ({bounds})", tuple(members), size_phrase))
    for rule in rules.required_roles:
        players = tuple(m for m in members if request.by_id[m].plays(rule.role))
        met.append(
            RuleMet(
                f"role:{rule.role}",
                f"at least {rule.at_least} in the role {rule.role.replace('_', ' ')}: "
                f"{len(players)} in the consortium",
                players,
                Phrase(
                    "met.role",
                    {"role": rule.role, "at_least": rule.at_least, "players": len(players)},
                ),
            )
        )
    if rules.only_eligible_countries:
        met.append(
            RuleMet(
                "only_eligible_countries",
                "every member is in a member state or an associated country",
                tuple(members),
                Phrase("met.only_eligible_countries"),
            )
        )
    return met


def _label(request: Request, rule: RuleMet, member: str, countries: Countries) -> Phrase:
    """The rule one member satisfies, as a phrase (`label_text` words it in English)."""
    if rule.rule == "lead":
        return Phrase("seat.lead")
    if rule.rule == "coordinator":
        return Phrase("seat.coordinator")
    if rule.rule == "independent_entities":
        country = request.by_id[member].country
        return Phrase(
            "seat.independent_entity",
            {
                "place": rule.satisfied_by.index(member) + 1,
                "of": len(rule.satisfied_by),
                "country": country,
                "standing": countries.standing(country, request.rules.pillar),
            },
        )
    return Phrase("seat.role", {"role": rule.rule.removeprefix("role:")})


def label_text(label: Phrase, countries: Countries) -> str:
    """The rule one member satisfies, in a few English words."""
    params = label.params
    if label.key == "seat.lead":
        return "lead member"
    if label.key == "seat.coordinator":
        return "coordinator"
    if label.key == "seat.independent_entity":
        standing = str(params["standing"]).replace("_", " ")
        return (
            f"independent legal entity {params['place']} of {params['of']} "
            f"({countries.name(str(params['country']))}, {standing})"
        )
    return f"required role {str(params['role']).replace('_', ' ')}"


def seats(
    request: Request,
    members: Sequence[str],
    coordinator: str,
    met: Sequence[RuleMet],
    countries: Countries,
) -> list[Seat]:
    """Each member with the terms that put it there and the rules it satisfies."""
    role_names = [r.role for r in request.rules.required_roles] + list(request.rules.wanted_roles)
    out: list[Seat] = []
    order = [coordinator, *sorted((m for m in members if m != coordinator), key=str)]
    for m in order:
        candidate = request.by_id[m]
        domains = tuple(d for d in request.domains if d in candidate.domains)
        only = tuple(
            d for d in domains if not any(d in request.by_id[o].domains for o in members if o != m)
        )
        roles = tuple(dict.fromkeys(r for r in role_names if candidate.plays(r)))
        labels = tuple(
            _label(request, rule, m, countries)
            for rule in met
            if m in rule.satisfied_by and rule.rule not in {"size", "only_eligible_countries"}
        )
        out.append(
            Seat(
                id=m,
                role="coordinator" if m == coordinator else "partner",
                fit=candidate.fit_points,
                relationship=candidate.relationship.points,
                relationship_text=candidate.relationship.describe(),
                domains=domains,
                only_domains=only,
                roles=roles,
                rules=tuple(label_text(label, countries) for label in labels),
                labels=labels,
                relationship_facts=candidate.relationship,
            )
        )
    return out


def propose(
    request: Request,
    members: Sequence[str],
    coordinator: str | None,
    independent: Sequence[str],
    countries: Countries,
    stats: dict[str, object],
    unmet: Sequence[Unmet] = (),
) -> Proposal:
    """The proposal for a chosen consortium, with its reasons; with no coordinator, the answer
    that no consortium was found (`unmet` says why, when that is known)."""
    if coordinator is None:
        return Proposal(
            call=request.rules.call,
            feasible=False,
            coordinator=None,
            seats=(),
            independent_entities=(),
            rules=(),
            objective=None,
            domains_missing=(),
            unmet=tuple(unmet),
            stats=stats,
        )
    met = rules_met(request, members, coordinator, independent, countries)
    covered = set(covered_domains(request, members))
    return Proposal(
        call=request.rules.call,
        feasible=True,
        coordinator=coordinator,
        seats=tuple(seats(request, members, coordinator, met, countries)),
        independent_entities=tuple(independent),
        rules=tuple(met),
        objective=objective(request, members, coordinator),
        domains_missing=tuple(d for d in request.domains if d not in covered),
        unmet=(),
        stats=stats,
    )
