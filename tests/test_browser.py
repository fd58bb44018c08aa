"""The site as a reader's browser sees it (headless Chromium driven by Playwright): every
page loads, only from the site's own host and within its weight budget; maths costs nothing
where there is none and renders where there is, also after instant navigation; on a phone no
text is cut off; figures open in a zoom view and are not white panels in dark mode (the search:
tests/test_search.py)."""

import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import BROWSER, page_paths

PAGE_PATHS = page_paths()
PHONE = {"width": 390, "height": 844}
HOME_BUDGET, PAGE_BUDGET = 700_000, 1_500_000  # bytes received, uncompressed
MATHS_ENGINES = ("mathjax", "katex.min.js", "katex.js", "auto-render")
CUT_TEXT = (Path(__file__).parent / "cut_text.js").read_text("utf-8")
FORMULAS = """[...document.querySelectorAll('.arithmatex')]
    .filter(e => !e.closest('details:not([open])'))
    .map(e => (e.querySelector('.katex-html') || e).getBoundingClientRect().width)"""
KATEX_FONT_LOADED = "[...document.fonts].some(f => f.family.includes('KaTeX_Main') && f.status === 'loaded')"

pytestmark = BROWSER


@dataclass
class Visit:
    requested: list[str]
    failed: list[str]
    received: int  # bytes of every response body
    headings: int
    formula_widths: list[float]
    katex_font_loaded: bool
    cut_text: list[str]
    scrolling_outputs: int  # program outputs wider than their block


def _katex_font_loads(page) -> bool:
    try:
        page.wait_for_function(KATEX_FONT_LOADED, timeout=5_000)
        return True
    except PlaywrightTimeout:
        return False


def _visit(browser, url: str) -> Visit:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requested, responses = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    formula_widths = page.evaluate(FORMULAS)
    visit = Visit(
        requested=requested,
        failed=[r.url for r in responses if r.status >= 400],
        received=sum(len(r.body()) for r in responses if r.status == 200),
        headings=page.locator("article h1").count(),
        formula_widths=formula_widths,
        katex_font_loaded=bool(formula_widths) and _katex_font_loads(page),
        cut_text=page.evaluate(CUT_TEXT),
        scrolling_outputs=page.evaluate(
            "[...document.querySelectorAll('.language-text pre > code')]"
            ".filter(e => e.scrollWidth > e.clientWidth + 1).length"
        ),
    )
    context.close()
    return visit


@pytest.fixture(scope="module")
def visit(browser, site_url):
    """Each page loaded once, at a phone's width (390 px), for all the checks below."""
    visits = {}

    def load(path: str) -> Visit:
        if path not in visits:
            visits[path] = _visit(browser, site_url + path)
        return visits[path]

    return load


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_requests_only_its_own_host(visit, site_url, path):
    seen = visit(path)
    foreign = [url for url in seen.requested if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == [], f"{path or 'index'} requests other hosts"
    assert seen.failed == [], f"{path or 'index'} requests files the site does not have"
    assert seen.headings >= 1


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_stays_within_its_weight_budget(visit, path):
    budget = HOME_BUDGET if path == "" else PAGE_BUDGET
    assert visit(path).received <= budget, f"{path or 'index'}: {visit(path).received:,} bytes"


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_maths_costs_nothing_where_there_is_none_and_renders_where_there_is(visit, path):
    seen = visit(path)
    assert not [url for url in seen.requested if any(e in url.lower() for e in MATHS_ENGINES)]
    katex_files = [url for url in seen.requested if "/katex/" in url]
    if not seen.formula_widths:
        assert katex_files == [], f"{path or 'index'} has no formula but loads KaTeX files"
    else:
        assert min(seen.formula_widths) > 0, seen.formula_widths
        assert seen.katex_font_loaded


def test_the_appendix_has_formulas(visit):
    assert len(visit("appendix-jacobian/").formula_widths) >= 10


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_text_is_cut_off_on_a_phone(visit, path):
    assert visit(path).cut_text == []
    assert visit(path).scrolling_outputs == 0, "program outputs wrap like a terminal's"


def _serve_at_site_url(context, site: Path) -> str:
    """Answer the browser's requests for the site's own address (site_url) from the built files:
    Material navigates instantly only between the addresses its sitemap lists."""
    base = re.search(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8"))[1]

    def fulfil(route):
        file = site / urlparse(route.request.url).path.lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        route.fulfill(path=file) if file.is_file() else route.fulfill(status=404, path=site / "404.html")

    context.route(base + "**", fulfil)
    return base


def test_formulas_render_after_instant_navigation_from_a_page_without_maths(browser, built_site):
    site, _ = built_site
    maths_pages = sorted(
        p.parent.name for p in site.glob("*/index.html") if 'class="arithmatex"' in p.read_text("utf-8")
    )
    assert "appendix-jacobian" in maths_pages
    context = browser.new_context()
    page = context.new_page()
    page.goto(_serve_at_site_url(context, site), wait_until="networkidle")
    page.evaluate("window.notReloaded = true")
    for name in maths_pages:  # home -> maths page -> home -> next maths page ..., all instant
        page.locator(f'.md-sidebar--primary a.md-nav__link[href$="/{name}/"]').click()
        page.wait_for_url(f"**/{name}/")
        page.wait_for_selector("article .arithmatex", timeout=10_000)
        widths = page.evaluate(FORMULAS)
        assert widths and min(widths) > 0, f"{name}: {widths}"
        assert _katex_font_loads(page), name
        page.locator(".md-sidebar--primary a.md-nav__link").first.click()
        page.wait_for_function("!document.querySelector('.arithmatex')")
    assert page.evaluate("window.notReloaded === true"), "a page was loaded in full, not navigated to instantly"
    context.close()


def test_clicking_a_figure_opens_a_zoom_view_on_a_phone(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "models/", wait_until="networkidle")
    figure = page.locator("article a.glightbox img").first
    inline_width = figure.bounding_box()["width"]
    figure.click()
    # the zoom view shows the figure from edge to edge (and takes pinch gestures)
    page.wait_for_function(
        "w => { const img = document.querySelector('.gslide.current .gslide-image img');"
        " return img && img.getBoundingClientRect().width >= w; }",
        arg=PHONE["width"] - 1,
    )
    assert inline_width < PHONE["width"] - 20
    context.close()


def _white_share(png: bytes) -> float:
    """Share of the pixels of a screenshot that are (nearly) white."""
    import matplotlib.image

    rgb = matplotlib.image.imread(io.BytesIO(png), format="png")[..., :3]
    return float((rgb.min(axis=-1) > 0.9).mean())


def test_figures_are_not_white_panels_in_dark_mode(browser, site_url, built_site):
    site, _ = built_site
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    shown = {}
    page.goto(site_url + "models/", wait_until="networkidle")  # four matplotlib figures
    for figure in page.locator("article img:not(.keep-colours)").all():
        figure.scroll_into_view_if_needed()
        file = site / urlparse(urljoin(page.url, figure.get_attribute("src"))).path.lstrip("/")
        shown[file.name] = (_white_share(file.read_bytes()), _white_share(figure.screenshot()))
    context.close()
    assert len(shown) >= 4
    for name, (in_file, on_screen) in shown.items():
        assert in_file > 0.5, f"{name} is no white-background figure: the check would prove nothing"
        assert on_screen < 0.05, f"{name} is a white panel in dark mode: {on_screen:.0%} of it white"
