"""Tests for `matchfair.consortia.contract`: the request JSON, every error by its JSON path."""

from __future__ import annotations

import pytest

from matchfair.consortia import (
    Candidate,
    Relationship,
    RequestError,
    RoleRule,
    Rules,
    Weights,
    parse_request,
)

from .instances import CALL, small


def _errors(doc: object) -> list[str]:
    with pytest.raises(RequestError) as raised:
        parse_request(doc)
    return raised.value.errors


def test_parse_request_small_reads_rules_and_candidates() -> None:
    request = parse_request(small())

    assert request.rules == Rules(
        call=CALL,
        type_of_action="RIA",
        pillar=2,
        min_members=4,
        max_members=5,
        required_roles=(RoleRule("city", 1),),
        wanted_roles=("end_user", "research"),
        domains=("mobility", "energy", "ai", "citizen-engagement", "climate-adaptation"),
    )
    assert (request.lead, request.lead_coordinates, request.weights) == (
        "sofia-lab",
        True,
        Weights(),
    )
    assert request.by_id["barcelona"] == Candidate(
        id="barcelona",
        name="Ajuntament de Barcelona",
        country="ES",
        type="city",
        domains=("mobility", "citizen-engagement"),
        fit=0.7,
        relationship=Relationship("valuable_contact", 0, False),
        roles=("end_user",),
    )


def test_parse_request_eu_country_spelling_becomes_iso() -> None:
    request = parse_request(small())

    assert request.by_id["thessaloniki"].country == "GR"


def test_parse_request_not_an_object_is_refused() -> None:
    assert _errors([]) == ["$: must be an object"]


def test_parse_request_wrong_format_and_unknown_field_name_their_paths() -> None:
    doc = small()
    doc["format"] = "matchfair-consortium-request/2"
    doc["colour"] = "blue"

    assert _errors(doc) == [
        "$.colour: unknown field",
        'format: must be "matchfair-consortium-request/1"',
    ]


def test_parse_request_bad_rules_name_each_field() -> None:
    doc = small()
    doc["rules"].update(
        {
            "type_of_action": "grant",
            "min_members": 6,
            "max_members": 5,
            "required_roles": [{"role": "city"}, {"role": "city", "at_least": 0}],
            "only_eligible_countries": "yes",
        }
    )

    assert _errors(doc) == [
        "rules.type_of_action: must be one of RIA, IA, CSA, other",
        "rules.max_members: must be at least min_members (6)",
        "rules.required_roles[1].at_least: must be an integer >= 1",
        'rules.required_roles[1].role: role "city" required twice',
        "rules.only_eligible_countries: must be true or false",
    ]


def test_parse_request_bad_candidates_name_each_path() -> None:
    doc = small()
    doc["candidates"][1]["country"] = "Spain"
    doc["candidates"][2]["type"] = "university"
    doc["candidates"][3]["fit"] = 1.5
    doc["candidates"][4]["relationship"] = {"expo_stage": "friends", "past_projects": -1}
    doc["candidates"][5]["domains"] = ["ai", "ai"]
    doc["candidates"][6]["available"] = "no"

    assert _errors(doc) == [
        "candidates[1].country: must be a two-letter ISO 3166-1 code",
        "candidates[2].type: must be one of research, higher_education, sme, large_company, "
        "public_body, city, ngo",
        "candidates[3].fit: must be a number from 0 to 1",
        "candidates[4].relationship.expo_stage: must be null or one of no_further_contact, "
        "held, knowledge_gained, valuable_contact, negotiation_started, agreement_reached",
        'candidates[5].domains[1]: "ai" listed twice',
        "candidates[6].available: must be true or false",
    ]


def test_parse_request_duplicate_organisation_gets_one_seat_error() -> None:
    doc = small()
    doc["candidates"].append(dict(doc["candidates"][1]))

    assert _errors(doc) == ['candidates[7].id: duplicate organisation "barcelona": one seat each']


def test_parse_request_lead_must_be_a_candidate() -> None:
    doc = small()
    doc["lead"] = "nobody"

    assert _errors(doc) == ['lead: unknown candidate "nobody": the lead must be a candidate']


def test_parse_request_missing_fields_and_bad_weights_are_all_listed() -> None:
    doc = small()
    del doc["rules"]["call"]
    del doc["candidates"][0]["name"]
    doc["weights"] = {"seat": -5, "luck": 3}

    assert _errors(doc) == [
        "rules.call: must be a non-empty string",
        "weights.luck: unknown field",
        "weights.seat: must be an integer from 0 to 10000",
        "candidates[0].name: must be a non-empty string",
    ]


def test_parse_request_empty_candidates_is_refused() -> None:
    doc = small()
    doc["candidates"] = []

    assert _errors(doc) == [
        "candidates: must list at least one candidate",
        'lead: unknown candidate "sofia-lab": the lead must be a candidate',
    ]
