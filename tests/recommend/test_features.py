from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matchfair.recommend.features import opportunity_vectors, script_signs, side_product
from tests.recommend.conftest import make_profile

_WORDS = ["lorawan", "parking", "sensor", "bay", "nb-iot", "scada", "pump", "leak", "meter"]
_TEXT = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(
    offers=st.lists(_TEXT, min_size=1, max_size=6),
    requests=st.lists(_TEXT, min_size=1, max_size=6),
    terms=st.sampled_from([0.0, 0.3, 1.0]),
)
def test_side_product_and_dot_rows_agree_and_stay_in_range(
    offers: list[str], requests: list[str], terms: float
) -> None:
    profiles = [make_profile(f"o{i}", offers=[(text, "")]) for i, text in enumerate(offers)] + [
        make_profile(f"r{i}", requests=[(text, "")]) for i, text in enumerate(requests)
    ]
    vectors = opportunity_vectors(profiles, dimensions=4, term_weight=terms)
    o, r = vectors.offers, vectors.requests
    whole = side_product(
        o.vectors.astype(np.float64), o.terms, r.vectors.astype(np.float64), r.terms
    )
    rows, columns = np.meshgrid(np.arange(len(offers)), np.arange(len(requests)), indexing="ij")
    pairwise = o.dot_rows(rows.ravel(), r, columns.ravel()).reshape(whole.shape)
    np.testing.assert_allclose(whole, pairwise, atol=1e-9)
    assert whole.max() <= 1.0 + 1e-6
    # Identical texts are as alike as two texts can be.
    for i, text in enumerate(offers):
        for j, other in enumerate(requests):
            if text == other:
                assert whole[i, j] >= whole[i].max() - 1e-6


def test_term_share_keeps_an_exact_rare_term() -> None:
    # Only the exact code joins these two; the term share makes it count in full.
    profiles = [
        make_profile("a", offers=[("Gateway for EN13757 meters", "")]),
        make_profile("b", requests=[("EN13757 readout", "")]),
        *(make_profile(f"x{i}", offers=[(f"pump station {i} leak", "")]) for i in range(6)),
    ]
    plain = opportunity_vectors(profiles, dimensions=2, term_weight=0.0)
    exact = opportunity_vectors(profiles, dimensions=2, term_weight=1.0)
    assert plain.offers.terms.shape[1] == 0
    rows, columns = np.asarray([0]), np.asarray([0])
    assert exact.offers.dot_rows(rows, exact.requests, columns)[0] > 0.2


def test_identical_texts_give_finite_vectors() -> None:
    """All texts alike leave no variance; scikit-learn then divides 0 by 0 in a ratio that is
    never read, which must neither raise nor reach the vectors (found by the test above)."""
    profiles = [make_profile(f"o{i}", offers=[("lorawan sensor bay", "")]) for i in range(3)]
    profiles += [make_profile("r0", requests=[("lorawan sensor bay", "")])]
    vectors = opportunity_vectors(profiles, dimensions=4, term_weight=0.3)
    for side in (vectors.offers, vectors.requests):
        assert np.isfinite(side.vectors).all()
    offers = vectors.offers.vectors
    assert np.allclose(offers, offers[0], atol=1e-6) and np.abs(offers).sum() > 0


def test_script_signs_take_the_script_of_most_letters() -> None:
    texts = [
        "Паркинг сензори",
        "Parking sensors",
        "SCADA за ПСОВ",
        "LoRaWAN gateway за паркинг",
        "",
    ]
    assert script_signs(texts).tolist() == [-1.0, 1.0, -1.0, 1.0, 1.0]


_MIXED_WORDS = ["lorawan", "parking", "sensor", "паркинг", "сензор", "помпа", "scada"]
_MIXED_TEXT = st.lists(st.sampled_from(_MIXED_WORDS), min_size=1, max_size=4).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(
    offers=st.lists(_MIXED_TEXT, min_size=1, max_size=5),
    requests=st.lists(_MIXED_TEXT, min_size=1, max_size=5),
)
def test_cross_script_tags_count_only_between_two_scripts(
    offers: list[str], requests: list[str]
) -> None:
    profiles = [make_profile(f"o{i}", offers=[(text, "")]) for i, text in enumerate(offers)] + [
        make_profile(f"r{i}", requests=[(text, "")]) for i, text in enumerate(requests)
    ]
    plain = opportunity_vectors(profiles, dimensions=4, domain_weight=0.1, term_weight=0.8)
    crossed = opportunity_vectors(
        profiles, dimensions=4, domain_weight=0.1, term_weight=0.8, cross_script_weight=0.1
    )
    o, r = crossed.offers, crossed.requests
    whole = o.product(r)
    rows, columns = np.meshgrid(np.arange(len(offers)), np.arange(len(requests)), indexing="ij")
    pairwise = o.dot_rows(rows.ravel(), r, columns.ravel()).reshape(whole.shape)
    np.testing.assert_allclose(whole, pairwise, atol=1e-9)
    # Every profile here is in mobility alone, so the tags' cosine is 1 for every pair. Across
    # scripts no latent likeness counts: only the shared exact terms, the tags' share and the
    # cross-script weight.
    across = script_signs(offers)[:, None] != script_signs(requests)[None, :]
    shared_terms = (plain.offers.terms @ plain.requests.terms.T).toarray()
    np.testing.assert_allclose(whole[across], shared_terms[across] + 0.1 + 0.1, atol=1e-6)


def test_one_script_adds_no_cross_script_part() -> None:
    profiles = [
        make_profile("a", offers=[("Паркинг сензори", "")]),
        make_profile("b", requests=[("Сензори за паркинг", "")]),
    ]
    vectors = opportunity_vectors(profiles, dimensions=2, cross_script_weight=0.1)
    assert vectors.offers.signed.shape == (1, 0)
    assert vectors.requests.signed.shape == (1, 0)
