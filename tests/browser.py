"""Headless Chromium for the browser tests and tools/bench_site.py: Debian's package, driven by
Playwright (Playwright cannot download its own browsers here)."""

import shutil
from pathlib import Path, PurePosixPath

import pytest

from engine.site import nav_pages

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Mark a browser test module with `pytestmark = BROWSER`: its tests skip with the reason where
# Debian's chromium is missing.
BROWSER = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="needs Debian's chromium (`apt-get install chromium`; `make test` installs it when run as root)",
)


def page_paths() -> list[str]:
    """The site path of every page in the navigation ("" for the home page), in its order."""
    return ["" if page == "index.md" else f"{PurePosixPath(page).stem}/" for page in nav_pages()]
