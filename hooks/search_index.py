"""MkDocs hook: what the site search indexes, and how the browser splits a Chinese query.

- The search plugin indexes a copy of each page made for it (the published page is left as it
  is), without the furniture that would show in result excerpts: the LaTeX source of formulas,
  and in a notebook page its prompts `In [ ]:`, copy buttons `Copied!` and heading anchors `¶`.
  A notebook page also loses its `<div>` wrappers in the copy: the plugin reads the end of the
  wrapper around a heading as the end of its section, and put every code cell under the page's
  first section instead of its own.
- Material's search worker splits a Chinese query into the longest words the index knows but
  never tries the query as a whole: 张量 became 张 (and `?h=张` highlighted one character). The
  worker copied into the site is fixed to try the whole query too, so the browser splits a term
  as jieba split it in the index.
"""

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# LaTeX source of a formula, typeset by MathJax in the browser (pymdownx.arithmatex writes
# <span class="arithmatex">\(…\)</span> and <div class="arithmatex">\[…\]</div>, text only)
MATHS = re.compile(r'<(span|div) class="arithmatex">.*?</\1>', re.S)
NOTEBOOK = 'class="jupyter-wrapper"'  # a page mkdocs-jupyter rendered from a notebook
NOTEBOOK_FURNITURE = ", ".join([
    ".jp-InputPrompt",           # In [ ]:
    ".jp-OutputPrompt",          # Out[ ]:
    ".zeroclipboard-container",  # a cell's copy button and its "Copied!"
    ".anchor-link",              # ¶ after a heading
])

# Material's segmenter, minified: for(let j=i+1;j<query.length;j++)query.slice(i,j)in index
SEGMENT_LOOP = re.compile(r"for\(let (\w+)=(\w+)\+1;\1(<=?)(\w+)\.length;\1\+\+\)\4\.slice\(\2,\1\)in ")

_published = {}  # page URL -> its HTML, while the search plugin indexes the copy


def search_copy(html: str) -> str:
    """The page as the search plugin should read it."""
    html = MATHS.sub("", html)
    if NOTEBOOK not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(NOTEBOOK_FURNITURE):
        element.decompose()
    for div in soup.find_all("div"):
        if not div.has_attr("data-search-exclude"):  # left to the plugin
            div.unwrap()
    return str(soup)


@event_priority(-100)  # after every other plugin has written the page
def on_page_content(html, page, config, files):
    _published[page.url] = html
    return search_copy(html)


@event_priority(-100)  # after the search plugin has indexed the copy
def on_page_context(context, page, config, nav):
    page.content = _published.pop(page.url)
    return context


def on_post_build(config):
    workers = list(Path(config.site_dir, "assets/javascripts/workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"hooks/search_index.py: expected one search worker, found {workers}")
    source = workers[0].read_text("utf-8")
    loops = SEGMENT_LOOP.findall(source)
    if len(loops) != 1:
        raise PluginError(
            "hooks/search_index.py: Material's search worker has changed and its query segmenter "
            "was not found: check whether it now tries the whole query itself "
            "(tests/test_search.py tells) and update or remove this fix."
        )
    if loops[0][2] == "<":  # not yet fixed (a dirty build keeps the copy it fixed before)
        fixed = SEGMENT_LOOP.sub(lambda loop: loop[0].replace("<", "<=", 1), source)
        workers[0].write_text(fixed, "utf-8")
    _write_index_as_utf8(Path(config.site_dir, "search/search_index.json"))


def _write_index_as_utf8(index: Path) -> None:
    """Material writes the index with every Chinese character as a \\uXXXX escape (6 bytes
    instead of 3): written as UTF-8, the index each reader downloads is a third smaller."""
    if index.is_file():
        data = json.loads(index.read_text("utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
