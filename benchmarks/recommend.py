"""Benchmark of the recommendation engine: quality against two baselines, then speed and peak
memory per size, each size in its own process so its peak memory is its own.

    python benchmarks/recommend.py                     # 1,000 / 5,000 / 25,000
    python benchmarks/recommend.py --sizes 1000 --quality-size 1000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from matchfair.recommend import profiles_document, recommend
from matchfair.recommend.evaluate import Quality, quality, tag_overlap, tfidf_cosine
from matchfair.recommend.generate import generate
from matchfair.recommend.score import Engine
from matchfair.recommend.semantic import EmbeddingCache, default_embedder

TOP = 20


def quality_rows(size: int, seed: int) -> list[tuple[str, Quality]]:
    """recall@20 and nDCG@20 of the engine and both baselines on one generated set."""
    generated = generate(size, seed=seed)
    rows: list[tuple[str, Quality]] = [
        ("domain-tag overlap (baseline)", quality(generated, tag_overlap(generated.profiles))),
        ("plain TF-IDF cosine (baseline)", quality(generated, tfidf_cosine(generated.profiles))),
    ]
    engine = recommend(generated.profiles, top=TOP)
    rows.append(
        (
            "matchfair, default install",
            quality(generated, {k: [r.id for r in v] for k, v in engine.items()}),
        )
    )
    embedder = default_embedder()
    if embedder is not None:
        semantic = recommend(generated.profiles, top=TOP, embedder=embedder)
        rows.append(
            (
                "matchfair + semantic extra",
                quality(generated, {k: [r.id for r in v] for k, v in semantic.items()}),
            )
        )
    return rows


def _resident_mib() -> float:
    """Current resident memory (Linux); peak RSS cannot be reset, so this marks the start."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(size: int, seed: int) -> dict[str, float]:
    """Runs in the child: time to compute every recommendation, and the process's peak RSS."""
    profiles = generate(size, seed=seed).profiles
    before = _resident_mib()
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    engine = Engine(profiles)
    built = time.perf_counter()
    result = engine.all(top=TOP)
    finished = time.perf_counter()
    recommendations = sum(len(v) for v in result.values())
    figures = {
        "participants": float(size),
        "build_s": built - started,
        "rank_s": finished - built,
        "total_s": finished - started,
        # CPU time of both threads: on a shared machine wall time depends on the load.
        "cpu_s": _cpu_seconds() - cpu_before,
        "recommendations": float(recommendations),
        # ru_maxrss is in KiB on Linux.
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "before_mib": before,
    }
    embedder = default_embedder()
    if embedder is not None:
        texts = [o.text for p in profiles for o in p.opportunities]
        cache = EmbeddingCache()
        started = time.perf_counter()
        cache.embed(embedder, texts)
        figures["embed_texts_per_s"] = len(texts) / (time.perf_counter() - started)
        started = time.perf_counter()
        Engine(profiles, embedder=embedder, cache=cache).all(top=TOP)
        figures["semantic_cached_s"] = time.perf_counter() - started
    return figures


def command_line_seconds(size: int, seed: int, folder: Path) -> float:
    """Wall time of `python -m matchfair.recommend` on a file, parsing and writing included."""
    source = folder / f"profiles-{size}.json"
    source.write_text(json.dumps(profiles_document(generate(size, seed=seed).profiles)))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "matchfair.recommend", str(source), "--top", str(TOP), "-o",
         str(folder / f"out-{size}.json")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 25000])
    parser.add_argument("--quality-size", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--skip-cli", action="store_true", help="do not time the command")
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.seed)))
        return 0

    print(
        f"Load average at start: {os.getloadavg()[0]:.1f}. "
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.machine()}; semantic extra "
        f"{'installed' if default_embedder() is not None else 'not installed'}.\n"
    )
    print(f"## Quality (top {TOP}, generated sets, seed {args.seed})\n")
    print("| participants | ranking | recall@20 | nDCG@20 | nDCG vs tag overlap |")
    print("|---:|---|---:|---:|---:|")
    for size in args.quality_size:
        rows = quality_rows(size, args.seed)
        tag = rows[0][1].ndcg
        for name, measured in rows:
            ratio = measured.ndcg / tag if tag else float("nan")
            print(
                f"| {size:,} | {name} | {measured.recall:.3f} | {measured.ndcg:.3f} "
                f"| {ratio:.2f}× |"
            )
    print(f"\n## Speed and peak memory (top {TOP}, every participant)\n")
    print(
        "| participants | build s | rank s | engine total s | engine CPU s | command s "
        "| RSS before engine MiB | peak RSS MiB | recommendations |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    semantic_lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            child = subprocess.run(
                [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)],
                check=True,
                capture_output=True,
                text=True,
            )
            figures = json.loads(child.stdout)
            command = (
                "—"
                if args.skip_cli
                else f"{command_line_seconds(size, args.seed, Path(folder)):.1f}"
            )
            print(
                f"| {size:,} | {figures['build_s']:.1f} | {figures['rank_s']:.1f} "
                f"| {figures['total_s']:.1f} | {figures['cpu_s']:.1f} | {command} "
                f"| {figures['before_mib']:.0f} "
                f"| {figures['peak_mib']:.0f} "
                f"| {int(figures['recommendations']):,} |"
            )
            if "embed_texts_per_s" in figures:
                semantic_lines.append(
                    f"| {size:,} | {figures['embed_texts_per_s']:.0f} "
                    f"| {figures['semantic_cached_s']:.1f} |"
                )
    if semantic_lines:
        print("\n## Semantic extra\n")
        print("| participants | embeddings per s (cold cache) | engine s with cached embeddings |")
        print("|---:|---:|---:|")
        print("\n".join(semantic_lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
