"""The site as a reader's browser sees it (headless Chromium driven by Playwright), each page loaded
once, at a phone's width (390 px) in dark mode: it meets WCAG 2 AA (axe-core; its colour rules also
after switching to light mode), loads only from the site's own host and within its
weight budget; maths costs nothing where there is none and renders where there is, also after
instant navigation; no text is cut off; figures open in a zoom view and are no white panels in dark
mode; the notebook button and the code titles download what the site built. And the site search
as a reader uses it: queries typed into the search box find the right section first, a Chinese
term stays whole from the query to the highlighted words on the result page, and the browser splits
every term of the jieba dictionary as the index does. RANKING is the table of queries and the
section each must find; adjust it when headings change (`-rP` shows the rank each query got).

One file, so that one test process runs all of it with one Chromium (`make test` gives each file
one process)."""

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from engine import ROOT
from tests.browser import BROWSER, page_paths

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

pytestmark = BROWSER


@dataclass
class Visit:
    requested: list[str]
    failed: list[str]
    received: int  # bytes of the distinct files requested from the site
    headings: int
    formula_widths: list[float]
    katex_font_loaded: bool
    cut_text: list[str]
    scrolling_outputs: int  # program outputs wider than their block
    violations: list[str]  # WCAG 2 A and AA, as axe-core finds them
    figures: dict = field(default_factory=dict)  # name: (white share in the file, on the screen)
    zoomed: bool = False  # the first figure, clicked, fills the screen's width
    downloads: dict = field(default_factory=dict)  # file name: bytes, through the notebook button and a code title


def _katex_font_loads(page) -> bool:
    try:
        page.wait_for_function(KATEX_FONT_LOADED, timeout=5_000)
        return True
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


def _violations(page) -> list[str]:
    """axe-core's WCAG 2 A/AA violations in dark mode, and those of its colour rules in light mode, switched
    as a reader switches (the other rules read the same page in both)."""
    page.add_script_tag(path=AXE)
    found = [f"dark: {v}" for v in page.evaluate(AXE_VIOLATIONS, ["wcag2a", "wcag2aa"])]
    page.get_by_title("切换到浅色模式").click()
    colours = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
    found += [f"light: {v}" for v in page.evaluate(AXE_VIOLATIONS, colours)]
    page.get_by_title("切换到深色模式").click()
    return found


