"""Time what a maintainer waits for, after set-up: the site build, and the whole test suite three
times, as `make test` (the project's standard: within 45 s on a 2-core machine, run alone).

    .venv/bin/python -m tools.bench_suite     # make bench

Absolute seconds on a shared machine are noisy: run it alone, and compare runs of one session.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from engine import ROOT

BIN = Path(sys.executable).parent
PYTEST = ["make", "--no-print-directory", "test"]  # the README's test command, everything installed already
RUNS = 3


def timed(label: str, command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    last = (result.stdout.strip().splitlines() or [""])[-1]
    print(f"{label:<28} {seconds:7.1f} s   exit {result.returncode}   {last}", flush=True)
    return seconds


def main() -> None:
    print(f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}")
    timed("mkdocs build --strict", [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "/tmp/bench-site"])
    suite = sorted(timed(f"make test, run {n}", PYTEST) for n in range(1, RUNS + 1))
    print(f"whole suite: median {suite[len(suite) // 2]:.1f} s, range {suite[0]:.1f}–{suite[-1]:.1f} s")


if __name__ == "__main__":
    main()
