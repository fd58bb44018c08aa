"""What a newcomer waits for and what a reader downloads:

- seconds from `make serve` in a fresh clone to the first HTTP 200 (package caches as they are);
- the size of the `.venv` that `make serve` created;
- each page's bytes as Chromium receives them from `mkdocs serve` (uncompressed), and the same
  responses gzip-compressed (what a server that compresses would send).

    .venv/bin/python -m tools.bench_site [--ref COMMIT] [--port PORT]

The clone is made from this repository's committed state (`--ref`, default HEAD) in a temporary
folder and removed afterwards.
"""

import argparse
import gzip
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from engine import ROOT
from engine.site import CHROMIUM, CHROMIUM_ARGS, page_paths

SERVE_TIMEOUT = 900


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_200(url: str, server: subprocess.Popen, start: float) -> float:
    while time.perf_counter() - start < SERVE_TIMEOUT:
        if server.poll() is not None:
            raise SystemExit(f"`make serve` exited with {server.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no HTTP 200 from {url} within {SERVE_TIMEOUT} s")


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink() and p.is_file())


def page_weights(url: str) -> list[tuple[str, int, int, int]]:
    """(page, requests, bytes, gzip bytes) for each page, each loaded in a fresh tab."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in page_paths():
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("response", lambda response, seen=responses: seen.append(response))
            # `mkdocs serve` keeps a live-reload request open: the network never goes idle
            page.goto(url + path, wait_until="load")
            page.wait_for_timeout(3000)
            bodies = [r.body() for r in responses if r.status == 200 and "/livereload" not in r.url]
            rows.append((path or "(home)", len(bodies), sum(map(len, bodies)),
                         sum(len(gzip.compress(b)) for b in bodies)))
            context.close()
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="commit to clone (default HEAD)")
    parser.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")
    parser.add_argument("--no-install", action="store_true",
                        help="page weights only: serve the clone with this environment's mkdocs, not `make serve`")
    args = parser.parse_args()
    port = args.port or free_port()
    url = f"http://127.0.0.1:{port}/"

    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", args.ref], check=True)
        log = open(Path(tmp) / "serve.log", "w")
        start = time.perf_counter()
        command = ["make", "serve", f"SERVE_ADDR=127.0.0.1:{port}"]
        if args.no_install:
            (clone / "node_modules").symlink_to(ROOT / "node_modules")
            command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
        server = subprocess.Popen(
            command, cwd=clone, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            seconds = wait_for_200(url, server, start)
            print(f"{os.cpu_count()} CPU cores; commit {args.ref}")
            if not args.no_install:
                print(f"`make serve` in a fresh clone to first HTTP 200: {seconds:6.1f} s", flush=True)
                print(f".venv created by `make serve`: {folder_bytes(clone / '.venv') / 1e6:8.1f} MB", flush=True)
            print(f"{'page':<22} {'requests':>8} {'bytes':>11} {'gzip':>10}")
            for path, count, raw, packed in page_weights(url):
                print(f"{path:<22} {count:>8} {raw:>11,} {packed:>10,}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait()


if __name__ == "__main__":
    main()
