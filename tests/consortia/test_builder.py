"""Tests for `matchfair.consortia.builder`: CP-SAT's consortium for the small request."""

from __future__ import annotations

from matchfair.consortia import Weights, build_consortium, check, parse_request
from matchfair.consortia.model import Objective, Phrase, Unmet

from .instances import small


def test_build_consortium_small_takes_the_best_five() -> None:
    request = parse_request(small())

    proposal = build_consortium(request)

    # Tecnalia, the second Spanish research centre, would add only energy and mobility, which
    # Fraunhofer and Barcelona already cover; Thessaloniki is unavailable.
    assert (proposal.coordinator, proposal.members, proposal.stats["status"]) == (
        "sofia-lab",
        ("sofia-lab", "acme-us", "barcelona", "fraunhofer", "oslo"),
        "OPTIMAL",
    )
    assert proposal.objective == Objective(
        fit=385, relationship=140, seats=-250, domains=200, roles=120, coordinator=90
    )
    assert check(request, proposal) == []


def test_build_consortium_independent_entities_are_exactly_the_three_needed() -> None:
    request = parse_request(small())

    proposal = build_consortium(request)

    countries = sorted(request.by_id[m].country for m in proposal.independent_entities)
    assert (len(countries), len(set(countries))) == (3, 3)


def test_build_consortium_seat_says_why_and_which_rule() -> None:
    request = parse_request(small())

    seat = next(s for s in build_consortium(request).seats if s.id == "barcelona")

    assert (seat.role, seat.fit, seat.relationship, seat.relationship_text) == (
        "partner",
        70,
        35,
        "met at the expo: valuable contact",
    )
    assert (seat.domains, seat.only_domains, seat.roles) == (
        ("mobility", "citizen-engagement"),
        ("citizen-engagement",),
        ("city", "end_user"),
    )
    assert "required role city" in seat.rules


def test_build_consortium_without_lead_coordinating_picks_the_best_fit() -> None:
    doc = small()
    doc["lead_coordinates"] = False
    doc["candidates"][2]["fit"] = 0.99  # Fraunhofer
    request = parse_request(doc)

    proposal = build_consortium(request)

    assert (proposal.coordinator, "sofia-lab" in proposal.members) == ("fraunhofer", True)
    assert check(request, proposal) == []


def test_build_consortium_third_country_coordinator_is_never_chosen() -> None:
    doc = small()
    doc["lead_coordinates"] = False
    doc["weights"] = {"coordinator": 50}  # Acme (US) has the best fit
    request = parse_request(doc)

    proposal = build_consortium(request)

    assert proposal.coordinator != "acme-us"


def test_build_consortium_only_eligible_countries_drops_the_us_company() -> None:
    doc = small()
    doc["rules"]["only_eligible_countries"] = True
    request = parse_request(doc)

    proposal = build_consortium(request)

    assert ("acme-us" in proposal.members, check(request, proposal)) == (False, [])


def test_build_consortium_high_seat_cost_keeps_the_minimum() -> None:
    request = parse_request(small())
    request = type(request)(
        rules=request.rules,
        lead=request.lead,
        lead_coordinates=True,
        candidates=request.candidates,
        weights=Weights(seat=500),
    )

    proposal = build_consortium(request)

    assert len(proposal.members) == request.rules.min_members


def test_build_consortium_unavailable_lead_is_explained() -> None:
    doc = small()
    doc["candidates"][0]["available"] = False

    proposal = build_consortium(parse_request(doc))

    assert (proposal.feasible, proposal.members, proposal.unmet) == (
        False,
        (),
        (
            Unmet(
                "lead",
                "the lead member sofia-lab must be in the consortium; it is marked unavailable",
                Phrase("unmet.lead", {"lead": "sofia-lab", "available": False}),
            ),
        ),
    )


def test_build_consortium_needs_one_entity_in_a_member_state() -> None:
    # Without the member-state rule, the three associated countries would score higher.
    doc = small()
    moves = {"sofia-lab": "NO", "barcelona": "UK", "fraunhofer": "TR", "acme-us": "UA"}
    for candidate in doc["candidates"]:
        candidate["country"] = moves.get(candidate["id"], candidate["country"])
    request = parse_request(doc)

    proposal = build_consortium(request)

    member_states = [m for m in proposal.independent_entities if request.by_id[m].country == "ES"]
    assert (member_states, check(request, proposal)) == (["tecnalia"], [])
