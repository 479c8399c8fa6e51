"""`python -m benchmarks.profile_generators`: the baselines on every generator, as Markdown.

Usage: python -m benchmarks.profile_generators [--participants 1000] [--seed 1] [--k 20]
       [--only catalogue,prose,...,bilingual]
"""

from __future__ import annotations

import argparse
import time

from . import GENERATORS
from .baselines import BASELINES, BaselineUnavailable, evaluate
from .bilingual import bilingual


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_generators")
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--only", default=",".join([*GENERATORS, "bilingual"]))
    args = parser.parse_args(argv)
    print(f"nDCG@{args.k}, {args.participants} participants, seed {args.seed}\n")
    print("| generator | ranking | nDCG | vs tag overlap | competitor suggested | seconds |")
    print("|---|---|---:|---:|---:|---:|")
    for name in args.only.split(","):
        corpus = (
            bilingual() if name == "bilingual" else GENERATORS[name](args.participants, args.seed)
        )
        tag = None
        for baseline, rank in BASELINES.items():
            started = time.perf_counter()
            try:
                result = evaluate(rank(corpus.document, args.k), corpus, args.k)
            except BaselineUnavailable as error:
                print(f"| {name} | {baseline} | – | – | – | {error} |")
                continue
            seconds = time.perf_counter() - started
            tag = result.ndcg if tag is None else tag
            ratio = f"{result.ndcg / tag:.2f}×" if tag else "–"
            print(
                f"| {name} | {baseline} | {result.ndcg:.3f} | {ratio} | "
                f"{result.trap_suggestions}/{len(corpus.competitor_traps)} | {seconds:.1f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
