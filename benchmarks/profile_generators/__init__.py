"""Profile sets for judging partner recommendations, written without looking at the engine.

Map (see README.md beside this file):
- `corpus.py`: the shared structure (roles, traps, noise, graded ground truth), no words;
- `catalogue.py`, `prose.py`, `jargon.py`, `problems.py`: one style and vocabulary each;
- `bilingual.py`: a small hand-written Bulgarian/English set;
- `baselines.py`: rankers that owe nothing to the engine, nDCG@k and `evaluate`.

`GENERATORS[name](participants, seed)` returns a `Corpus`: a `matchfair-profiles/1` document
and a hidden graded relevance for every participant.
"""

from collections.abc import Callable

from . import catalogue, jargon, problems, prose
from .corpus import Corpus

GENERATORS: dict[str, Callable[[int, int], Corpus]] = {
    "catalogue": catalogue.generate,
    "prose": prose.generate,
    "jargon": jargon.generate,
    "problems": problems.generate,
}

__all__ = ["GENERATORS", "Corpus"]
