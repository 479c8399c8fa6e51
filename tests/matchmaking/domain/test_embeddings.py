"""Stored sentence embeddings: each opportunity text is embedded once, whichever refresh asks."""

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from matchfair.matchmaking.domain.embeddings import (
    cached_embeddings,
    semantic_enabled,
    semantic_status,
)
from matchfair.matchmaking.models import TextEmbedding
from matchfair.recommend import Opportunity, Profile, opportunity_texts
from matchfair.recommend.semantic import semantic_available, text_key


class _HashEmbedder:
    """Stands in for the external sentence model: a fixed vector per text, and a call log."""

    name = "hash-embedder"

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.embedded.extend(texts)
        return np.asarray(
            [
                np.random.default_rng(int(hashlib.sha256(t.encode()).hexdigest()[:8], 16)).normal(
                    size=6
                )
                for t in texts
            ],
            dtype=np.float32,
        )


def _profile(pid: str, *titles: str) -> Profile:
    return Profile(
        id=pid,
        organisation=f"Org {pid}",
        organisation_type="company",
        country="BG",
        domains=(),
        description="",
        opportunities=tuple(
            Opportunity(kind="offer", title=title, description="", domains=()) for title in titles
        ),
    )


@pytest.mark.django_db
def test_texts_are_embedded_once_and_read_back_from_the_database() -> None:
    model = _HashEmbedder()
    profiles = [_profile("1", "Traffic lights"), _profile("2", "Air sensors", "Traffic lights")]
    first, embedded = cached_embeddings(profiles, model)
    again = _HashEmbedder()
    second, embedded_again = cached_embeddings(profiles, again)
    key = text_key(model.name, opportunity_texts(profiles[:1])[0])
    assert (embedded, embedded_again, again.embedded, TextEmbedding.objects.count()) == (
        2,
        0,
        [],
        2,
    )
    np.testing.assert_array_equal(first.vector(key), second.vector(key))
    assert abs(float(np.linalg.norm(second.vector(key))) - 1.0) < 1e-6


@pytest.mark.django_db
def test_a_changed_text_is_the_only_one_embedded_again() -> None:
    model = _HashEmbedder()
    cached_embeddings([_profile("1", "Traffic lights"), _profile("2", "Air sensors")], model)
    changed = _HashEmbedder()
    _, embedded = cached_embeddings(
        [_profile("1", "Adaptive traffic lights"), _profile("2", "Air sensors")], changed
    )
    assert (embedded, [text.rstrip(". ") for text in changed.embedded]) == (
        1,
        ["Adaptive traffic lights"],
    )


def test_semantic_suggestions_can_be_switched_off(settings) -> None:
    settings.SEMANTIC_SUGGESTIONS = "off"
    assert semantic_enabled() is False
    settings.SEMANTIC_SUGGESTIONS = "auto"
    assert semantic_enabled() is semantic_available()


def test_semantic_status_is_one_line_that_says_how_to_turn_embeddings_on(settings) -> None:
    settings.SEMANTIC_SUGGESTIONS = "off"
    off = semantic_status()
    settings.SEMANTIC_SUGGESTIONS = "auto"
    auto = semantic_status()
    assert "\n" not in off + auto
    assert off.startswith("Suggestions: text similarity only;")
    if semantic_available():
        assert "MATCHFAIR_SEMANTIC=auto" in off
        assert auto == "Suggestions: text similarity and sentence embeddings (all-MiniLM-L6-v2)"
    else:
        assert off == auto
        assert "`make demo EXTRAS=semantic`" in auto


@pytest.mark.skipif(
    not semantic_available(),
    reason="the semantic extra is not installed; `make test-semantic` runs this test",
)
@pytest.mark.django_db
def test_a_refresh_with_the_extra_stores_the_vectors_it_computed(event) -> None:
    from matchfair.audit.models import AuditEntry
    from matchfair.matchmaking.domain.suggestions import refresh_suggestions
    from tests import factories

    for title in ("Adaptive traffic lights", "Air-quality sensors"):
        registration = factories.RegistrationFactory(event=event)
        factories.OpportunityFactory(registration=registration, kind="offer", title=title)
    refresh_suggestions(event=event)
    entry = AuditEntry.objects.filter(action="suggestions.refreshed").get()
    assert (TextEmbedding.objects.count(), entry.details["semantic"]) == (2, True)
    assert entry.details["embedded_texts"] == 2
