"""Tests for `matchfair.routing.generate`: the seeded fair-ground request of the benchmark."""

from __future__ import annotations

from matchfair.routing import check, parse_visits, plan_baseline
from matchfair.routing.generate import generate


def test_generate_same_seed_gives_the_same_request() -> None:
    assert generate(3, members=4, wishes=6) == generate(3, members=4, wishes=6)


def test_generate_request_is_valid_and_sized_as_asked() -> None:
    visits = parse_visits(generate(1, members=5, wishes=12, days=2, joint_visits=3))

    assert (
        len(visits.members),
        {len(m.wishes) for m in visits.members},
        len(visits.days),
        len(visits.joint_visits),
        {s.name for s in visits.stops} >= {"Bavaria pavilion", "Ubiwhere", "Minalogic cluster"},
    ) == (5, {12}, 2, 3, True)


def test_generate_walks_across_the_fair_ground_take_minutes() -> None:
    visits = parse_visits(generate(0, members=2, wishes=4))
    walks = [visits.walk(a.location, b.location) for a in visits.stops for b in visits.stops]

    assert (min(walks), max(walks) >= 15) == (0, True)


def test_generate_benchmark_sized_request_has_valid_baseline() -> None:
    visits = parse_visits(generate(0, members=6, wishes=40))

    assert check(visits, plan_baseline(visits)) == []
