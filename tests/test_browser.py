"""The site as a reader's browser sees it (headless Chromium driven by Playwright), each page loaded
once, at a phone's width (390 px) in dark mode: it meets WCAG 2 AA (axe-core; its colour rules also
in light mode), loads only from the site's own host and within its weight budget; maths costs nothing
where there is none and renders where there is, also after instant navigation; no text is cut off;
figures zoom and are no white panels in dark mode; the notebook button and the code titles download
what the site built. The search: test_search.py."""

import io
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from engine import ROOT
from engine.site import page_paths

PAGE_PATHS = page_paths()
PHONE = {"width": 390, "height": 844}
# Bytes a first visit downloads, uncompressed. Half of the home page is the search index, which grows with the
# text (454 KB once chapters 2-4 taught what chapter 5 uses: home 870 KB, the models page 1.66 MB).
HOME_BUDGET, PAGE_BUDGET = 950_000, 1_850_000
MATHS_ENGINES = ("mathjax", "katex.min.js", "katex.js", "auto-render")
CUT_TEXT = (Path(__file__).parent / "cut_text.js").read_text("utf-8")
FORMULAS = """[...document.querySelectorAll('.arithmatex')]
    .filter(e => !e.closest('details:not([open])'))
    .map(e => (e.querySelector('.katex-html') || e).getBoundingClientRect().width)"""
AXE = ROOT / "node_modules/axe-core/axe.min.js"  # package.json; the site does not serve it
AXE_VIOLATIONS = """async rules => (await axe.run(document, {runOnly: rules, resultTypes: ['violations']}))
    .violations.flatMap(v => v.nodes.map(node => `${v.id} (${v.help}): ${node.target.join(' ')}`))"""
KATEX_FONT_LOADED = "[...document.fonts].some(f => f.family.includes('KaTeX_Main') && f.status === 'loaded')"


def _katex_font_loads(page) -> bool:
    try:
        return bool(page.wait_for_function(KATEX_FONT_LOADED, timeout=5_000))
    except PlaywrightTimeout:
        return False


def _white_share(png: bytes) -> float:
    """Share of the pixels of an image that are (nearly) white."""
    import matplotlib.image

    rgb = matplotlib.image.imread(io.BytesIO(png), format="png")[..., :3]
    return float((rgb.min(axis=-1) > 0.9).mean())


def _file(site: Path, url: str) -> Path:
    file = site / urlparse(url).path.lstrip("/")
    return file / "index.html" if file.is_dir() else file


