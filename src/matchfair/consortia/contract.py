"""Read the public JSON format `matchfair-consortium-request/1` into typed values.

Validation collects every error, each naming its JSON path, and raises them together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from matchfair.documents import PathErrors as _Errors
from matchfair.documents import as_int as _int
from matchfair.documents import as_list as _list
from matchfair.documents import as_object as _obj
from matchfair.documents import as_string as _string
from matchfair.documents import quote as _quote
from matchfair.documents import unknown_keys as _unknown_keys

from .countries import Countries, load_countries
from .model import (
    EXPO_STAGES,
    FORMAT,
    ORGANISATION_TYPES,
    TYPES_OF_ACTION,
    Candidate,
    Relationship,
    Request,
    RoleRule,
    Rules,
    Weights,
)

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class RequestError(ValueError):
    """The input does not follow the contract; `errors` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def _bool(value: object, path: str, errors: _Errors) -> bool | None:
    if isinstance(value, bool):
        return value
    errors.add(path, "must be true or false")
    return None


def _strings(value: object, path: str, errors: _Errors) -> tuple[str, ...]:
    out: list[str] = []
    for i, item in enumerate(_list(value, path, errors)):
        text = _string(item, f"{path}[{i}]", errors)
        if text is not None and text in out:
            errors.add(f"{path}[{i}]", f"{_quote(text)} listed twice")
        elif text is not None:
            out.append(text)
    return tuple(out)


def _parse_rules(raw: object, errors: _Errors) -> Rules | None:
    obj = _obj(raw, "rules", errors)
    if obj is None:
        return None
    fields = {
        "call",
        "type_of_action",
        "pillar",
        "min_members",
        "max_members",
        "required_roles",
        "wanted_roles",
        "domains",
        "only_eligible_countries",
        "coordinator_in_member_state",
    }
    _unknown_keys(obj, fields, "rules", errors)
    call = _string(obj.get("call"), "rules.call", errors)
    action = obj.get("type_of_action", "RIA")
    if action not in TYPES_OF_ACTION:
        errors.add("rules.type_of_action", f"must be one of {', '.join(TYPES_OF_ACTION)}")
    pillar: int | None = 2
    if "pillar" in obj:
        pillar = (
            None if obj["pillar"] is None else _int(obj["pillar"], "rules.pillar", errors, 1, 4)
        )
    low = _int(obj.get("min_members", 1), "rules.min_members", errors, 1)
    high: int | None = None
    if obj.get("max_members") is not None:
        high = _int(obj["max_members"], "rules.max_members", errors, 1)
        if low is not None and high is not None and high < low:
            errors.add("rules.max_members", f"must be at least min_members ({low})")
    roles: list[RoleRule] = []
    for i, item in enumerate(_list(obj.get("required_roles", []), "rules.required_roles", errors)):
        path = f"rules.required_roles[{i}]"
        role_obj = _obj(item, path, errors)
        if role_obj is None:
            continue
        _unknown_keys(role_obj, {"role", "at_least"}, path, errors)
        role = _string(role_obj.get("role"), f"{path}.role", errors)
        at_least = _int(role_obj.get("at_least", 1), f"{path}.at_least", errors, 1)
        if role is not None and any(r.role == role for r in roles):
            errors.add(f"{path}.role", f"role {_quote(role)} required twice")
        elif role is not None and at_least is not None:
            roles.append(RoleRule(role, at_least))
    wanted = _strings(obj.get("wanted_roles", []), "rules.wanted_roles", errors)
    domains = _strings(obj.get("domains", []), "rules.domains", errors)
    only_eligible = _bool(
        obj.get("only_eligible_countries", False), "rules.only_eligible_countries", errors
    )
    coordinator_ms = _bool(
        obj.get("coordinator_in_member_state", False), "rules.coordinator_in_member_state", errors
    )
    if call is None or low is None or action not in TYPES_OF_ACTION:
        return None
    if only_eligible is None or coordinator_ms is None:
        return None
    return Rules(
        call=call,
        type_of_action=str(action),
        pillar=pillar,
        min_members=low,
        max_members=high,
        required_roles=tuple(roles),
        wanted_roles=wanted,
        domains=domains,
        only_eligible_countries=only_eligible,
        coordinator_in_member_state=coordinator_ms,
    )


def _parse_weights(raw: object, errors: _Errors) -> Weights:
    obj = _obj(raw, "weights", errors)
    if obj is None:
        return Weights()
    names = set(Weights.__dataclass_fields__)
    _unknown_keys(obj, names, "weights", errors)
    values: dict[str, int] = {}
    for name in sorted(names & set(obj)):
        value = _int(obj[name], f"weights.{name}", errors, 0, 10_000)
        if value is not None:
            values[name] = value
    return Weights(**values)


def _fit(value: object, path: str, errors: _Errors) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    errors.add(path, "must be a number from 0 to 1")
    return None


