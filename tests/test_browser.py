"""The site as a reader's browser sees it (headless Chromium driven by Playwright): every
page loads, nothing is requested from any host but the site's own, and maths is typeset
(the search: tests/test_search.py)."""

import pytest

from tests.browser import browser_tests
from tests.harness.pages import DOCS

PAGE_PATHS = sorted(
    "" if p.stem == "index" else f"{p.stem}/"
    for p in [*DOCS.glob("*.md"), *DOCS.glob("*.py"), *DOCS.glob("*.ipynb")]
)

pytestmark = browser_tests


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_requests_only_its_own_host(page, site_url, path):
    requested, failed = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(site_url + path, wait_until="networkidle")
    foreign = [url for url in requested if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == [], f"{path or 'index'} requests other hosts"
    assert failed == [], f"{path or 'index'} requests files the site does not have"
    assert page.locator("article h1").count() >= 1


def test_maths_is_typeset_with_visible_glyphs(page, site_url):
    fonts = []
    page.on("request", lambda request: request.url.endswith(".woff") and fonts.append(request.url))
    page.goto(site_url + "appendix-jacobian/", wait_until="networkidle")
    page.wait_for_selector(".arithmatex mjx-container mjx-c", timeout=15_000)
    page.wait_for_load_state("networkidle")
    # A formula that failed to typeset leaves an empty container: measure every one
    widths = page.evaluate(
        "[...document.querySelectorAll('.arithmatex mjx-container')]"
        ".map(e => e.getBoundingClientRect().width)"
    )
    assert len(widths) >= 5 and min(widths) > 0, widths
    assert any("MathJax_Main" in url or "MathJax_Math" in url for url in fonts), fonts

