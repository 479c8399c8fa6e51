from __future__ import annotations

import numpy as np

from matchfair.recommend.features import opportunity_vectors
from matchfair.recommend.generate import generate
from matchfair.recommend.reasons import best_pairs, domain_reason, type_reason
from tests.recommend.conftest import ProfileBuilder


def test_best_pairs_matches_brute_force() -> None:
    profiles = generate(60, seed=8).profiles
    vectors = opportunity_vectors(profiles)
    requests, offers = vectors.requests, vectors.offers
    me = np.repeat(np.arange(60), 60)
    them = np.tile(np.arange(60), 60)
    found = best_pairs(requests, offers, me, them)
    expected = []
    for i, j in zip(me.tolist(), them.tolist(), strict=True):
        values = [
            float(requests.vectors[a] @ offers.vectors[b])
            for a in range(requests.starts[i], requests.starts[i + 1])
            for b in range(offers.starts[j], offers.starts[j + 1])
        ]
        expected.append(max(values) if values else 0.0)
    # The engine sums in float32 and in another order: equal up to rounding, not bit for bit.
    np.testing.assert_allclose(found.similarity.astype(float), expected, rtol=0, atol=1e-5)


def test_domain_reason_prefers_shared_requests() -> None:
    assert (
        domain_reason(
            frozenset({"energy"}),
            frozenset({"energy", "water"}),
            frozenset({"energy", "mobility"}),
            frozenset({"energy", "mobility", "water"}),
        )
        == "You both look for partners in energy"
    )


def test_domain_reason_names_two_shared_domains() -> None:
    assert (
        domain_reason(
            frozenset(), frozenset({"water", "ict"}), frozenset(), frozenset({"ict", "water"})
        )
        == "Both work in water and in ICT and data"
    )


def test_type_reason_names_what_they_look_for(profile: ProfileBuilder) -> None:
    startup = profile("s", organisation_type="startup")
    investor = profile("i", organisation_type="investor")
    university = profile("u", organisation_type="university")
    assert [
        type_reason(investor, startup, they_request=True),
        type_reason(startup, investor, they_request=False),
        type_reason(startup, university, they_request=False),
    ] == [
        "A startup looking for investors",
        "An investor for what you request",
        "A university offering what you request",
    ]
