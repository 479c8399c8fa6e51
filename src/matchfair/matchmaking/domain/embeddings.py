"""Sentence embeddings for suggestions: the model when the `semantic` extra is on, and the
vectors stored in the database so each text is embedded once, whichever process asks.
"""

import functools
import logging

import numpy as np
from django.conf import settings

from matchfair.matchmaking.models import TextEmbedding
from matchfair.recommend import EmbeddingCache, Profile, default_embedder, opportunity_texts
from matchfair.recommend.semantic import Embedder, semantic_available, text_key

log = logging.getLogger(__name__)

# Rows read per query: keeps the IN list within every database's parameter limit.
READ_BATCH = 900


def semantic_enabled() -> bool:
    return settings.SEMANTIC_SUGGESTIONS != "off" and semantic_available()


@functools.cache
def _embedder() -> Embedder | None:
    # The model is read from site-packages once per process; loading it costs seconds.
    return default_embedder()


def embedder() -> Embedder | None:
    """The sentence model, or None when the extra is missing or switched off."""
    return _embedder() if semantic_enabled() else None


def semantic_status() -> str:
    """One line saying whether suggestions use sentence embeddings, and how to turn them on."""
    if semantic_enabled():
        return "Suggestions: text similarity and sentence embeddings (all-MiniLM-L6-v2)"
    if semantic_available():
        return "Suggestions: text similarity only; MATCHFAIR_SEMANTIC=auto adds sentence embeddings"
    return (
        "Suggestions: text similarity only; `make demo EXTRAS=semantic` adds sentence "
        "embeddings (ONNX Runtime, about 57 MB, no PyTorch)"
    )


def cached_embeddings(profiles: list[Profile], model: Embedder) -> tuple[EmbeddingCache, int]:
    """A cache holding a vector for every opportunity text of `profiles`.

    Vectors already stored are read back; the others are computed now and stored, so the next
    refresh only embeds texts that changed. Returns the cache and how many texts were embedded.
    """
    texts = opportunity_texts(profiles)
    keys = sorted({text_key(model.name, text) for text in texts})
    cache = EmbeddingCache()
    for start in range(0, len(keys), READ_BATCH):
        for key, vector in TextEmbedding.objects.filter(
            model=model.name, key__in=keys[start : start + READ_BATCH]
        ).values_list("key", "vector"):
            cache.put(key, np.frombuffer(bytes(vector), dtype=np.float32))
    stored = {key for key in keys if key in cache}
    embedded = cache.refresh(model, texts)
    new_rows = [
        TextEmbedding(model=model.name, key=key, vector=cache.vector(key).tobytes())
        for key in keys
        if key not in stored
    ]
    # Another refresh may store the same text meanwhile; its vector is the same one.
    TextEmbedding.objects.bulk_create(new_rows, batch_size=1000, ignore_conflicts=True)
    if embedded:
        log.info("embedded %d opportunity texts with %s", embedded, model.name)
    return cache, embedded
