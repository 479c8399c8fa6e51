from __future__ import annotations

import hashlib
import json
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
    semantic,
)
from matchfair.recommend.semantic import (
    TOKENIZER_FILE,
    Embedder,
    onnx_available,
    semantic_available,
    torch_available,
)
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


_PARAPHRASES = [
    "Traffic congestion at busy junctions",
    "Gridlock at crossroads during rush hour",
    "School lunch menus for children",
    "Уличното осветление изгаря твърде много ток",
]


def test_tokenizer_file_ships_with_the_package() -> None:
    # The ONNX runtime reads the model's own WordPiece vocabulary from this file; without it
    # the `semantic` extra could not tokenise offline.
    tokenizer = json.loads(TOKENIZER_FILE.read_text(encoding="utf-8"))
    vocabulary = tokenizer["model"]["vocab"]
    assert (tokenizer["model"]["type"], len(vocabulary)) == ("WordPiece", 30522)
    assert (vocabulary["[PAD]"], vocabulary["[CLS]"], vocabulary["[SEP]"]) == (0, 101, 102)
    assert tokenizer["normalizer"]["lowercase"] is True


needs_onnx = pytest.mark.skipif(
    not onnx_available(),
    reason="the `semantic` extra is not installed; `make test-semantic` runs this test",
)


@needs_onnx
def test_default_embedder_prefers_onnx_runtime() -> None:
    model = default_embedder()
    assert isinstance(model, semantic.OnnxMiniLMEmbedder)
    assert model.name == "all-MiniLM-L6-v2-int8"


@needs_onnx
def test_onnx_embedder_batches_and_pads_like_one_text_at_a_time() -> None:
    model = semantic.OnnxMiniLMEmbedder()
    together = model.embed(_PARAPHRASES)
    alone = np.concatenate([model.embed([text]) for text in _PARAPHRASES])
    assert together.shape == (4, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Padding to the longest text in the batch must not move the mean-pooled vector.
    assert np.allclose(together, alone, atol=1e-4)
    assert model.embed([]).shape == (0, 384)


@needs_onnx
def test_onnx_embedder_refuses_a_model_file_with_another_digest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(semantic, "ONNX_MODEL_SHA256", "0" * 64)
    with pytest.raises(ValueError, match="sha256"):
        semantic.OnnxMiniLMEmbedder()


@pytest.mark.skipif(
    not (onnx_available() and torch_available()),
    reason="needs both runtimes; `make test-semantic` installs both",
)
def test_onnx_and_torch_runtimes_agree() -> None:
    onnx = EmbeddingCache().embed(semantic.OnnxMiniLMEmbedder(), _PARAPHRASES)
    torch = EmbeddingCache().embed(semantic.MiniLMEmbedder(), _PARAPHRASES)
    # int8 weights move each vector a little, never its meaning.
    assert float(np.min(np.sum(onnx * torch, axis=1))) > 0.99
    # The nearest other text is the same one for both.
    nearest = [np.argmax((v @ v.T) - 2 * np.eye(len(v)), axis=1) for v in (onnx, torch)]
    assert np.array_equal(nearest[0], nearest[1])