def _inspect(page, requested, responses, site_url: str, site: Path, path: str) -> Visit:
    """What one loaded page shows; on models/ and autograd/, what a reader clicks there too."""
    page.wait_for_load_state("networkidle")
    urls = [r.url for r in requested]
    own = {_file(site, u) for u in urls if u.startswith(site_url)}
    seen = Visit(
        requested=urls,
        failed=[r.url for r in responses if r.status >= 400],
        received=sum(f.stat().st_size for f in own if f.is_file()),
        headings=page.locator("article h1").count(),
        formula_widths=(widths := page.evaluate(FORMULAS)),
        katex_font_loaded=bool(widths) and _katex_font_loads(page),
        cut_text=page.evaluate(CUT_TEXT),
        scrolling_outputs=page.evaluate("[...document.querySelectorAll('.language-text pre > code')]"
                                        ".filter(e => e.scrollWidth > e.clientWidth + 1).length"),
        violations=_violations(page),
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
        seen.zoomed = inline < PHONE["width"] - 20
    if path == "autograd/":  # the notebook button and the first code title, as a reader clicks them
        with page.expect_download() as download:
            page.get_by_role("link", name="下载 notebook").click()
        seen.downloads[download.value.suggested_filename] = Path(download.value.path()).read_bytes()
        title = page.locator("a.snippet-source").first
        response = page.request.get(urljoin(page.url, title.get_attribute("href")))
        seen.downloads[title.inner_text().strip()] = response.body() if response.ok else None
    return seen


@pytest.fixture(scope="module")
def visits(browser, site_url, built_site) -> dict[str, Visit]:
    """Every page loaded once, one after another in one phone-sized dark-mode window, for all the
    checks below. A first visit's weight is the size of the distinct files it requests (a file the
    browser cached is requested all the same)."""
    context = browser.new_context(viewport=PHONE, color_scheme="dark", accept_downloads=True)
    page = context.new_page()
    seen = {}
    for path in PAGE_PATHS:
        requested, responses = [], []
        on_request = lambda r, requested=requested: requested.append(r)  # noqa: E731
        on_response = lambda r, responses=responses: responses.append(r)  # noqa: E731
        page.on("request", on_request)
        page.on("response", on_response)
        page.goto(site_url + path, wait_until="commit")
        seen[path] = _inspect(page, requested, responses, site_url, built_site[0], path)
        page.remove_listener("request", on_request)
        page.remove_listener("response", on_response)
    context.close()
    return seen


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_loads_from_its_own_host_within_its_budget_and_cuts_no_text(visits, site_url, path):
    seen = visits[path]
    assert [url for url in seen.requested if not url.startswith((site_url, "data:", "blob:"))] == []
    assert seen.failed == [], "requests files the site does not have"
    assert seen.headings >= 1
    assert seen.received <= (HOME_BUDGET if path == "" else PAGE_BUDGET), f"{seen.received:,} bytes"
    assert seen.cut_text == []
    assert seen.scrolling_outputs == 0, "program outputs wrap like a terminal's"


def test_every_page_meets_wcag_2_aa_in_dark_and_light_mode(visits):
    found = [f"/{path} {v}" for path in PAGE_PATHS for v in visits[path].violations]
    assert found == [], "axe-core finds WCAG 2 A/AA violations (colours: site.css):\n" + "\n".join(found)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_maths_costs_nothing_where_there_is_none_and_renders_where_there_is(visits, path):
    seen = visits[path]
    assert not [url for url in seen.requested if any(e in url.lower() for e in MATHS_ENGINES)]
    if not seen.formula_widths:
        assert [url for url in seen.requested if "/katex/" in url] == [], "no formula, yet KaTeX files"
    else:
        assert min(seen.formula_widths) > 0 and seen.katex_font_loaded, seen.formula_widths
    if path == "appendix-jacobian/":
        assert len(seen.formula_widths) >= 10


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


def _serve_at_site_url(context, site: Path) -> str:
    """Answer the browser's requests for the site's own address (site_url) from the built files:
    Material navigates instantly only between the addresses its sitemap lists."""
    base = re.search(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text("utf-8"))[1]

    def fulfil(route):
        file = _file(site, route.request.url.replace(base, "/", 1))  # a deploy's base has a path
        route.fulfill(path=file) if file.is_file() else route.fulfill(status=404, path=site / "404.html")

    context.route(base + "**", fulfil)
    return base


def test_formulas_render_after_instant_navigation_from_a_page_without_maths(browser, built_site):
    site = built_site[0]
    maths_pages = sorted(
        p.parent.name for p in site.glob("*/index.html") if 'class="arithmatex"' in p.read_text("utf-8")
    )
    assert "appendix-jacobian" in maths_pages
    context = browser.new_context()
    page = context.new_page()
    page.goto(_serve_at_site_url(context, site), wait_until="networkidle")
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
    context.close()


# --- search ---------------------------------------------------------------------------

SEARCH_TERMS = Path(__file__).resolve().parent.parent / "search_terms.txt"

# query, page, the expected section's heading without its number (the page's title for the page),
# and the rank it must reach: 1, or 2-3 where the search cannot tell it from an equally right
# section (the reason is given)
RANKING = [
    # the tutorial's terms
    ("张量", "tensors/", "二、张量基本操作", 1),
    ("梯度", "autograd/", "打开和关闭梯度计算", 1),
    ("计算图", "autograd/", "自动微分实现机制：计算图", 1),
    ("叶子节点", "autograd/", "自动微分实现机制：计算图", 1),  # where the term is defined
    ("反向传播", "autograd/", "自动微分实现机制：计算图", 1),
    ("自动微分", "autograd/", "三、Variable 与自动微分", 1),
    ("雅可比", "appendix-jacobian/", "附录：雅可比矩阵与非标量求导", 1),
    ("检查点", "lenet-cifar10/", "检查点：每轮保存，断点续训", 1),
    ("原地运算", "tensors/", "张量的原地运算", 1),
    ("内存", "tensors/", "张量与 NumPy 互转的陷阱", 1),
    ("变维", "tensors/", "张量变维", 1),
    ("版本", "introduction/", "版本演进", 1),
    ("随机", "tensors/", "生成随机值张量", 1),
    ("保存", "models/", "保存/加载整个模型", 2),  # after the LeNet page's training loop, which saves each epoch
    # two-character words that begin longer words (检查点, 模型保存, 梯度计算, 非标量 ...)
    ("检查", "introduction/", "检查安装结果", 1),
    ("模型", "models/", "四、模型相关操作", 1),
    ("标量", "autograd/", "标量自动微分示例", 1),
    ("矩阵", "appendix-jacobian/", "附录：雅可比矩阵与非标量求导", 1),  # the appendix is about the matrix
    ("数组", "tensors/", "NumPy 数组转张量", 1),
    ("形状", "tensors/", "张量的形状操作", 2),  # and 根据指定形状生成张量
    ("类型", "tensors/", "张量类型转换", 3),  # after promotion and creation by type, both with 类型 in their titles
    ("分割", "tensors/", "张量分割", 1),
    ("连接", "tensors/", "张量连接", 1),
    ("安装", "introduction/", "PyTorch 简介与安装", 1),
    # API names
    ("state_dict", "models/", "保存/加载模型参数", 1),
    ("retain_graph", "autograd/", "retain_graph 与梯度累加", 1),
    ("no_grad", "autograd/", "打开和关闭梯度计算", 2),  # a longer word (no_grad_inputs) matches too
    ("from_numpy", "tensors/", "NumPy 数组转张量", 3),  # after an exercise and the shared-memory pitfalls
    ("requires_grad", "autograd/", "打开和关闭梯度计算", 2),  # and where it is introduced
    ("ModuleList", "models/", "ModuleList 和 Sequential", 1),
    ("jacobian", "appendix-jacobian/", "用代码核对", 1),
    # mixed
    ("CIFAR-10", "lenet-cifar10/", "五、综合案例：LeNet 与 CIFAR-10", 1),
    ("Adam 学习率", "autograd/", "5）Adam：每个参数自己的步长", 1),
]


def dictionary_words():
    """The words of the jieba user dictionary (an entry with the frequency 0 splits a word)."""
    entries = [line.split() for line in SEARCH_TERMS.read_text("utf-8").splitlines() if line.strip()]
    return [entry[0] for entry in entries if entry[1:2] != ["0"]]


@dataclass
class Hit:
    path: str  # page, relative to the site: "tensors/"
    title: str  # heading as the result shows it
    terms: str  # the words the result page will highlight (its ?h= parameter)
    href: str
    rank: int  # how far down the list the reader meets it (see READ_RESULTS)


# The results in the order a reader meets them. The results on one page come in a group under
# the page's title; the title is a result itself only when the page matched best in its group
# (then it shows the page's text). The group shows its best results and folds the others away
# ("在该页上还有 N 个符合条件的结果"): a folded result ranks after the shown results above it and
# the folded ones before it in its group (the reader opens that one fold), not after other folds.
READ_RESULTS = """() => {
    let shown = 0;
    return [...document.querySelectorAll('.md-search-result__item')].flatMap(group => {
        const links = [...group.querySelectorAll('.md-search-result__link')];
        const score = a => +a.querySelector('article').dataset.mdScore;
        const best = Math.max(...links.map(score));
        let folded = 0;
        return links
            .filter((a, i) => i > 0 || (score(a) > 0 && score(a) === best))
            .map(a => ({
                path: new URL(a.href).pathname.slice(new URL(__md_scope).pathname.length),
                title: a.querySelector('h1, h2').textContent.replaceAll('\\u200b', ''),
                terms: new URL(a.href).searchParams.get('h') || '',
                href: a.href,
                rank: a.closest('details:not([open])') ? shown + ++folded : ++shown,
            }));
    }).sort((a, b) => a.rank - b.rank);
}"""


def _search(page, query):
    """Type the query into the search box and return the results once they are shown."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon, label[for=__search]").first.click()
    if box.input_value() != query:  # the same query again is not sent again
        # Every answer rewrites the count line above the results: blank it, send the query,
        # and wait for its answer to write it
        page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
        box.fill(query)
        box.press("End")  # the search reacts to key events; fill() alone sends none
        page.wait_for_function("document.querySelector('.md-search-result__meta').textContent !== ''")
    return [Hit(**result) for result in page.evaluate(READ_RESULTS)]


def _rank(hits, path, heading):
    """Where the section comes in the results; its heading may be numbered (2. …, 1）…)."""
    heading = re.compile(rf"(\S+[.、）]\s*)?{re.escape(heading)}")
    return next((hit.rank for hit in hits if hit.path == path and heading.fullmatch(hit.title)), None)


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """A page of the site whose search box the tests share (any page has one)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url, wait_until="domcontentloaded")
    yield page
    context.close()


