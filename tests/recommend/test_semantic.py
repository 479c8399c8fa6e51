from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from matchfair.recommend import (
    EmbeddingCache,
    Profile,
    default_embedder,
    opportunity_texts,
    recommend,
)
from matchfair.recommend.semantic import Embedder, semantic_available
from tests.recommend.conftest import ProfileBuilder

# Two wordings of one need that share no word, which TF-IDF alone cannot match.
_CROWD_REQUEST = ("Stampede risk at the festival", "Crushes at the gates each summer.")
_CROWD_OFFER = ("People-density forecasting", "Cameras predict packed areas early.")


class _TopicEmbedder:
    """Test double of a sentence model: texts about crowds map to one direction.

    Deterministic and tiny; it stands in for the external MiniLM package only.
    """

    name = "fake-topic-embedder"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls.append(len(texts))
        rows = []
        for text in texts:
            crowd = any(w in text.lower() for w in ("stampede", "crush", "density", "packed"))
            seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
            noise = np.random.default_rng(seed).normal(0, 0.05, 8)
            rows.append(np.eye(8)[0 if crowd else 1 + seed % 7] + noise)
        return np.asarray(rows, dtype=np.float32)


def _pair(profile: ProfileBuilder) -> list[Profile]:
    return [
        profile("city", organisation_type="city", domains=["safety"], requests=[_CROWD_REQUEST]),
        profile("vendor", domains=["ict"], offers=[_CROWD_OFFER]),
    ]


def test_recommend_without_embedder_misses_reworded_need(profile: ProfileBuilder) -> None:
    assert recommend(_pair(profile)) == {"city": [], "vendor": []}


def test_recommend_with_embedder_matches_reworded_need(profile: ProfileBuilder) -> None:
    result = recommend(_pair(profile), embedder=_TopicEmbedder())
    assert [r.reasons[0] for r in result["city"]] == [
        'Offers "People-density forecasting" — answers your request "Stampede risk at the festival"'
    ]


def test_fake_embedder_satisfies_protocol() -> None:
    assert isinstance(_TopicEmbedder(), Embedder)


def test_embedding_cache_embeds_each_text_once(profile: ProfileBuilder) -> None:
    embedder = _TopicEmbedder()
    cache = EmbeddingCache()
    recommend(_pair(profile), embedder=embedder, cache=cache)
    recommend(_pair(profile), embedder=embedder, cache=cache)
    assert (embedder.calls, cache.computed, len(cache)) == ([2], 2, 2)


def test_embedding_cache_save_and_load_keeps_vectors(tmp_path: Path) -> None:
    embedder = _TopicEmbedder()
    cache = EmbeddingCache()
    before = cache.embed(embedder, ["crowd crush", "leaking pipes"])
    cache.save(tmp_path / "cache.npz")
    loaded = EmbeddingCache.load(tmp_path / "cache.npz")
    assert np.array_equal(loaded.embed(embedder, ["crowd crush", "leaking pipes"]), before)
    assert (embedder.calls, loaded.computed) == ([2], 0)


def test_embedding_cache_refresh_embeds_new_and_forgets_old() -> None:
    embedder = _TopicEmbedder()
    cache = EmbeddingCache()
    first = cache.refresh(embedder, ["crowd crush", "leaking pipes"])
    second = cache.refresh(embedder, ["crowd crush", "packed gates"])
    assert (first, second, len(cache), embedder.calls) == (2, 1, 2, [2, 1])


def test_opportunity_texts_are_what_the_engine_embeds(profile: ProfileBuilder) -> None:
    embedder = _TopicEmbedder()
    cache = EmbeddingCache()
    profiles = _pair(profile)
    cache.refresh(embedder, opportunity_texts(profiles))
    recommend(profiles, embedder=embedder, cache=cache)
    assert embedder.calls == [2]


@pytest.mark.skipif(semantic_available(), reason="the semantic extra is installed")
def test_default_embedder_without_extra_is_none() -> None:
    assert default_embedder() is None


needs_extra = pytest.mark.skipif(
    not semantic_available(),
    reason="the semantic extra is not installed; `make test-semantic` runs this test",
)


@needs_extra
def test_packaged_model_ranks_a_paraphrase_above_an_unrelated_text() -> None:
    model = default_embedder()
    assert model is not None
    vectors = EmbeddingCache().embed(
        model,
        [
            "Traffic congestion at busy junctions",
            "Gridlock at crossroads during rush hour",
            "School lunch menus for children",
        ],
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2]) + 0.2
