"""Time what a maintainer waits for, after set-up: the whole test suite, the site build, and
the two ways of running every snippet alone (forked from a warm process vs. a new `python`).

    .venv/bin/python -m tools.bench_suite     # make bench

Absolute seconds on a shared 2-core machine are noisy; the ratio in the last line is measured
in one run and is the figure to compare.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTEST = [str(BIN / "pytest"), "-q", "-n", "auto", "--dist", "loadgroup"]  # as `make test` runs it


def timed(label: str, command: list[str], **env: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})
    seconds = time.perf_counter() - start
    last = (result.stdout.strip().splitlines() or [""])[-1]
    print(f"{label:<48} {seconds:7.1f} s   exit {result.returncode}   {last}")
    return seconds


def main() -> None:
    print(f"{os.cpu_count()} CPU cores, {sys.version.split()[0]}")
    timed("mkdocs build --strict", [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", "/tmp/bench-site"])
    timed("pytest (whole suite)", [*PYTEST])
    standalone = [*PYTEST, "tests/test_snippets_standalone.py"]
    forked = timed("snippets alone, forked from a warm process", standalone)
    fresh = timed("snippets alone, each a new `python`", standalone, SNIPPET_RUNNER="python")
    print(f"new `python` per snippet / forked: {fresh / forked:.1f}x")


main()
