"""The built site (one strict build per run, shared): no warning, nothing from other hosts, every
page with its figures, typeset maths, a search index of whole Chinese words without page furniture,
and everything a reader downloads: each chapter's notebook, each code block's snippet, one zip."""

import bisect
import io
import itertools
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from engine import DOCS, ROOT, SNIPPETS, site
from engine.notebook import site_notebooks
from tools.join_cjk_lines import site_stray_breaks

NOTEBOOKS = site_notebooks()
# Attributes through which a browser loads something by itself (links to follow are not loads).
LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
         "embed": "src", "object": "data", "track": "src", "input": "src"}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def links(self, css_class: str) -> list[dict]:
        return [a for tag, a in self.tags if tag == "a" and css_class in (a.get("class") or "").split()]


def external_loads(folder: Path) -> dict[str, list[str]]:
    """{file: [addresses on other hosts it loads]} over the HTML and CSS files of a folder."""
    found = {}
    for path in sorted(folder.rglob("*")):
        text = path.read_text("utf-8", "replace") if path.suffix in {".html", ".css"} else ""
        urls = [a or b for a, b in CSS_URL.findall(text)]
        if path.suffix == ".html":
            for tag, attrs in _Tags(text).tags:
                rel = set((attrs.get("rel") or "").lower().split())
                name = "href" if tag == "link" and rel & LINK_LOADS else LOADS.get(tag)
                urls += [u.strip().split()[0] for u in (attrs.get(name) or "").split(",") if u.strip()]
        if external := sorted({u for u in urls if EXTERNAL.match(u)}):
            found[str(path.relative_to(folder))] = external
    return found


def target(html: Path, href: str) -> Path:
    """The site file a relative link of a built page points to."""
    assert "://" not in href and not href.startswith("/"), f"{href} is not a relative link: it breaks offline"
    return (html.parent / href).resolve()


def test_the_build_logs_nothing_but_information(built_site):
    """`--strict` stops on MkDocs' own warnings only; any other logger and Python's `warnings` print other lines."""
    if built_site[1] is None:
        pytest.skip("--site-dir: a site built elsewhere, by `mkdocs build --strict`")
    if unexpected := [line for line in built_site[1].splitlines() if line.strip() and not line.startswith("INFO ")]:
        pytest.fail("the site build printed more than INFO lines: fix what they say\n" + "\n".join(unexpected), False)


def test_pages_load_nothing_from_other_hosts(built_site, tmp_path):
    assert external_loads(built_site[0]) == {}
    (tmp_path / "page.html").write_text('<link rel="stylesheet" href="https://fonts.example.com/x.css">'
                                        '<a href="https://pytorch.org">a link</a>'
                                        '<script src="//cdn.example.com/m.js"></script>')
    (tmp_path / "a.css").write_text("@font-face{src:url(https://fonts.example.com/f.woff2)}")
    assert external_loads(tmp_path) == {"a.css": ["https://fonts.example.com/f.woff2"],
                                        "page.html": ["//cdn.example.com/m.js", "https://fonts.example.com/x.css"]}