def _parse_relationship(raw: object, path: str, errors: _Errors) -> Relationship | None:
    obj = _obj(raw, path, errors)
    if obj is None:
        return None
    _unknown_keys(obj, {"expo_stage", "past_projects", "same_partnership"}, path, errors)
    stage = obj.get("expo_stage")
    if stage is not None and stage not in EXPO_STAGES:
        errors.add(f"{path}.expo_stage", f"must be null or one of {', '.join(EXPO_STAGES)}")
        return None
    projects = _int(obj.get("past_projects", 0), f"{path}.past_projects", errors, 0)
    partnership = _bool(obj.get("same_partnership", False), f"{path}.same_partnership", errors)
    if projects is None or partnership is None:
        return None
    return Relationship(stage, projects, partnership)


def _parse_candidate(
    obj: Mapping[str, Any], path: str, countries: Countries, errors: _Errors
) -> Candidate | None:
    fields = {
        "id",
        "name",
        "country",
        "type",
        "domains",
        "roles",
        "fit",
        "relationship",
        "available",
        "legal_group",
        "can_coordinate",
    }
    _unknown_keys(obj, fields, path, errors)
    cid = _string(obj.get("id"), f"{path}.id", errors)
    name = _string(obj.get("name"), f"{path}.name", errors)
    country = _string(obj.get("country"), f"{path}.country", errors)
    if country is not None and not _COUNTRY.match(country):
        errors.add(f"{path}.country", "must be a two-letter ISO 3166-1 code")
        country = None
    kind = obj.get("type")
    if kind not in ORGANISATION_TYPES:
        errors.add(f"{path}.type", f"must be one of {', '.join(ORGANISATION_TYPES)}")
    domains = _strings(obj.get("domains", []), f"{path}.domains", errors)
    roles = _strings(obj.get("roles", []), f"{path}.roles", errors)
    fit = _fit(obj.get("fit"), f"{path}.fit", errors)
    relationship = _parse_relationship(obj.get("relationship", {}), f"{path}.relationship", errors)
    available = _bool(obj.get("available", True), f"{path}.available", errors)
    group = ""
    if obj.get("legal_group") is not None:
        group = _string(obj["legal_group"], f"{path}.legal_group", errors) or ""
    coordinates = _bool(obj.get("can_coordinate", True), f"{path}.can_coordinate", errors)
    if cid is None or name is None or country is None or kind not in ORGANISATION_TYPES:
        return None
    if fit is None or relationship is None or available is None or coordinates is None:
        return None
    return Candidate(
        id=cid,
        name=name,
        country=countries.canonical(country),
        type=str(kind),
        domains=domains,
        fit=fit,
        relationship=relationship,
        available=available,
        roles=roles,
        legal_group=group,
        can_coordinate=coordinates,
    )


def parse_request(raw: object, countries: Countries | None = None) -> Request:
    """Validate a decoded `matchfair-consortium-request/1`; raise `RequestError` listing every
    problem."""
    countries = countries or load_countries()
    errors = _Errors()
    root = _obj(raw, "$", errors)
    if root is None:
        raise RequestError(errors.items)
    _unknown_keys(
        root, {"format", "rules", "lead", "lead_coordinates", "weights", "candidates"}, "$", errors
    )
    if root.get("format") != FORMAT:
        errors.add("format", f"must be {_quote(FORMAT)}")
    rules = _parse_rules(root.get("rules"), errors)
    weights = _parse_weights(root.get("weights", {}), errors)
    lead_coordinates = _bool(root.get("lead_coordinates", True), "lead_coordinates", errors)
    candidates: list[Candidate] = []
    declared: set[str] = set()
    items = _list(root.get("candidates"), "candidates", errors)
    if isinstance(root.get("candidates"), list) and not items:
        errors.add("candidates", "must list at least one candidate")
    for i, item in enumerate(items):
        path = f"candidates[{i}]"
        obj = _obj(item, path, errors)
        if obj is None:
            continue
        cid = obj.get("id")
        if isinstance(cid, str) and cid in declared:
            errors.add(f"{path}.id", f"duplicate organisation {_quote(cid)}: one seat each")
            continue
        if isinstance(cid, str):
            declared.add(cid)
        candidate = _parse_candidate(obj, path, countries, errors)
        if candidate is not None:
            candidates.append(candidate)
    lead = _string(root.get("lead"), "lead", errors)
    if lead is not None and lead not in declared:
        errors.add("lead", f"unknown candidate {_quote(lead)}: the lead must be a candidate")
    if errors.items or rules is None or lead is None or lead_coordinates is None:
        raise RequestError(errors.items)
    return Request(
        rules=rules,
        lead=lead,
        lead_coordinates=lead_coordinates,
        candidates=tuple(candidates),
        weights=weights,
    )
