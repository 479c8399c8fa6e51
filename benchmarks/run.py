"""`make bench`: runs each engine's benchmark in turn and prints their Markdown tables.

Usage: python benchmarks/run.py [scheduling|recommend|recommend_heldout|routing|search|consortia|voting|assembly_casting|request_overhead|newsroom|funding|outcomes ...] [-- extra args for each]
Each benchmark runs in its own process so its peak memory is its own.
"""

import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = [
    "scheduling",
    "recommend",
    "recommend_heldout",
    "routing",
    "search",
    "consortia",
    "voting",
    "assembly_casting",
    "request_overhead",
    "newsroom",
    "funding",
    "outcomes",
]


def machine() -> str:
    cores = len(__import__("os").sched_getaffinity(0))
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split("\n")[0].split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GiB"
    return f"{platform.processor() or platform.machine()}, {cores} cores{memory}, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    extra: list[str] = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1 :]
        argv = argv[: argv.index("--")]
    chosen = argv or [name for name in SUITES if (HERE / f"{name}.py").exists()]
    unknown = [name for name in chosen if name not in SUITES]
    if unknown:
        print(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(SUITES)}", file=sys.stderr)
        return 2
    print(f"# Matchfair benchmarks\n\nMachine: {machine()}\n")
    failed = 0
    for name in chosen:
        started = time.perf_counter()
        print(f"## {name}\n", flush=True)
        completed = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *extra], check=False)
        print(
            f"\n({name}: {time.perf_counter() - started:.0f} s, exit {completed.returncode})\n",
            flush=True,
        )
        failed += completed.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
