from __future__ import annotations

import copy
from typing import Any

import pytest

from matchfair.recommend import (
    ContractError,
    Opportunity,
    Profile,
    parse_profiles,
    profiles_document,
)


def _document() -> dict[str, Any]:
    return {
        "format": "matchfair-profiles/1",
        "participants": [
            {
                "id": "p1",
                "organisation": "City of Velora",
                "organisation_type": "city",
                "country": "BG",
                "domains": ["mobility"],
                "description": "A city.",
                "opportunities": [
                    {
                        "kind": "request",
                        "title": "Reduce congestion",
                        "description": "Queues at junctions.",
                        "domains": ["mobility"],
                    }
                ],
                "exclude": ["p2"],
            },
            {
                "id": "p2",
                "organisation": "Signalwise",
                "organisation_type": "company",
                "country": "ES",
                "domains": [],
                "description": "",
                "opportunities": [],
            },
        ],
    }


def _errors(document: object) -> list[str]:
    with pytest.raises(ContractError) as caught:
        parse_profiles(document)
    return caught.value.errors


def test_parse_profiles_valid_document_gives_profiles() -> None:
    profiles = parse_profiles(_document())
    assert profiles == [
        Profile(
            id="p1",
            organisation="City of Velora",
            organisation_type="city",
            country="BG",
            domains=("mobility",),
            description="A city.",
            opportunities=(
                Opportunity(
                    kind="request",
                    title="Reduce congestion",
                    description="Queues at junctions.",
                    domains=("mobility",),
                ),
            ),
            exclude=frozenset({"p2"}),
        ),
        Profile(id="p2", organisation="Signalwise", organisation_type="company", country="ES"),
    ]


def test_profiles_document_round_trip_is_identity() -> None:
    profiles = parse_profiles(_document())
    assert parse_profiles(profiles_document(profiles)) == profiles


def test_parse_profiles_not_an_object_reports_root() -> None:
    assert _errors([1, 2]) == ["$: must be an object, got a list"]


def test_parse_profiles_wrong_format_reports_format() -> None:
    document = _document()
    document["format"] = "matchfair-profiles/2"
    assert _errors(document) == [
        'format: must be "matchfair-profiles/1", got "matchfair-profiles/2"'
    ]


def test_parse_profiles_missing_participants_reports_path() -> None:
    assert _errors({"format": "matchfair-profiles/1"}) == ["participants: must be a list, got null"]


def test_parse_profiles_participant_not_object_reports_index() -> None:
    document = _document()
    document["participants"].append("p3")
    assert _errors(document) == ['participants[2]: must be an object, got "p3"']


def test_parse_profiles_bad_kind_reports_full_path() -> None:
    document = _document()
    document["participants"][0]["opportunities"].append({"kind": "sell", "title": "Traffic lights"})
    assert _errors(document) == [
        'participants[0].opportunities[1].kind: must be "offer" or "request", got "sell"'
    ]


def test_parse_profiles_missing_fields_reports_each() -> None:
    document = {"format": "matchfair-profiles/1", "participants": [{}]}
    assert _errors(document) == [
        "participants[0].id: is required",
        "participants[0].organisation: is required",
        "participants[0].organisation_type: is required",
        "participants[0].country: is required",
    ]


def test_parse_profiles_wrong_types_report_each() -> None:
    document = _document()
    participant = document["participants"][0]
    participant["id"] = 7
    participant["description"] = ["not", "text"]
    participant["opportunities"][0]["title"] = "  "
    assert _errors(document) == [
        "participants[0].id: must be a string, got 7",
        "participants[0].description: must be a string, got a list",
        "participants[0].opportunities[0].title: must not be empty",
    ]


def test_parse_profiles_unknown_domain_is_rejected() -> None:
    document = _document()
    document["participants"][0]["domains"] = ["mobility", "space"]
    document["participants"][0]["opportunities"][0]["domains"] = "energy"
    errors = _errors(document)
    assert errors == [
        "participants[0].domains[1]: must be one of mobility, energy, environment, governance, "
        'buildings, water, health, safety, ict, tourism, circular-economy, got "space"',
        'participants[0].opportunities[0].domains: must be a list, got "energy"',
    ]


def test_parse_profiles_unknown_organisation_type_is_rejected() -> None:
    document = _document()
    document["participants"][1]["organisation_type"] = "ministry"
    with pytest.raises(ContractError, match=r"participants\[1\]\.organisation_type: must be one"):
        parse_profiles(document)


def test_parse_profiles_bad_country_is_rejected() -> None:
    document = _document()
    document["participants"][1]["country"] = "Spain"
    assert _errors(document) == [
        'participants[1].country: must be an ISO 3166-1 alpha-2 code such as "BG", got "Spain"'
    ]


def test_parse_profiles_duplicate_id_names_first_use() -> None:
    document = _document()
    document["participants"][1]["id"] = "p1"
    assert _errors(document) == ['participants[1].id: "p1" is already used by participants[0]']


def test_parse_profiles_bad_exclude_reports_item() -> None:
    document = _document()
    document["participants"][0]["exclude"] = ["p2", 3]
    document["participants"][1]["exclude"] = "p1"
    assert _errors(document) == [
        "participants[0].exclude[1]: must be a participant id (string), got 3",
        'participants[1].exclude: must be a list, got "p1"',
    ]


def test_parse_profiles_unknown_field_is_rejected() -> None:
    document = _document()
    document["participants"][0]["oportunities"] = []
    assert _errors(document) == ["participants[0].oportunities: is not a known field"]


def test_parse_profiles_opportunities_not_list_is_rejected() -> None:
    document = _document()
    document["participants"][1]["opportunities"] = {"kind": "offer"}
    assert _errors(document) == ["participants[1].opportunities: must be a list, got an object"]


def test_parse_profiles_unknown_exclude_id_is_allowed() -> None:
    document = _document()
    document["participants"][0]["exclude"] = ["someone-who-left"]
    assert parse_profiles(document)[0].exclude == frozenset({"someone-who-left"})


def test_contract_error_message_counts_all_errors() -> None:
    document = copy.deepcopy(_document())
    for participant in document["participants"]:
        participant["country"] = "xx"
    with pytest.raises(ContractError, match=r"^2 error\(s\): participants\[0\]\.country"):
        parse_profiles(document)
