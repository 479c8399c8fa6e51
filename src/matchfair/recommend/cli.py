"""`matchfair recommend PROFILES.json --top 20 -o OUT.json`: the engine on JSON files."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from matchfair.recommend.contract import ContractError, parse_profiles, recommendations_document
from matchfair.recommend.score import recommend
from matchfair.recommend.semantic import EmbeddingCache, default_embedder

EXIT_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="matchfair recommend",
        description="Recommend partners for every participant of a matchfair-profiles/1 file.",
    )
    parser.add_argument("profiles", help="matchfair-profiles/1 JSON file, - for stdin")
    parser.add_argument("--top", type=int, default=20, help="partners per participant")
    parser.add_argument("-o", "--output", default="-", help="output file, - for stdout")
    parser.add_argument(
        "--semantic",
        choices=("auto", "on", "off"),
        default="auto",
        help="blend sentence embeddings: auto uses them when the semantic extra is installed",
    )
    parser.add_argument(
        "--embedding-cache", type=Path, help="npz file of cached embeddings, read and updated"
    )
    parser.add_argument("--workers", type=int, default=2, help="threads for scoring")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; argv excludes the word `recommend`. Returns the exit status."""
    args = _parser().parse_args(argv)
    if args.top < 1:
        print("error: --top: must be at least 1", file=sys.stderr)
        return EXIT_INPUT
    started = time.perf_counter()
    try:
        if args.profiles == "-":
            document = json.load(sys.stdin)
        else:
            with open(args.profiles, encoding="utf-8") as handle:
                document = json.load(handle)
    except OSError as error:
        print(f"error: cannot read {args.profiles}: {error.strerror}", file=sys.stderr)
        return EXIT_INPUT
    except json.JSONDecodeError as error:
        print(
            f"error: {args.profiles}: not JSON (line {error.lineno}, column {error.colno}): "
            f"{error.msg}",
            file=sys.stderr,
        )
        return EXIT_INPUT
    try:
        profiles = parse_profiles(document)
    except ContractError as error:
        for line in error.errors:
            print(f"error: {line}", file=sys.stderr)
        return EXIT_INPUT
    embedder = None if args.semantic == "off" else default_embedder()
    if args.semantic == "on" and embedder is None:
        print(
            "error: --semantic on needs the semantic extra: pip install matchfair[semantic]",
            file=sys.stderr,
        )
        return EXIT_INPUT
    cache = EmbeddingCache()
    if args.embedding_cache is not None and args.embedding_cache.exists():
        cache = EmbeddingCache.load(args.embedding_cache)
    recommendations = recommend(
        profiles, top=args.top, embedder=embedder, cache=cache, workers=args.workers
    )
    if embedder is not None and args.embedding_cache is not None:
        cache.save(args.embedding_cache)
    text = json.dumps(
        recommendations_document(recommendations), ensure_ascii=False, separators=(",", ":")
    )
    if args.output == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    print(
        f"recommended for {len(profiles)} participants in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0