def test_every_page_is_built_with_its_figures_date_plain_repository_link_or_none_notebook_and_snippets(built_site):
    built, checked = built_site[0], 0
    for page in site.nav_pages():
        html = built / ("index.html" if page == "index.md" else f"{Path(page).with_suffix('')}/index.html")
        tags = _Tags(text := html.read_text("utf-8"))
        for figure in re.findall(r"\]\((img/[^)\s]+)\)", (DOCS / page).read_text("utf-8")):
            assert (built / figure).is_file(), f"{figure} shown on {page} is not in the site"
        assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\d{4}年\d{1,2}月\d{1,2}日<', text), page
        # A deploy build (REPO_URL, EDIT_URI) links its repository, plainly: Material's widget
        # (data-md-component="source") would make every reader's browser ask api.github.com
        repository = set(re.findall(r'<a href="([^"]+)" title="前往仓库" class="md-source">', text))
        edits = re.findall(r'<a href="([^"]+)" title="编辑此页"', text)
        assert 'data-md-component="source"' not in text and len(repository) <= 1 and bool(edits) == bool(repository)
        assert [e for e in edits if not e.startswith(f"{min(repository)}/edit/") or e.endswith(".ipynb")] == []
        assert "CC BY-SA 4.0</a>" in text and "《PyTorch深度学习框架》" in text, "the footer: licence and source"
        # each chapter offers its notebook, each code title its snippet
        buttons = [target(html, a["href"]) for a in tags.links("notebook-download")]
        if page in NOTEBOOKS:
            assert [b.read_text("utf-8") for b in buttons] == [NOTEBOOKS[page]], page
        elif page.endswith(".ipynb"):
            assert [b.read_bytes() for b in buttons] == [(DOCS / page).read_bytes()]
        else:
            assert buttons == [], f"{page} has no examples but offers a notebook"
        titles = re.findall(r'<span class="filename">(snippets/.*?)<', text)
        links = [target(html, a["href"]) for a in tags.links("snippet-source")]
        assert links == [(built / title).resolve() for title in titles], f"{page}: titles and links"
        for title, link in zip(titles, links):
            assert link.read_bytes() == (ROOT / title).read_bytes()
        checked += len(links)
    assert checked >= len(list(SNIPPETS.rglob("*.py")))


def test_no_line_break_between_chinese_characters_shows_as_a_space(built_site):
    stray = site_stray_breaks(built_site[0])  # in the pages' text outside code and maths, in the notebooks
    assert stray == [], "breaks between two Chinese characters, shown as spaces (engine/wide.py):\n" + "\n".join(stray)


def test_formulas_are_typeset_where_they_are_and_only_there(built_site):
    with_maths = []
    for path in sorted(built_site[0].rglob("index.html")):
        html = path.read_text("utf-8")
        formulas = re.findall(r'class="arithmatex"[^>]*>(.{0,40})', html)
        assert [f for f in formulas if not f.startswith('<span class="katex')] == [], f"{path}: TeX left"
        assert ("katex/katex.min.css" in html) == bool(formulas), f"{path}: KaTeX's stylesheet only with maths"
        assert not re.search(r"<script[^>]+(mathjax|katex)", html, re.I), f"{path} loads a maths engine"
        with_maths += [path.parent.name] * bool(formulas)
    assert "appendix-jacobian" in with_maths
    assert (built_site[0] / "katex/fonts/KaTeX_Main-Regular.woff2").is_file()


def test_404_page_is_in_chinese_with_search_and_a_way_home(built_site):
    html = (built_site[0] / "404.html").read_text("utf-8")
    assert "<h1>404 - 找不到这个页面</h1>" in html and 'for="__search">搜索本站</label>' in html
    assert re.search(r'<a class="md-button" href="/([^"/]+/)?\.?">回到首页</a>', html)  # a deploy's site path


