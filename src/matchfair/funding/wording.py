"""The consortium builder's reasons in the reader's language.

The builder (`matchfair.consortia`) says each reason in English and as a phrase: a key of
`consortia.model.PHRASES` with its facts (docs/funding.md, "Phrases"). This module words the
phrases of a stored proposal with gettext: country names through django-countries, roles,
standings, stages of the follow-up ladder and the call's domains through the labels below, and
organisations by name. A proposal stored before phrases were written keeps its English text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django_countries import countries as country_names

from matchfair.consortia import load_countries
from matchfair.events.taxonomy import DOMAINS

# The builder's organisation types and the roles a member may play beyond its type.
ROLE_NAMES: dict[str, Promise] = {
    "research": pgettext_lazy("consortium role", "research"),
    "higher_education": pgettext_lazy("consortium role", "higher education"),
    "sme": pgettext_lazy("consortium role", "SME"),
    "large_company": pgettext_lazy("consortium role", "large company"),
    "public_body": pgettext_lazy("consortium role", "public body"),
    "city": pgettext_lazy("consortium role", "city"),
    "ngo": pgettext_lazy("consortium role", "NGO"),
    "end_user": pgettext_lazy("consortium role", "end user"),
}
STANDINGS: dict[str, Promise] = {
    "member_state": gettext_lazy("member state"),
    "associated": gettext_lazy("associated country"),
    "third": gettext_lazy("third country"),
}
EXPO_STAGES: dict[str, Promise] = {
    "no_further_contact": pgettext_lazy("expo stage", "no further contact"),
    "held": pgettext_lazy("expo stage", "held"),
    "knowledge_gained": pgettext_lazy("expo stage", "knowledge gained"),
    "valuable_contact": pgettext_lazy("expo stage", "valuable contact"),
    "negotiation_started": pgettext_lazy("expo stage", "negotiation started"),
    "agreement_reached": pgettext_lazy("expo stage", "agreement reached"),
}
SEAT_ROLES: dict[str, Promise] = {
    "coordinator": gettext_lazy("coordinator"),
    "partner": gettext_lazy("partner"),
}
# How the cluster found a candidate (`proposals.gather_candidates`).
SOURCES: dict[str, Promise] = {
    "lead": gettext_lazy("lead member"),
    "expo": pgettext_lazy("found through", "expo"),
    "partnership": pgettext_lazy("found through", "partnership"),
    "cordis": pgettext_lazy("found through", "CORDIS"),
}
DOMAIN_NAMES = dict(DOMAINS)
SHOWN = 5  # organisations named in a list; the rest are counted


def role_name(role: str) -> str:
    return str(ROLE_NAMES.get(role, role.replace("_", " ")))


def standing_name(standing: str) -> str:
    return str(STANDINGS.get(standing, standing.replace("_", " ")))


def country_name(code: str) -> str:
    """In the reader's language; the builder's own (English) name for a code django-countries
    does not know, such as Kosovo's XK."""
    return str(country_names.name(code)) or load_countries().name(code)


