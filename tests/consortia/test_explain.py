"""Tests for `matchfair.consortia.explain`: which rules an infeasible request cannot meet."""

from __future__ import annotations

from matchfair.consortia import load_countries, parse_request
from matchfair.consortia.explain import explain
from matchfair.consortia.model import Phrase, Unmet

from .instances import small


def test_explain_feasible_request_has_nothing_to_say() -> None:
    assert explain(parse_request(small()), load_countries()) == []


def test_explain_missing_role_names_the_role_and_its_players() -> None:
    doc = small()
    doc["rules"]["required_roles"] = [{"role": "ngo", "at_least": 1}]

    assert explain(parse_request(doc), load_countries()) == [
        Unmet(
            "role:ngo",
            "the topic needs at least 1 in the role ngo; 0 available candidates play it",
            Phrase("unmet.role", {"role": "ngo", "at_least": 1, "ids": ()}),
        )
    ]


def test_explain_rules_that_clash_only_together_are_named_together() -> None:
    # Two cities and two research centres are available, but at most three members allowed.
    doc = small()
    doc["rules"].update(
        {
            "min_members": 3,
            "max_members": 3,
            "required_roles": [
                {"role": "city", "at_least": 2},
                {"role": "research", "at_least": 2},
            ],
        }
    )

    assert explain(parse_request(doc), load_countries()) == [
        Unmet(
            "size_max", "the topic allows at most 3 members", Phrase("unmet.size_max", {"max": 3})
        ),
        Unmet(
            "role:city",
            "the topic needs at least 2 in the role city; 2 available candidates play it "
            "(barcelona, oslo)",
            Phrase("unmet.role", {"role": "city", "at_least": 2, "ids": ("barcelona", "oslo")}),
        ),
        Unmet(
            "role:research",
            "the topic needs at least 2 in the role research; 2 available candidates play it "
            "(fraunhofer, tecnalia)",
            Phrase(
                "unmet.role",
                {"role": "research", "at_least": 2, "ids": ("fraunhofer", "tecnalia")},
            ),
        ),
    ]


def test_explain_too_few_countries_for_the_programme_default() -> None:
    doc = small()
    for candidate in doc["candidates"]:
        if candidate["id"] not in {"sofia-lab", "barcelona", "tecnalia"}:
            candidate["available"] = False
    doc["rules"]["min_members"] = 1

    assert explain(parse_request(doc), load_countries()) == [
        Unmet(
            "independent_entities",
            "Horizon Europe RIA needs at least 3 independent legal entities in different member "
            "states or associated countries, one in a member state; the available candidates "
            "are in 2 such countries (2 member states)",
            Phrase(
                "unmet.independent_entities",
                {
                    "type_of_action": "RIA",
                    "needed": 3,
                    "needs_member_state": True,
                    "countries": 2,
                    "member_states": 2,
                },
            ),
        )
    ]


def test_explain_lead_that_may_not_coordinate() -> None:
    doc = small()
    doc["candidates"][0]["can_coordinate"] = False

    assert explain(parse_request(doc), load_countries()) == [
        Unmet(
            "lead_coordinates",
            "the lead member sofia-lab must coordinate; it may not coordinate",
            Phrase("unmet.lead_coordinates.may_not", {"lead": "sofia-lab"}),
        )
    ]
