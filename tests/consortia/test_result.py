"""Tests for `matchfair.consortia.result`: the proposal JSON written and read back."""

from __future__ import annotations

import json

from matchfair.consortia import (
    build_consortium,
    parse_request,
    proposal_from_json,
    proposal_to_json,
)

from .instances import small


def test_proposal_json_round_trip_gives_the_same_proposal() -> None:
    request = parse_request(small())
    proposal = build_consortium(request)

    written = json.loads(json.dumps(proposal_to_json(proposal, request)))

    assert proposal_from_json(written) == proposal


def test_proposal_json_member_says_why_in_words() -> None:
    request = parse_request(small())

    written = proposal_to_json(build_consortium(request), request)

    oslo = next(m for m in written["members"] if m["id"] == "oslo")  # type: ignore[attr-defined]
    assert (oslo["country_standing"], oslo["why"]["text"]) == (
        "associated",
        "fit 50; relationship 15 (same partnership); the only member covering "
        "climate-adaptation; plays city",
    )
