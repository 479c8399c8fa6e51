"""Held-out quality of the recommendation engine on the independent profile generators.

Every figure in one run, per generator: domain-tag overlap, plain TF-IDF, the engine's default
install, and (with the semantic extra) plain all-MiniLM-L6-v2 and the engine with semantic on.
The generators in `benchmarks/profile_generators/` were written without seeing the engine.

    python benchmarks/recommend_heldout.py                  # 1,000 participants, seed 1
    python benchmarks/recommend_heldout.py --participants 5000 --only prose,jargon
    python benchmarks/recommend_heldout.py --sets tenders,bilingual_generated,chatty

By default every set runs: first the held-out sets of `benchmarks/profile_generators/heldout/`
(bilingual_generated at `--bilingual-participants`, 400 unless told), then the earlier ones.
`--sets` runs only held-out sets. The engine's weights were tuned on `TUNED_ON` only, with
`benchmarks/recommend_tune.py` (see docs/benchmarks.md); the table marks those rows, and the
headline figures are the held-out sets'.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# `python benchmarks/recommend_heldout.py` (as `make bench` runs it) puts benchmarks/ first on
# the path; the generators are imported as the package `benchmarks.profile_generators`.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.profile_generators.baselines import (
    BaselineUnavailable,
    Evaluation,
    embedding,
    evaluate,
    tag_overlap,
    tfidf,
)
from benchmarks.profile_generators.bilingual import bilingual
from benchmarks.profile_generators.corpus import Corpus

from benchmarks.profile_generators import GENERATORS
from benchmarks.profile_generators.heldout import HELDOUT_GENERATORS
from matchfair.recommend import parse_profiles, recommend, recommendations_document
from matchfair.recommend.semantic import default_embedder

TOP = 20
# The generators the engine's weights and thresholds were chosen on. Figures on them are
# reported for completeness but are not held out.
TUNED_ON = ("catalogue", "problems", "prose", "jargon", "bilingual")
# Written later and apart, never seen while the engine was tuned: the headline figures.
HELDOUT_SETS = tuple(HELDOUT_GENERATORS)
SETS = (*HELDOUT_SETS, *GENERATORS, "bilingual")
BILINGUAL_PARTICIPANTS = 400


def corpus_for(name: str, participants: int, seed: int) -> Corpus:
    if name in HELDOUT_GENERATORS:
        return HELDOUT_GENERATORS[name](participants, seed)
    return bilingual() if name == "bilingual" else GENERATORS[name](participants, seed)


def size_of(name: str, participants: int, bilingual_participants: int) -> int:
    return bilingual_participants if name == "bilingual_generated" else participants


def engine_ranking(corpus: Corpus, *, semantic: bool, embedder: Any = None) -> dict[str, Any]:
    profiles = parse_profiles(corpus.document)
    ranked = recommend(profiles, top=TOP, embedder=embedder if semantic else None)
    return recommendations_document(ranked)


def rankers(embedder: Any) -> list[tuple[str, Callable[[Corpus], dict[str, Any]]]]:
    rows: list[tuple[str, Callable[[Corpus], dict[str, Any]]]] = [
        ("tag overlap", lambda c: tag_overlap(c.document, TOP)),
        ("plain TF-IDF", lambda c: tfidf(c.document, TOP)),
        ("engine, default install", lambda c: engine_ranking(c, semantic=False)),
    ]
    if embedder is not None:
        rows += [
            ("plain all-MiniLM-L6-v2", lambda c: embedding(c.document, TOP)),
            (
                "engine, semantic on",
                lambda c: engine_ranking(c, semantic=True, embedder=embedder),
            ),
        ]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default=",".join(SETS), help="comma-separated generators")
    parser.add_argument(
        "--sets",
        default="",
        help=f"comma-separated held-out sets instead: {', '.join(HELDOUT_SETS)}",
    )
    parser.add_argument("--bilingual-participants", type=int, default=BILINGUAL_PARTICIPANTS)
    args = parser.parse_args(argv)
    choices = HELDOUT_SETS if args.sets else SETS
    names = (args.sets or args.only).split(",")
    unknown = [n for n in names if n not in choices]
    if unknown:
        print(
            f"unknown generator {unknown[0]!r}; choose from {', '.join(choices)}", file=sys.stderr
        )
        return 2
    embedder = default_embedder()
    sizes = (
        f"{args.participants:,} participants per set (bilingual_generated: "
        f"{args.bilingual_participants:,}; bilingual: its 38 hand-written ones)"
    )
    print(
        f"nDCG@{TOP}, {sizes}, seed {args.seed}. Load average at start: "
        f"{os.getloadavg()[0]:.1f}; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}; semantic extra "
        f"{'installed' if embedder is not None else 'not installed (its rows are left out)'}.\n"
        f"Engine weights tuned on: {', '.join(TUNED_ON)} (benchmarks/recommend_tune.py). "
        "Every other set is held out.\n"
    )
    print("| generator | held out | ranking | nDCG@20 | vs tag overlap | vs plain TF-IDF "
          "| competitor suggested | seconds |")  # fmt: skip
    print("|---|---|---|---:|---:|---:|---:|---:|")
    for name in names:
        size = size_of(name, args.participants, args.bilingual_participants)
        corpus = corpus_for(name, size, args.seed)
        held_out = "no (tuned)" if name in TUNED_ON else "yes"
        found: dict[str, Evaluation] = {}
        for label, rank in rankers(embedder):
            started = time.perf_counter()
            try:
                result = evaluate(rank(corpus), corpus, TOP)
            except BaselineUnavailable as error:
                print(f"| {name} | {held_out} | {label} | – | – | – | – | {error} |")
                continue
            seconds = time.perf_counter() - started
            found[label] = result
            tag = found.get("tag overlap")
            plain = found.get("plain TF-IDF")
            vs_tag = f"{result.ndcg / tag.ndcg:.2f}×" if tag and tag.ndcg else "–"
            vs_plain = f"{result.ndcg / plain.ndcg:.2f}×" if plain and plain.ndcg else "–"
            print(
                f"| {name} | {held_out} | {label} | {result.ndcg:.3f} | {vs_tag} | {vs_plain} "
                f"| {result.trap_suggestions}/{len(corpus.competitor_traps)} | {seconds:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