def domain_name(domain: str) -> str:
    """The taxonomy's label, begun in lower case as in the middle of a sentence ("energy", but
    "ICT and data"); a domain outside the taxonomy as it is."""
    if domain not in DOMAIN_NAMES:
        return domain
    label = _(DOMAIN_NAMES[domain])
    first = label.split(" ", 1)[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


def domain_names(domains: Sequence[str]) -> str:
    return ", ".join(domain_name(d) for d in domains)


class Wording:
    """The phrases of one stored proposal, with its organisations named (`names`: id → name)."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    def name(self, member: object) -> str:
        return self.names.get(str(member), str(member))

    def listed(self, members: Sequence[str]) -> str:
        shown = ", ".join(self.name(m) for m in members[:SHOWN])
        if len(members) <= SHOWN:
            return shown
        return _("%(shown)s and %(count)s more") % {"shown": shown, "count": len(members) - SHOWN}

    def phrase(self, key: str, params: Mapping[str, Any]) -> str:
        """The phrase in the active language; KeyError for a key with no wording."""
        return WORDINGS[key](self, params)

    def entry(self, entry: Mapping[str, Any]) -> str:
        """A `rules[]` or `unmet[]` entry of a stored proposal."""
        phrase = entry.get("phrase")
        if not phrase:
            return str(entry["text"])
        return self.phrase(phrase["key"], phrase["params"])

    def seat_rules(self, seat: Mapping[str, Any]) -> list[str]:
        """The rules a member satisfies (`members[].labels`, else its English `rules`)."""
        labels = seat.get("labels")
        if labels is None:
            return [str(rule) for rule in seat["rules"]]
        return [self.phrase(label["key"], label["params"]) for label in labels]

    def why(self, seat: Mapping[str, Any]) -> str:
        """The terms that put a member in the consortium, as `consortia.result.why` says."""
        why = seat["why"]
        facts = why.get("relationship_facts")
        bond = relationship(**facts) if facts is not None else why["relationship_text"]
        parts = [
            _("fit %(points)s") % {"points": why["fit"]},
            _("relationship %(points)s (%(relationship)s)")
            % {"points": why["relationship"], "relationship": bond},
        ]
        if why["only_domains"]:
            parts.append(
                _("the only member covering %(domains)s")
                % {"domains": domain_names(why["only_domains"])}
            )
        elif why["domains"]:
            parts.append(_("covers %(domains)s") % {"domains": domain_names(why["domains"])})
        if why["roles"]:
            roles = ", ".join(role_name(r) for r in why["roles"])
            parts.append(_("plays %(roles)s") % {"roles": roles})
        return "; ".join(parts)


def relationship(
    expo_stage: str | None = None, past_projects: int = 0, same_partnership: bool = False
) -> str:
    """What the cluster knows of an organisation, as `consortia.Relationship.describe` says."""
    parts: list[str] = []
    if expo_stage is not None:
        stage = str(EXPO_STAGES.get(expo_stage, expo_stage.replace("_", " ")))
        parts.append(_("met at the expo: %(stage)s") % {"stage": stage})
    if past_projects:
        parts.append(
            ngettext(
                "%(count)s past project together", "%(count)s past projects together", past_projects
            )
            % {"count": past_projects}
        )
    if same_partnership:
        parts.append(_("same partnership"))
    return "; ".join(parts) or _("no relationship yet")


def summary(proposal: Mapping[str, Any]) -> str:
    """For a proposal with no consortium: why, in one sentence (the rules are listed apart)."""
    unmet = proposal.get("unmet") or []
    if not unmet:
        return _("No consortium was found within the time limit.")
    return ngettext(
        "No consortium can meet this rule.",
        "No consortium can meet these rules together.",
        len(unmet),
    )


# Each phrase key of the builder, worded. Sentences are whole where a language would order them
# differently; a count picks its plural with ngettext.


def _entities(params: Mapping[str, Any], *, needs: str) -> str:
    needed = int(params["needed"])
    if needs == "met":
        rule = ngettext(
            "Horizon Europe %(action)s: at least %(count)s independent legal entity",
            "Horizon Europe %(action)s: at least %(count)s independent legal entities in "
            "different member states or associated countries",
            needed,
        )
    else:
        rule = ngettext(
            "Horizon Europe %(action)s needs at least %(count)s independent legal entity",
            "Horizon Europe %(action)s needs at least %(count)s independent legal entities in "
            "different member states or associated countries",
            needed,
        )
    text = rule % {"action": params["type_of_action"], "count": needed}
    if params["needs_member_state"]:
        text = _("%(rule)s, one in a member state") % {"rule": text}
    return text


def _met_independent(w: Wording, params: Mapping[str, Any]) -> str:
    places = ", ".join(
        _("%(member)s (%(country)s, %(standing)s)")
        % {"member": w.name(m), "country": country_name(c), "standing": standing_name(s)}
        for m, c, s in zip(params["members"], params["countries"], params["standings"], strict=True)
    )
    return f"{_entities(params, needs='met')}: {places}"


def _met_size(w: Wording, params: Mapping[str, Any]) -> str:
    if params["max"] is None:
        bounds = _("at least %(min)s") % {"min": params["min"]}
    else:
        bounds = _("at least %(min)s, at most %(max)s") % {
            "min": params["min"],
            "max": params["max"],
        }
    count = int(params["members"])
    return ngettext("%(count)s member (%(bounds)s)", "%(count)s members (%(bounds)s)", count) % {
        "count": count,
        "bounds": bounds,
    }


def _with_ids(w: Wording, text: str, ids: Sequence[str]) -> str:
    return f"{text} ({w.listed(ids)})" if ids else text


def _unmet_coordinator(w: Wording, params: Mapping[str, Any]) -> str:
    if params["member_state_only"]:
        head = _(
            "one member must coordinate: an available organisation that can coordinate, "
            "in a member state"
        )
    else:
        head = _(
            "one member must coordinate: an available organisation that can coordinate, "
            "in a member state or an associated country"
        )
    count = len(params["ids"])
    qualify = ngettext("%(count)s candidate qualifies", "%(count)s candidates qualify", count) % {
        "count": count
    }
    return _with_ids(w, f"{head}; {qualify}", params["ids"])


def _unmet_size_min(w: Wording, params: Mapping[str, Any]) -> str:
    need, available = int(params["min"]), int(params["available"])
    head = ngettext(
        "the topic needs at least %(count)s member",
        "the topic needs at least %(count)s members",
        need,
    ) % {"count": need}
    tail = ngettext(
        "%(count)s candidate is available", "%(count)s candidates are available", available
    ) % {"count": available}
    return f"{head}; {tail}"


def _unmet_size_max(w: Wording, params: Mapping[str, Any]) -> str:
    most = int(params["max"])
    return ngettext(
        "the topic allows at most %(count)s member",
        "the topic allows at most %(count)s members",
        most,
    ) % {"count": most}


def _unmet_only_eligible(w: Wording, params: Mapping[str, Any]) -> str:
    count = len(params["ids"])
    tail = ngettext(
        "%(count)s available candidate is not", "%(count)s available candidates are not", count
    ) % {"count": count}
    head = _("every member must be in a member state or an associated country")
    return _with_ids(w, f"{head}; {tail}", params["ids"])


def _unmet_independent(w: Wording, params: Mapping[str, Any]) -> str:
    found, states = int(params["countries"]), int(params["member_states"])
    where = ngettext(
        "the available candidates are in %(count)s such country",
        "the available candidates are in %(count)s such countries",
        found,
    ) % {"count": found}
    member_states = ngettext("%(count)s member state", "%(count)s member states", states) % {
        "count": states
    }
    return f"{_entities(params, needs='unmet')}; {where} ({member_states})"


def _unmet_role(w: Wording, params: Mapping[str, Any]) -> str:
    count = len(params["ids"])
    head = _("the topic needs at least %(count)s in the role %(role)s") % {
        "count": params["at_least"],
        "role": role_name(params["role"]),
    }
    tail = ngettext(
        "%(count)s available candidate plays it", "%(count)s available candidates play it", count
    ) % {"count": count}
    return _with_ids(w, f"{head}; {tail}", params["ids"])


def _met_coordinator(w: Wording, params: Mapping[str, Any]) -> str:
    values = {
        "coordinator": w.name(params["coordinator"]),
        "country": country_name(params["country"]),
    }
    if params["lead_coordinates"]:
        return (
            _("%(coordinator)s coordinates, from %(country)s (the lead member coordinates)")
            % values
        )
    return _("%(coordinator)s coordinates, from %(country)s") % values


WORDINGS: dict[str, Callable[[Wording, Mapping[str, Any]], str]] = {
    "met.lead": lambda w, p: (
        _("the lead member %(lead)s is in the consortium") % {"lead": w.name(p["lead"])}
    ),
    "met.coordinator": _met_coordinator,
    "met.independent_entities": _met_independent,
    "met.size": _met_size,
    "met.role": lambda w, p: (
        _("at least %(at_least)s in the role %(role)s: %(count)s in the consortium")
        % {"at_least": p["at_least"], "role": role_name(p["role"]), "count": p["players"]}
    ),
    "met.only_eligible_countries": lambda w, p: _(
        "every member is in a member state or an associated country"
    ),
    "seat.lead": lambda w, p: _("lead member"),
    "seat.coordinator": lambda w, p: _("coordinator"),
    "seat.independent_entity": lambda w, p: (
        _("independent legal entity %(place)s of %(of)s (%(country)s, %(standing)s)")
        % {
            "place": p["place"],
            "of": p["of"],
            "country": country_name(p["country"]),
            "standing": standing_name(p["standing"]),
        }
    ),
    "seat.role": lambda w, p: _("required role %(role)s") % {"role": role_name(p["role"])},
    "unmet.lead": lambda w, p: (
        (
            _("the lead member %(lead)s must be in the consortium; it is available")
            if p["available"]
            else _("the lead member %(lead)s must be in the consortium; it is marked unavailable")
        )
        % {"lead": w.name(p["lead"])}
    ),
    "unmet.coordinator": _unmet_coordinator,
    "unmet.lead_coordinates.unavailable": lambda w, p: (
        _("the lead member %(lead)s must coordinate; it is marked unavailable")
        % {"lead": w.name(p["lead"])}
    ),
    "unmet.lead_coordinates.may_not": lambda w, p: (
        _("the lead member %(lead)s must coordinate; it may not coordinate")
        % {"lead": w.name(p["lead"])}
    ),
    "unmet.lead_coordinates.country": lambda w, p: (
        _("the lead member %(lead)s must coordinate; it is in %(country)s (%(standing)s)")
        % {
            "lead": w.name(p["lead"]),
            "country": country_name(p["country"]),
            "standing": standing_name(p["standing"]),
        }
    ),
    "unmet.lead_coordinates.other": lambda w, p: (
        _("the lead member %(lead)s must coordinate; it could, so another rule stands in the way")
        % {"lead": w.name(p["lead"])}
    ),
    "unmet.size_min": _unmet_size_min,
    "unmet.size_max": _unmet_size_max,
    "unmet.only_eligible_countries": _unmet_only_eligible,
    "unmet.independent_entities": _unmet_independent,
    "unmet.role": _unmet_role,
}


def for_proposal(request: Mapping[str, Any], proposal: Mapping[str, Any]) -> Wording:
    """The wording of a stored proposal: its candidates and members named."""
    names = {str(c["id"]): str(c["name"]) for c in request.get("candidates", [])}
    names |= {str(m["id"]): str(m["name"]) for m in proposal.get("members", [])}
    return Wording(names)


def members(request: Mapping[str, Any], proposal: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each member of a stored proposal, with what its page shows of it worded."""
    wording = for_proposal(request, proposal)
    return [
        dict(seat)
        | {
            "worded": {
                "why": wording.why(seat),
                "rules": wording.seat_rules(seat),
                "country": country_name(str(seat["country"])),
                "standing": standing_name(str(seat["country_standing"])),
                "role": str(SEAT_ROLES.get(seat["role"], seat["role"])),
                "type": role_name(str(seat["type"])),
                "sources": [str(SOURCES.get(s, s)) for s in seat.get("sources", [])],
            }
        }
        for seat in proposal.get("members", [])
    ]


def unmet(request: Mapping[str, Any], proposal: Mapping[str, Any]) -> list[str]:
    """The rules no consortium meets, worded."""
    wording = for_proposal(request, proposal)
    return [wording.entry(entry) for entry in proposal.get("unmet", [])]