def test_search_index_holds_whole_words_and_no_page_furniture(built_site, dictionary_words):
    index = json.loads((built_site[0] / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh"]
    # The tutorial's terms (search_terms.txt) are whole words wherever they stand: a term may
    # begin a longer word (梯度计算, found by typing 梯度) or be part of another term (非标量)
    words, separator, split = dictionary_words, re.compile(index["config"]["separator"]), set()
    for doc in index["docs"]:
        tokens = [t for t in separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) if t]
        starts, joined = list(itertools.accumulate(map(len, tokens), initial=0)), "".join(tokens)
        for word in words:
            for found in re.finditer(word, joined):
                at = bisect.bisect_right(starts, found.start()) - 1
                if not (starts[at] == found.start() and tokens[at].startswith(word) or tokens[at] in words):
                    split.add((word, "|".join(tokens[at:at + 3])))
    assert split == set(), "terms jieba splits against the dictionary"
    furniture = {"In\xa0[", "In [", "Copied!", "¶", "\\(", "\\[", "katex"}
    found = {(doc["location"], bit) for doc in index["docs"] for bit in furniture if bit in doc["title"] + doc["text"]}
    assert found == set(), "result excerpts would show notebook prompts, buttons, anchors or maths markup"
    lenet = {doc["location"]: doc["text"] for doc in index["docs"] if doc["location"].startswith("lenet")}
    assert "import torch" not in lenet["lenet-cifar10/"], "notebook code belongs to its own section"
    assert any("import torch" in text for text in lenet.values())


def test_home_page_offers_all_examples_in_one_zip(built_site):
    html = built_site[0] / "index.html"
    (zip_link,) = [a["href"] for tag, a in _Tags(html.read_text("utf-8")).tags if a.get("href", "").endswith(".zip")]
    with zipfile.ZipFile(io.BytesIO(target(html, zip_link).read_bytes())) as archive:
        entries = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    shipped = [p for p in SNIPPETS.rglob("*") if p.suffix in {".py", ".txt"}]
    expected = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in shipped}
    expected |= {f"notebooks/{Path(page).with_suffix('.ipynb').name}": nb.encode() for page, nb in NOTEBOOKS.items()}
    expected |= {f"notebooks/{p.name}": p.read_bytes() for p in [*DOCS.glob("*.ipynb"), *DOCS.glob("*.py")]}
    assert entries == expected


def test_lenet_page_is_page_content_with_its_run_record_outputs_folded_answers_anchors_and_both_downloads(built_site):
    html = (built_site[0] / "lenet-cifar10" / "index.html").read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "jupyter-wrapper" in article and not re.search(r"<style|<script|jp-MarkdownCell", article)
    assert '<div class="language-python highlight"><pre><code>' in article
    linked = set(re.findall(r"lenet-cifar10\.ipynb#([^)\s]+)", (DOCS / "errata.md").read_text("utf-8")))
    assert linked and linked <= set(re.findall(r' id="([^"]+)"', article)), "errata links to anchors the page lacks"
    notebook = json.loads((DOCS / "lenet-cifar10.ipynb").read_text("utf-8"))
    printed = [o["text"] for c in notebook["cells"] if c["cell_type"] == "code" for o in c["outputs"] if "text" in o]
    assert printed and all("".join(text).split("\n")[0].strip() in html for text in printed)
    assert "<strong>运行记录</strong>" in html and html.count('src="data:image/png;base64,') >= 2
    answers = (DOCS / "lenet-cifar10.py").read_text("utf-8").count("<summary>参考答案</summary>")
    assert answers >= 3 and html.count("<summary>参考答案</summary>") == answers and "<details open" not in html
    assert "In&nbsp;[" not in html and 'href="lenet-cifar10.ipynb"' in html and 'href="../lenet-cifar10.py"' in html
    assert (built_site[0] / "lenet-cifar10.py").read_bytes() == (DOCS / "lenet-cifar10.py").read_bytes()


def test_build_hooks_fail_loudly_where_upstream_changed(monkeypatch):
    from mkdocs.exceptions import PluginError
    from mkdocs_jupyter import convert

    from hooks import maths, notebook_page

    monkeypatch.setattr(convert, "add_anchor_lower_id", lambda html, anchor_link_text, wrap=True: html)
    with pytest.raises(PluginError, match=r"mkdocs_jupyter\.convert\.add_anchor_lower_id.*\['wrap'\]"):
        notebook_page.on_config({})  # as if mkdocs-jupyter called it with a new parameter
    monkeypatch.delattr(convert, "add_anchor_lower_id")  # or had renamed it
    with pytest.raises(PluginError, match=r"mkdocs_jupyter\.convert\.add_anchor_lower_id, .* does not have"):
        notebook_page.on_config({})
    with pytest.raises(PluginError, match=r"page\.md.*\n.*\\frac\{"):
        maths.render([("x^2", False), ("\\frac{1", True)], "page.md")
