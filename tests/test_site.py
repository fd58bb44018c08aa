"""The built site: a strict build, only local resources, figures and maths in place,
and a search index that splits Chinese into words."""

import bisect
import itertools
import json
import os
import re
import subprocess
import sys

import pytest

from tests.harness.pages import DOCS, ROOT, pages
from tests.harness.site_requests import external_loads
from tests.test_search import dictionary_words

# One worker builds the site once for all the tests that look at it.
pytestmark = pytest.mark.xdist_group("site")


def test_strict_build_has_no_warnings(built_site):
    _, log = built_site
    warnings = re.findall(r"^WARNING\b.*$", log, re.M)
    assert warnings == [], log


def test_pages_load_nothing_from_other_hosts(built_site):
    site, _ = built_site
    assert external_loads(site) == {}


def test_the_external_load_check_can_fail(tmp_path):
    (tmp_path / "page.html").write_text(
        '<link rel="stylesheet" href="https://fonts.example.com/x.css">'
        '<a href="https://pytorch.org">a link is not a load</a><script src="//cdn.example.com/m.js"></script>',
        "utf-8",
    )
    (tmp_path / "a.css").write_text("@font-face{src:url(https://fonts.example.com/f.woff2)}", "utf-8")
    assert external_loads(tmp_path) == {
        "a.css": ["https://fonts.example.com/f.woff2"],
        "page.html": ["//cdn.example.com/m.js", "https://fonts.example.com/x.css"],
    }


def test_every_page_is_built_with_its_figures(built_site):
    site, _ = built_site
    for page in pages():
        html = site / page.relative_to(DOCS).with_suffix("") / "index.html"
        if page.stem == "index":
            html = site / "index.html"
        assert html.is_file(), f"{page.name} was not built"
        for figure in re.findall(r"\]\((img/[^)\s]+)\)", page.read_text("utf-8")):
            assert (site / figure).is_file(), f"{figure} shown on {page.name} is not in the site"


def _built_pages(site):
    return {path: path.read_text("utf-8") for path in sorted(site.rglob("index.html"))}


def test_formulas_are_typeset_when_the_site_is_built(built_site):
    site, _ = built_site
    with_maths = []
    for path, html in _built_pages(site).items():
        formulas = re.findall(r'class="arithmatex">(.{0,40})', html)
        untypeset = [f for f in formulas if not f.startswith('<span class="katex')]
        assert untypeset == [], f"{path}: formulas left as TeX"
        links_katex = '<link rel="stylesheet" href="' in html and "katex/katex.min.css" in html
        assert links_katex == bool(formulas), f"{path}: KaTeX's stylesheet must be linked exactly where there is maths"
        assert not re.search(r"<script[^>]+(mathjax|katex)", html, re.I), f"{path} loads a maths engine"
        with_maths += [path.parent.name] * bool(formulas)
    assert "appendix-jacobian" in with_maths
    assert (site / "katex/fonts/KaTeX_Main-Regular.woff2").is_file()


def test_a_formula_katex_cannot_parse_fails_the_build():
    from mkdocs.exceptions import PluginError

    from hooks.maths import render

    assert "katex" in render([("x^2", False)], "page.md")[0]
    with pytest.raises(PluginError, match=r"page\.md.*\n.*\\frac\{"):
        render([("x^2", False), ("\\frac{1", True)], "page.md")


def test_the_build_hooks_do_not_need_torch():
    # `make serve` installs no torch: every hook must load without it (their folder on the
    # import path, as MkDocs puts it)
    code = (
        "import runpy, sys; sys.modules['torch'] = None\n"
        "for hook in sys.argv[1:]: runpy.run_path(hook)"
    )
    hooks = [str(p) for p in sorted((ROOT / "hooks").glob("*.py"))]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    result = subprocess.run([sys.executable, "-c", code, *hooks], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_notebook_page_carries_no_inline_styles_or_scripts(built_site):
    site, _ = built_site
    html = (site / "lenet-cifar10/index.html").read_text("utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    assert "jupyter-wrapper" in article
    assert not re.search(r"<style|<script", article)
    assert '<div class="language-python highlight"><pre><code>' in article


def test_404_page_is_in_chinese_with_search_and_a_way_home(built_site):
    site, _ = built_site
    html = (site / "404.html").read_text("utf-8")
    assert "<h1>404 - 找不到这个页面</h1>" in html
    assert 'for="__search">搜索本站</label>' in html
    assert re.search(r'<a class="md-button" href="/\.?">回到首页</a>', html)


def test_search_index_splits_words_and_leaves_out_page_furniture(built_site):
    site, _ = built_site
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["zh"]
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("tensors/"))
    # jieba marks word boundaries with zero-width spaces, which the search separator splits on
    assert "\u200b" in text
    assert re.search("\u200b内存\u200b|\u200b内存", text), "the word 内存 inside a sentence is not a token"
    # The tutorial's terms (search_terms.txt) are whole words wherever they stand: a term may
    # begin a longer word (梯度计算, found by typing 梯度) or be part of another term (非标量)
    words = dictionary_words()
    separator = re.compile(index["config"]["separator"])
    split = set()
    for doc in index["docs"]:
        tokens = [t for t in separator.split(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])) if t]
        starts = list(itertools.accumulate(map(len, tokens), initial=0))
        joined = "".join(tokens)
        for word in words:
            for found in re.finditer(word, joined):
                at = bisect.bisect_right(starts, found.start()) - 1
                token = tokens[at]
                if not (starts[at] == found.start() and token.startswith(word) or token in words):
                    split.add((word, "|".join(tokens[at:at + 3])))
    assert split == set(), "terms jieba splits against the dictionary"
    # Result excerpts show the tutorial's text, not the page furniture (hooks/search_index.py)
    furniture = {"In\xa0[", "In [", "Copied!", "¶", "\\(", "\\["}
    found = {(doc["location"], bit) for doc in index["docs"] for bit in furniture
             if bit in doc["title"] + doc["text"]}
    assert found == set(), "result excerpts would show notebook prompts, buttons, anchors or LaTeX"
    # notebook code cells are indexed under their own section, not the page's first one
    lenet = {doc["location"]: doc["text"] for doc in index["docs"] if doc["location"].startswith("lenet")}
    assert "import torch" not in lenet["lenet-cifar10/"]
    assert any("import torch" in text for text in lenet.values())


def test_pages_have_titled_copyable_code_tabs_and_a_colour_toggle(built_site):
    site, _ = built_site
    html = (site / "introduction/index.html").read_text("utf-8")
    assert '<span class="filename">snippets/introduction/check_install.py</span>' in html
    assert 'class="tabbed-set' in html
    assert 'data-md-component="palette"' in html and 'data-md-color-scheme="slate"' in html
    assert '"content.code.copy"' in html