def test_search_finds_a_chinese_word_inside_a_sentence(search_page):
    # 内存 stands only inside sentences (…共用同一块内存…): found only if the index splits words
    assert any(hit.path == "tensors/" for hit in _search(search_page, "内存"))
    assert _search(search_page, "鲸鱼") == [], "a word the site does not contain must find nothing"


def test_queries_find_their_section_first(search_page):
    queries = [query for query, *_ in RANKING]
    assert len(set(queries)) == len(queries) >= 25
    tops = [top for *_, top in RANKING]
    assert tops.count(1) >= 0.8 * len(tops) and max(tops) <= 3, "80% must come first, all in the top 3"
    rows, missed, first = [], [], 0
    for query, path, heading, top in RANKING:
        hits = _search(search_page, query)
        rank = _rank(hits, path, heading)
        first += rank == 1
        if rank is None or rank > top:
            missed.append(query)
        shown = f"{hits[0].path} {hits[0].title}" if hits else "(nothing)"
        rows.append(f"{rank or '-':>4} {top:>4}  {query:<13} {path + ' ' + heading:<44} first: {shown}")
    table = "\n".join(["rank  max  query         expected section", *rows])
    print(f"\n{table}\nfirst: {first}/{len(RANKING)} ({first / len(RANKING):.0%})")
    assert missed == [], f"ranked below their place: {missed}\n{table}"


