"""Shared by the tests: one site build per run, served on loopback; one Chromium per process; and
`--update-outputs`, which collects new outputs during the run and writes each page once at its end."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from engine import ROOT, rewrite
from engine.site import CHROMIUM, CHROMIUM_ARGS

# Figures are written to files; no window is ever opened, with or without a display.
os.environ.setdefault("MPLBACKEND", "Agg")
# One compute thread per test process (and per example and kernel they start): xdist runs one
# process per core, and OpenMP threads competing for the same cores slow every process down.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# `make test` hands each test file to one of its two processes (`--dist loadfile`), in this order
# (`--no-loadscope-reorder`): the longest files first, so that each core starts on one of them.
LONGEST_FIRST = ["test_browser.py", "test_pages.py", "test_lenet_page.py", "test_engine.py", "test_search.py"]
_rewrites: list[tuple[str, int, str]] = []  # from every test process, written at the end of the run
_redrawn: list[str] = []


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs", action="store_true",
        help="write what each example prints into its page where the shown output differs (or is missing), "
        "and redraw the figures in img/ that are drawn differently, instead of failing; review `git diff`",
    )
    parser.addoption("--site-dir", help="check this built site (e.g. the deploy's) instead of building one")


def pytest_collection_modifyitems(items):
    rank = {name: number for number, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file keeps its order


def pytest_runtest_logreport(report):
    """Collect the rewrites in the process that reports: xdist's controller, or the only one."""
    if report.when == "call":
        _rewrites.extend(value for name, value in report.user_properties if name == rewrite.REWRITE)
        _redrawn.extend(value for name, value in report.user_properties if name == rewrite.REDRAWN)


def pytest_terminal_summary(terminalreporter, config):
    if not hasattr(config, "workerinput"):
        for line in (rewrite.write(_rewrites) if _rewrites else []) + _redrawn:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, request):
    """The site as `mkdocs build --strict` writes it, and its log (None for a --site-dir): built once per run by
    the first test process to need it. torch cannot be imported in it: `make serve` installs none."""
    if given := request.config.getoption("--site-dir"):
        return Path(given).resolve(), None
    shared = tmp_path_factory.getbasetemp()
    shared = shared.parent if hasattr(request.config, "workerinput") else shared
    site, log = shared / "site", shared / "site-build.log"
    with FileLock(shared / "site.lock"):
        if not log.exists():
            without_torch = "import sys; sys.modules['torch'] = None; from mkdocs.__main__ import cli; cli()"
            result = subprocess.run([sys.executable, "-c", without_torch, "build", "--strict", "--site-dir", str(site)],
                                    cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
            assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
            log.write_text(result.stderr, "utf-8")
    return site, log.read_text("utf-8")


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served on the loopback address (no log line per request)."""
    quiet = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *args: None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(quiet, directory=str(built_site[0])))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def dictionary_words() -> list[str]:
    """The words of the jieba user dictionary (an entry with the frequency 0 splits a word)."""
    entries = [line.split() for line in (ROOT / "search_terms.txt").read_text("utf-8").splitlines() if line.strip()]
    return [entry[0] for entry in entries if entry[1:2] != ["0"]]


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's package, driven by Playwright), one per test process."""
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian's chromium (`apt-get install chromium`; `make test` installs it when run as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
