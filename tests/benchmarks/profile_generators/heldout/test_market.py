"""The market: roles, rivals, second delegations, exclusions and grades, before any words."""

import random

import pytest
from benchmarks.profile_generators.heldout.market import Roles, Service
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.profile_generators.heldout import market

SERVICES = [
    Service("a1", "a", "energy"),
    Service("a2", "a", "energy"),
    Service("b1", "b", "water"),
    Service("b2", "b", "water"),
    Service("c1", "c", "mobility"),
]
ROLES = Roles(
    supplier_types=(("company", 1),),
    buyer_types=(("city", 1),),
    trader_types=(("startup", 1),),
)


def _build(n: int, seed: int) -> market.Market:
    return market.build(n, random.Random(seed), SERVICES, ROLES)


def _grade(built: market.Market, a: str, b: str) -> int:
    return built.relevance[a].get(b, 0)


def test_grades_follow_complementarity_only():
    built = _build(200, 1)
    org = [m.same_as if m.same_as is not None else i for i, m in enumerate(built.members)]
    for i, m in enumerate(built.members):
        for j, other in enumerate(built.members):
            if i == j or other.id in m.exclude:
                continue
            grade = _grade(built, m.id, other.id)
            keys = {s.key for s in m.wants} & {s.key for s in other.supplies}
            keys |= {s.key for s in other.wants} & {s.key for s in m.supplies}
            families = {s.family for s in m.wants} & {s.family for s in other.supplies}
            families |= {s.family for s in other.wants} & {s.family for s in m.supplies}
            expected = 0 if org[i] == org[j] else 2 if keys else 1 if families else 0
            assert grade == expected, (m, other)


def test_rivals_come_in_threes_and_are_never_partners():
    built = _build(500, 2)
    rivals = [m for m in built.members if m.role == "rival"]

    # One group a service at most: 6 groups wanted, 5 services.
    assert len(rivals) == 3 * min(len(SERVICES), int(500 * ROLES.rival_groups_per_100 / 100))
    assert built.rivals
    assert all(_grade(built, a, b) == 0 == _grade(built, b, a) for a, b in built.rivals)
    assert all(not m.wants and len(m.supplies) == 1 for m in rivals)


def test_a_second_delegation_supplies_what_its_own_organisation_wants_and_gets_nothing():
    built = _build(500, 3)
    delegations = [m for m in built.members if m.role == "delegation"]

    assert delegations
    for d in delegations:
        assert d.same_as is not None
        own = built.members[d.same_as]
        assert d.supplies[0] in own.wants
        assert _grade(built, own.id, d.id) == 0 == _grade(built, d.id, own.id)


def test_an_excluded_partner_is_graded_zero_for_the_excluder_only():
    built = _build(800, 4)
    ids = {m.id for m in built.members}
    excluded = [(m, x) for m in built.members for x in m.exclude if x in ids]

    assert excluded
    for m, x in excluded:
        assert _grade(built, m.id, x) == 0
        assert _grade(built, x, m.id) == 2
    assert any(x not in ids for m in built.members for x in m.exclude)


def test_same_seed_same_market_and_too_small_a_market_is_refused():
    first, second = _build(200, 9), _build(200, 9)

    assert first.relevance == second.relevance
    assert [m.supplies for m in first.members] == [m.supplies for m in second.members]
    with pytest.raises(ValueError, match="at least 4"):
        _build(3, 1)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(4, 150), seed=st.integers(0, 10**6))
def test_every_wanter_has_a_best_partner_at_any_size(n, seed):
    built = _build(n, seed)

    assert len(built.members) == n
    assert [m.id for m in built.members] == [f"p{i}" for i in range(1, n + 1)]
    for m in built.members:
        if m.wants:
            assert 2 in built.relevance[m.id].values(), m


def test_names_never_clash_and_a_respelt_name_matches_its_original():
    names = market.Names()
    taken = [names.take("City of Vel"), names.take("city of  vel"), names.take("City of Vel")]

    assert taken == ["City of Vel", "city of  vel 2", "City of Vel 3"]
    respelt = market.respelt(random.Random(1), "City of Vel")
    assert respelt != "City of Vel"
    assert " ".join(respelt.lower().split()) == "city of vel"
