"""Mark a browser test module with `pytestmark = BROWSER`: its tests skip with the reason where
Debian's chromium (engine.site.CHROMIUM) is missing."""

from pathlib import Path

import pytest

from engine.site import CHROMIUM, page_paths  # noqa: F401  (page_paths: for the browser tests)

BROWSER = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="needs Debian's chromium (`apt-get install chromium`; `make test` installs it when run as root)",
)
