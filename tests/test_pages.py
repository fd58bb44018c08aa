"""Every page keeps its promise (engine.examples says how): each example, run as `python snippets/…` would run
it, prints the output shown under it and draws the figures shown; each chapter's notebook runs top to bottom in a
Jupyter kernel and prints what the page shows; each page follows the conventions (engine.rules)."""

import re
from pathlib import Path

import nbformat
import pytest

from engine import IMG, ROOT, SNIPPETS, page, rules, site
from engine.examples import check_example, check_notebook, example_id
from engine.figures import figures_written_by_code
from engine.notebook import site_notebooks
from engine.rewrite import REDRAWN, REWRITE


def _read(path: Path):
    try:
        return page.read(path)
    except Exception as error:  # reported by this page's tests alone; the other pages still run
        return f"{path.relative_to(ROOT)} cannot be read, so none of its examples ran: {type(error).__name__}: {error}"


PAGES = {path.name: _read(path) for path in site.markdown_pages()}
READABLE = {name: parsed for name, parsed in PAGES.items() if not isinstance(parsed, str)}


def _fail(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize(("name", "line"), [
    pytest.param(name, fence.line, id=example_id(parsed, fence))
    for name, parsed in READABLE.items() for fence in parsed.examples if fence.include])
def test_example_prints_and_draws_what_its_page_shows(name, line, tmp_path, pytestconfig, record_property):
    shown = PAGES[name]
    fence = next(f for f in shown.examples if f.line == line)
    check = check_example(shown, fence, tmp_path, pytestconfig.getoption("--update-outputs"))
    if check.rewrite is not None:
        record_property(REWRITE, (str(shown.path), line, check.rewrite))
    for redrawn in check.redrawn:
        record_property(REDRAWN, redrawn)
    _fail(check.problems)


@pytest.mark.parametrize("name", [name for name, parsed in READABLE.items() if parsed.examples])
def test_notebook_runs_in_a_kernel_and_prints_what_its_page_shows(name, tmp_path):
    _fail(check_notebook(PAGES[name], nbformat.reads(site_notebooks()[name], 4), tmp_path))


@pytest.mark.parametrize("name", PAGES)
def test_page_follows_the_conventions(name):
    _fail([PAGES[name]] if isinstance(PAGES[name], str) else rules.problems(PAGES[name]))


def test_every_snippet_is_shown():
    shown = {ROOT / fence.include for p in READABLE.values() for fence in p.examples if fence.include}
    _fail([f"{p.relative_to(ROOT)}: no page includes it; include it in a page, or delete it"
           for p in sorted(SNIPPETS.rglob("*.py")) if p not in shown])


def test_every_figure_is_drawn_by_code_and_shown():
    written = figures_written_by_code()
    shown = {figure for p in READABLE.values() for figure in p.figures}
    shown |= {m for p in site.nav_pages() if not p.endswith(".md")
              for m in re.findall(r"img/[\w.-]+\.png", (ROOT / "docs" / p).read_text("utf-8"))}
    figures = [f"img/{f.name}" for f in sorted(IMG.glob("*"))]
    _fail([f"{f}: shown, but there is no such file; draw it from a snippet that saves it" for f in sorted(shown)
           if f not in figures] + [f"{f}: no page shows it; show it, or delete it" for f in figures if f not in shown]
          + [f"{f}: no code writes a file of this name; draw it from a snippet" for f in figures
             if Path(f).name not in written])
