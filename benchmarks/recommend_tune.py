"""Choose the recommendation engine's weights on tuning generators only, one weight at a time.

Coordinate descent over `matchfair.recommend.score.Weights`: starting from the defaults, each
round tries every listed value of each weight in turn and keeps a value when it raises the
objective: the geometric mean over the tuning sets of the engine's nDCG@20 divided by plain
TF-IDF's on the same set, so a hard set counts as much as an easy one, and a set where TF-IDF
fails (text in two languages) cannot outweigh the others by its large ratio. It stops after a round that changed
nothing, or after `--rounds`.

    python benchmarks/recommend_tune.py                     # every set listed in TUNING_SETS
    python benchmarks/recommend_tune.py --sets jargon,bilingual --rounds 1

Only sets named in `TUNING_SETS` can be used: the held-out sets (`benchmarks/profile_generators`
lists which are which) must never be scored while weights are chosen, so this script refuses
them. It prints every trial, then the chosen weights as a `Weights(...)` line to copy.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.profile_generators.baselines import evaluate, tfidf
from benchmarks.profile_generators.bilingual import bilingual
from benchmarks.profile_generators.corpus import Corpus

from benchmarks.profile_generators import GENERATORS
from matchfair.recommend import parse_profiles, recommend, recommendations_document
from matchfair.recommend.score import Weights

TOP = 20
# Every set that has been looked at while the engine was built, and so may be tuned on.
TUNING_SETS = ("catalogue", "problems", "prose", "jargon", "bilingual")
# The values tried for each weight that says how relevant a partner is. `country_decay`,
# `country_share` and `pool` are not here: they spread a list over countries, which nDCG
# cannot reward, so tuning them on it would only switch the spreading off.
GRID: dict[str, tuple[float, ...]] = {
    "cross_script": (0.0, 0.02, 0.05, 0.1),
    "terms": (0.6, 0.7, 0.8, 0.9, 1.0),
    "opportunity_domain": (0.0, 0.05, 0.1, 0.2),
    "mutual": (0.0, 0.25, 0.5, 1.0),
    "domain": (0.0, 0.05, 0.1),
    "organisation_type": (0.0, 0.15, 0.3),
    "min_similarity": (0.0, 0.001, 0.01, 0.03),
}


def corpus_for(name: str, participants: int, seed: int) -> Corpus:
    return bilingual() if name == "bilingual" else GENERATORS[name](participants, seed)


class Objective:
    """The engine's nDCG over plain TF-IDF's, geometric mean over the tuning sets; cached."""

    def __init__(self, names: list[str], participants: int, seed: int) -> None:
        self.sets: list[tuple[str, Corpus, Any, float]] = []
        for name in names:
            corpus = corpus_for(name, participants, seed)
            plain = evaluate(tfidf(corpus.document, TOP), corpus, TOP).ndcg
            self.sets.append((name, corpus, parse_profiles(corpus.document), plain))
        self.seen: dict[Weights, tuple[float, dict[str, float]]] = {}

    def __call__(self, weights: Weights) -> tuple[float, dict[str, float]]:
        if weights not in self.seen:
            per_set = {}
            for name, corpus, profiles, plain in self.sets:
                ranked = recommend(profiles, top=TOP, weights=weights)
                per_set[name] = evaluate(recommendations_document(ranked), corpus, TOP).ndcg / plain
            logs = [math.log(max(ratio, 1e-9)) for ratio in per_set.values()]
            self.seen[weights] = (math.exp(sum(logs) / len(logs)), per_set)
        return self.seen[weights]


def describe(weights: Weights) -> str:
    default = Weights()
    changed = [
        f"{f.name}={getattr(weights, f.name)!r}"
        for f in fields(Weights)
        if getattr(weights, f.name) != getattr(default, f.name)
    ]
    return f"Weights({', '.join(changed)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sets", default=",".join(TUNING_SETS))
    parser.add_argument("--only-weights", default=",".join(GRID), help="comma-separated weights")
    args = parser.parse_args(argv)
    names = args.sets.split(",")
    refused = [n for n in names if n not in TUNING_SETS]
    if refused:
        print(f"{refused[0]!r} is not a tuning set; choose from {', '.join(TUNING_SETS)}")
        return 2
    objective = Objective(names, args.participants, args.seed)
    best = Weights()
    score, per_set = objective(best)
    print(f"sets {', '.join(names)}; load {os.getloadavg()[0]:.1f}")
    print(f"start {score:.4f} {per_set}", flush=True)
    for round_number in range(1, args.rounds + 1):
        changed = False
        for name in args.only_weights.split(","):
            for value in GRID[name]:
                trial = replace(best, **{name: value})
                started = time.perf_counter()
                trial_score, trial_sets = objective(trial)
                print(
                    f"round {round_number} {name}={value}: {trial_score:.4f} "
                    + " ".join(f"{k}={v:.3f}" for k, v in trial_sets.items())
                    + f" ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
                if trial_score > score + 1e-4:
                    best, score, changed = trial, trial_score, True
        print(f"after round {round_number}: {score:.4f} {describe(best)}", flush=True)
        if not changed:
            break
    print(f"chosen: {describe(best)}  mean engine/TF-IDF {score:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
