import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

# Figures are written to files; no window is ever opened, with or without a display.
os.environ.setdefault("MPLBACKEND", "Agg")
# One compute thread per test process (and per snippet process and notebook kernel they start):
# xdist already runs one process per core, and OpenMP threads competing for the same cores spin
# and slow every process down several times over.
os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs", action="store_true",
        help="rewrite the outputs shown on the pages and redraw the figures in img/ where they differ "
        "from what the snippets print and draw, instead of failing (review `git diff` afterwards)",
    )


@pytest.fixture(scope="session")
def update_outputs(request) -> bool:
    """Whether this run brings the pages up to date (`pytest --update-outputs`) instead of failing."""
    return request.config.getoption("--update-outputs")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site as `mkdocs build --strict` writes it (once per test process)."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site, result.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served on the loopback address."""
    site, _ = built_site
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (tests/browser.py), one for the whole test process."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A new browser tab with its own cookies and storage."""
    context = browser.new_context()
    yield context.new_page()
    context.close()
