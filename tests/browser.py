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

# Mark a browser test module with `pytestmark = browser_tests`: one xdist worker runs them all
# with one browser (and builds the site once for them; the tests that only read the built files
# are the "site" group, so that the two halves can run side by side), and they skip with a
# reason where Chromium is missing.
browser_tests = [pytest.mark.xdist_group("browser"), pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="needs Debian's chromium (`apt-get install chromium`; `make test` installs it when run as root)",
)]


def page_paths() -> list[str]:
    """The site path of every page in the navigation ("" for the home page)."""
    from tests.harness.pages import site_config

    files = [next(iter(entry.values())) for entry in site_config()["nav"]]
    return sorted("" if f == "index.md" else f"{Path(f).stem}/" for f in files)
