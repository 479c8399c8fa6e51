"""Held-out profile sets, written later and apart from the first generators, without the engine.

Map (see README.md beside this file):
- `market.py`: who supplies and who wants what, rivals, second delegations, exclusions and the
  graded ground truth, with no words;
- `tenders.py`: contract notices of cities and agencies against sales pitches;
- `bilingual_generated.py`: Bulgarian and English, half and half, relevance across languages;
- `chatty.py`: messenger-style posts with typos, requests told as problems.

`HELDOUT_GENERATORS[name](participants, seed)` returns a `Corpus`, the same type as the first
generators' (`benchmarks.profile_generators.GENERATORS`), which they are kept apart from.
"""

from collections.abc import Callable

from benchmarks.profile_generators.corpus import Corpus

from . import bilingual_generated, chatty, tenders

HELDOUT_GENERATORS: dict[str, Callable[[int, int], Corpus]] = {
    "tenders": tenders.generate,
    "bilingual_generated": bilingual_generated.generate,
    "chatty": chatty.generate,
}

__all__ = ["HELDOUT_GENERATORS"]
