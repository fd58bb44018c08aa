"""Headless Chromium for the browser tests: Debian's package, driven by Playwright
(Playwright cannot download its own browsers here)."""

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Mark a browser test module with `pytestmark = browser_tests`: one xdist worker builds and
# serves the site for all of them, and they skip with a reason where Chromium is missing.
browser_tests = [pytest.mark.xdist_group("site"), pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="needs Debian's chromium (`apt-get install chromium`; `make test` installs it when run as root)",
)]


def page_paths() -> list[str]:
    """The site path of every page ("" for the home page), as MkDocs builds them from docs/."""
    from tests.harness.pages import DOCS

    return sorted(
        "" if p.stem == "index" else f"{p.stem}/"
        for p in [*DOCS.glob("*.md"), *DOCS.glob("*.py"), *DOCS.glob("*.ipynb")]
    )
