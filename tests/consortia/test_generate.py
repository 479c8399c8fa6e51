"""Tests for `matchfair.consortia.generate`: both generators give valid, repeatable requests."""

from __future__ import annotations

import pytest

from matchfair.consortia import parse_request
from matchfair.consortia.generate import delegation, scattered


@pytest.mark.parametrize("size", [8, 50, 200])
def test_generators_give_parseable_requests_of_the_size(size: int) -> None:
    sizes = [
        len(parse_request(doc).candidates)
        for doc in (
            scattered(3, size),
            scattered(3, size, tight=True),
            scattered(3, size, cover=True),
            delegation(3, size),
        )
    ]

    assert sizes == [size, size, size, size]


def test_generators_repeat_for_a_seed_and_differ_across_seeds() -> None:
    assert (scattered(1) == scattered(1), delegation(1) == delegation(1)) == (True, True)
    assert (scattered(1) == scattered(2), delegation(1) == delegation(2)) == (False, False)


def test_delegation_candidates_come_in_the_funding_apps_order() -> None:
    ids = [c["id"].split("-")[0] for c in delegation(0, 20)["candidates"]]

    assert ids == sorted(ids, key=["lead", "expo", "partnership", "cordis"].index)