def test_the_result_page_highlights_the_whole_term(search_page):
    top = _search(search_page, "张量")[0]
    assert top.terms == "张量", f"the result link highlights {top.terms!r}, not 张量"
    search_page.goto(top.href, wait_until="domcontentloaded")  # the page the result link opens
    search_page.wait_for_selector("mark[data-md-highlight]")
    marked = search_page.eval_on_selector_all("mark[data-md-highlight]", "ms => [...ms].map(m => m.textContent)")
    assert set(marked) == {"张量"}, marked


def test_the_browser_keeps_every_dictionary_term_whole(search_page, built_site):
    """The browser splits a query by the words in the index: each term of the jieba dictionary
    that the site contains, typed alone, must stay one query term, as the index has it."""
    index = json.loads((built_site[0] / "search/search_index.json").read_text("utf-8"))
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"]).replace("\u200b", "")
    on_site = [word for word in dictionary_words() if word in text]
    assert len(on_site) >= 30, on_site
    # A second copy of the site's own search worker, sent the messages the page sends it
    split = search_page.evaluate(
        """async terms => {
            const config = JSON.parse(document.getElementById('__config').textContent);
            const worker = new Worker(new URL(config.search, new URL(config.base, location)));
            const index = await (await fetch(new URL('search/search_index.json', __md_scope))).json();
            const answer = () => new Promise(done => worker.onmessage = event => done(event.data));
            worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});  // SETUP
            await answer();
            const split = {};
            for (const term of terms) {
                worker.postMessage({type: 2, data: term});  // QUERY
                const {data} = await answer();
                split[term] = data.items.length ? Object.keys(data.items[0][0].terms) : [];
            }
            worker.terminate();
            return split;
        }""",
        on_site,
    )
    wrong = {term: parts for term, parts in split.items() if parts != [term]}
    assert wrong == {}, "the browser splits these terms differently from the index"