def _inspect(page, requested, responses, site_url: str, site: Path, path: str) -> SimpleNamespace:
    """What one loaded page shows, axe-core first (after `load` only the favicon and the search worker's scripts
    load: the network settles meanwhile); on models/ and autograd/, what a reader clicks there too."""
    # axe-core's WCAG 2 A/AA rules in dark mode; its colour rules also in light mode, switched as a reader does
    page.add_script_tag(path=AXE)
    violations = [f"dark: {v}" for v in page.evaluate(AXE_VIOLATIONS, ["wcag2a", "wcag2aa"])]
    page.get_by_title("切换到浅色模式").click()
    colours = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
    violations += [f"light: {v}" for v in page.evaluate(AXE_VIOLATIONS, colours)]
    page.get_by_title("切换到深色模式").click()
    page.wait_for_load_state("networkidle")
    urls = [r.url for r in requested]
    own = {_file(site, u) for u in urls if u.startswith(site_url)}
    seen = SimpleNamespace(
        requested=urls, violations=violations, failed=[r.url for r in responses if r.status >= 400],
        received=sum(f.stat().st_size for f in own if f.is_file()),  # bytes of the distinct files from the site
        headings=page.locator("article h1").count(),
        formula_widths=(widths := page.evaluate(FORMULAS)),
        katex_font_loaded=bool(widths) and _katex_font_loads(page),
        cut_text=page.evaluate(CUT_TEXT),
        scrolling_outputs=page.evaluate("[...document.querySelectorAll('.language-text pre > code')]"
                                        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"),
        figures={},  # name: (white share in the file, on the screen)
        downloads={},  # file name: bytes, through the notebook button and a code title
    )
    if path == "models/":  # four matplotlib figures: dark mode, then the zoom view
        for figure in page.locator("article img:not(.keep-colours)").all():
            figure.scroll_into_view_if_needed()
            file = _file(site, urljoin(page.url, figure.get_attribute("src")))
            seen.figures[file.name] = (_white_share(file.read_bytes()), _white_share(figure.screenshot()))
        figure = page.locator("article a.glightbox img").first
        inline = figure.bounding_box()["width"]
        figure.click()
        page.wait_for_function("w => { const img = document.querySelector('.gslide.current .gslide-image img');"
                               " return img && img.getBoundingClientRect().width >= w; }", arg=PHONE["width"] - 1)
        seen.zoomed = inline < PHONE["width"] - 20  # the first figure, clicked, fills the screen's width
    if path == "autograd/":  # the notebook button and the first code title, as a reader clicks them
        with page.expect_download() as download:
            page.get_by_role("link", name="下载 notebook").click()
        seen.downloads[download.value.suggested_filename] = Path(download.value.path()).read_bytes()
        title = page.locator("a.snippet-source").first
        response = page.request.get(urljoin(page.url, title.get_attribute("href")))
        seen.downloads[title.inner_text().strip()] = response.body() if response.ok else None
    return seen


@pytest.fixture(scope="module")
def visits(browser, site_url, built_site) -> dict[str, SimpleNamespace]:
    """Every page loaded once, one after another in one phone-sized dark-mode window. A first visit's weight is
    the size of the distinct files it requests (a file the browser cached is requested all the same)."""
    page = browser.new_page(viewport=PHONE, color_scheme="dark", accept_downloads=True)  # in a context of its own
    seen, requested, responses = {}, [], []
    page.on("request", lambda request: requested.append(request))
    page.on("response", lambda response: responses.append(response))
    for path in PAGE_PATHS:
        requested.clear()
        responses.clear()
        page.goto(site_url + path, wait_until="load")
        seen[path] = _inspect(page, requested, responses, site_url, built_site[0], path)
    page.close()
    return seen


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_meets_wcag_2_aa_loads_only_its_own_files_within_budget_cuts_no_text_and_renders_its_maths(
        visits, site_url, path):
    seen = visits[path]
    assert [url for url in seen.requested if not url.startswith((site_url, "data:", "blob:"))] == []
    assert seen.failed == [], "requests files the site does not have"
    assert seen.headings >= 1
    assert seen.received <= (HOME_BUDGET if path == "" else PAGE_BUDGET), f"{seen.received:,} bytes"
    assert seen.cut_text == []
    assert seen.scrolling_outputs == 0, "program outputs wrap like a terminal's"
    assert not [url for url in seen.requested if any(e in url.lower() for e in MATHS_ENGINES)]
    if not seen.formula_widths:
        assert [url for url in seen.requested if "/katex/" in url] == [], "no formula, yet KaTeX files"
    else:
        assert min(seen.formula_widths) > 0 and seen.katex_font_loaded, seen.formula_widths
    if path == "appendix-jacobian/":
        assert len(seen.formula_widths) >= 10
    assert seen.violations == [], "axe-core, WCAG 2 A/AA (colours: site.css):\n" + "\n".join(seen.violations)


def test_figures_zoom_and_are_no_white_panels_in_dark_mode(visits):
    seen = visits["models/"]
    assert seen.zoomed and len(seen.figures) >= 4
    for name, (in_file, on_screen) in seen.figures.items():
        assert in_file > 0.5, f"{name} is no white-background figure: the check would prove nothing"
        assert on_screen < 0.05, f"{name} is a white panel in dark mode: {on_screen:.0%} of it white"


def test_a_reader_downloads_a_notebook_and_a_snippet_through_the_page_links(visits, built_site):
    (notebook, notebook_bytes), (snippet, snippet_bytes) = visits["autograd/"].downloads.items()
    assert notebook == "autograd.ipynb" and notebook_bytes == (built_site[0] / "notebooks" / notebook).read_bytes()
    assert snippet.startswith("snippets/") and snippet_bytes == (ROOT / snippet).read_bytes()


def test_formulas_render_after_instant_navigation_from_a_page_without_maths(browser, built_site):
    site = built_site[0]
    maths_pages = sorted(p.parent.name for p in site.glob("*/index.html") if '"arithmatex"' in p.read_text("utf-8"))
    assert "appendix-jacobian" in maths_pages
    # Material navigates instantly only between the addresses its sitemap lists: the site's own (a deploy's has a
    # path), answered from the built files
    base = re.search(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8"))[1]

    def fulfil(route):
        file = _file(site, route.request.url.replace(base, "/", 1))
        route.fulfill(path=file) if file.is_file() else route.fulfill(status=404, path=site / "404.html")

    page = browser.new_page()
    page.context.route(base + "**", fulfil)
    page.goto(base, wait_until="networkidle")
    page.evaluate("window.notReloaded = true")
    for name in maths_pages[:2]:  # home -> a maths page -> home -> another maths page, all instant
        page.locator(f'.md-sidebar--primary a.md-nav__link[href$="/{name}/"]').click()
        page.wait_for_url(f"**/{name}/")
        page.wait_for_selector("article .arithmatex", timeout=10_000)
        widths = page.evaluate(FORMULAS)
        assert widths and min(widths) > 0, f"{name}: {widths}"
        assert _katex_font_loads(page), name
        page.locator(".md-sidebar--primary a.md-nav__link").first.click()
        page.wait_for_function("!document.querySelector('.arithmatex')")
    assert page.evaluate("window.notReloaded === true"), "a page was loaded in full, not navigated to instantly"
    page.close()
