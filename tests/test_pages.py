"""Every page keeps its promise.

- Each example, run once as a reader who copied it would (engine.running: pytest-codeblocks' runner,
  a fresh process, an empty folder), prints the output shown under it and draws the figures shown;
  one that reads a clock, an id or an address prints the same again with those values moved.
- Each chapter's notebook, as the site offers it, runs top to bottom in a Jupyter kernel, prints
  what the page shows, displays no value the page does not show, and reads like the page (a wrong
  output on the page is reported once, by its example).
- Each page follows the conventions that keep all of this checked (engine.rules).

`make test` runs each test file in one process (`--dist loadfile`), so a page's examples run before
its notebook, in the same process.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from engine import IMG, ROOT, SNIPPETS, page, rules, site
from engine.figures import figures_written_by_code, pixel_difference, png_names
from engine.notebook import site_notebooks
from engine.outputs import diff, first_difference, has_literal_line, matches
from engine.running import run_example, run_notebook
from engine.volatile import reads_volatile_values
from tests.conftest import REWRITE


def _read(path: Path):
    try:
        return page.read(path)
    except Exception as error:  # reported by this page's tests alone; the other pages still run
        return f"{path.relative_to(ROOT)} cannot be read, so none of its examples ran: {type(error).__name__}: {error}"


PAGES = {path.name: _read(path) for path in site.markdown_pages()}
PRINTED: dict[str, str] = {}  # snippet -> what it printed alone, in this process
# Markdown that only MkDocs understands, and must not reach a notebook
MKDOCS_ONLY = re.compile(r"^>?\s*(!!!|\?\?\?|===)|-8<-|<!--|^>?\s*\*\[[^\]]+\]:|\{\s*[#.:][^}]*\}|\]\([^)]*\.md\b"
                         r"|```\w*\s+title=", re.M)


def readable(name: str) -> page.Page:
    if isinstance(PAGES[name], str):
        pytest.fail(PAGES[name], pytrace=False)
    return PAGES[name]


def _params(test: str) -> list:
    """The examples (or the notebooks) of the readable pages; an unreadable page fails its
    conventions test alone."""
    readable_pages = {name: parsed for name, parsed in PAGES.items() if not isinstance(parsed, str)}
    if test == "notebook":
        return [pytest.param(name, None, id=name) for name, parsed in readable_pages.items() if parsed.examples]
    return [pytest.param(name, fence.line, id=f"{name}:{fence.line}:{Path(fence.include).stem}")
            for name, parsed in readable_pages.items() for fence in parsed.examples if fence.include]


@dataclass
class Check:
    """What an example's run says about its page: problems, and with --update-outputs, a new output."""

    problems: list[str] = field(default_factory=list)
    rewrite: str | None = None


def check_example(shown: page.Page, fence: page.Fence, folder: Path, update: bool = False) -> Check:
    check = Check()
    code_at, output_at = shown.where(fence.line), shown.where(fence.output_line or fence.line)
    accept = (f"if the printed output is right, write it into the page: "
              f"pytest tests/test_pages.py --update-outputs -k {Path(fence.include).stem}")
    run = run_example(fence.code, fence.include, fence.output or "", folder)
    if run.error or run.stray:
        what = f"raised an exception:\n{run.error}" if run.error else f"writes to stderr:\n{run.stray}"
        return Check([f"{code_at}: {fence.include} {what}"])
    PRINTED[fence.include] = run.printed
    if fence.output is None:
        check.problems.append(f"{code_at}: no output is shown for {fence.include}; {accept}")
    elif not matches(fence.output, run.printed):
        line = fence.output_line + 1 + first_difference(fence.output, run.printed)
        check.problems.append(
            f"{shown.where(line)}: the output shown differs from what {fence.include} prints (`...` is the only "
            f"wildcard):\n{diff(fence.output, run.printed, fence.output_line + 1, shown.name, fence.include)}{accept}")
    elif not has_literal_line(fence.output) and fence.volatile is None:
        check.problems.append(
            f"{output_at}: the output shown has no line without `...`, so it checks nothing; keep a literal line, "
            f"or say why it cannot have one: <!--volatile-output: why--> before its output; {accept}")
    if update and check.problems:
        check.problems, check.rewrite = [], run.printed
    check.problems += _figure_problems(shown, fence, folder, update)
    if not check.problems and not update and reads_volatile_values(fence.code):
        (folder / "shifted").mkdir()
        again = run_example(fence.code, fence.include, fence.output, folder / "shifted", shifted=True)
        if again.error or not matches(fence.output, again.printed or ""):
            check.problems.append(
                f"{output_at}: run again with other clock readings, ids and data pointers, {fence.include} prints "
                f"something else: write `...` where it prints a time, an id or an address\n"
                + (again.error or diff(fence.output, again.printed, fence.output_line + 1)))
    return check


def _figure_problems(shown: page.Page, fence: page.Fence, folder: Path, update: bool) -> list[str]:
    """The example draws the figures it names, the page shows each, and img/ holds the same picture
    (with `update`, the one just drawn replaces it)."""
    drawn = sorted((folder / "img").glob("*.png"))
    named = png_names(fence.code)
    problems = [f"{shown.where(fence.line)}: {fence.include} names {sorted(named)} but draws "
                f"{[f.name for f in drawn]}"] if {f.name for f in drawn} != named else []
    for figure in drawn:
        if f"img/{figure.name}" not in shown.figures:
            problems.append(f"{shown.where(fence.line)}: {shown.name} does not show img/{figure.name}")
            continue
        difference = pixel_difference(figure, IMG / figure.name) if (IMG / figure.name).is_file() else "missing"
        if difference and update:
            IMG.mkdir(exist_ok=True)
            (IMG / figure.name).write_bytes(figure.read_bytes())
        elif difference:
            problems.append(f"{shown.where(fence.line)}: img/{figure.name}: {difference}")
    return problems


@pytest.mark.parametrize(("name", "line"), _params("example"))
def test_example_prints_and_draws_what_its_page_shows(name, line, tmp_path, update_outputs, record_property):
    shown = PAGES[name]
    check = check_example(shown, next(f for f in shown.examples if f.line == line), tmp_path, update_outputs)
    if check.rewrite is not None:
        record_property(REWRITE, (str(shown.path), line, check.rewrite))
    if check.problems:
        pytest.fail("\n\n".join(check.problems), pytrace=False)


def _stream(cell, name: str) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == name)


@pytest.mark.parametrize(("name", "line"), _params("notebook"))
def test_notebook_runs_in_a_kernel_and_reads_like_the_page(name, line, tmp_path):
    stored = nbformat.reads(site_notebooks()[name], 4)
    problems = []
    markdown = "\n".join(c.source for c in stored.cells if c.cell_type == "markdown")
    if MKDOCS_ONLY.search(markdown):
        problems.append(f"the notebook's text holds Markdown that only MkDocs reads: {MKDOCS_ONLY.findall(markdown)}")
    executed = run_notebook(stored, tmp_path)
    code = [(c, r) for c, r in zip(stored.cells, executed.cells) if c.cell_type == "code"]
    for number, (cell, ran) in enumerate(code, start=1):
        snippet = cell.metadata.get("snippet")
        where = f"{name} notebook, code cell {number} ({snippet})"
        for output in ran.outputs:
            if output.output_type == "error":
                problems.append(f"{where} raised {output.ename}: {output.evalue}")
            elif output.output_type == "execute_result":
                problems.append(f"{where} displays a value the page does not show: {output.data['text/plain']}")
        if _stream(ran, "stderr"):
            problems.append(f"{where} wrote to stderr:\n{_stream(ran, 'stderr')}")
        page_shows, printed, alone = _stream(cell, "stdout"), _stream(ran, "stdout"), PRINTED.get(snippet)
        reported = alone is not None and not matches(page_shows, alone) and alone == printed  # by the example
        if not matches(page_shows, printed) and not reported:
            problems.append(f"{where} prints in the notebook what its page does not show:\n"
                            + diff(page_shows, printed, shown=f"shown on {name}", printed="in the notebook"))
        for figure in (o.metadata["filename"] for o in cell.outputs if "filename" in o.get("metadata", {})):
            if not (tmp_path / figure).is_file():
                problems.append(f"{where}: the notebook shows {figure}, which the code did not write")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.parametrize("name", PAGES)
def test_page_follows_the_conventions(name):
    assert rules.problems(readable(name)) == []


def test_every_snippet_is_shown_and_runs_as_a_copied_block():
    shown = {fence.snippet for p in PAGES.values() if not isinstance(p, str) for fence in p.examples}
    snippets = sorted(SNIPPETS.rglob("*.py"))
    assert [str(p.relative_to(ROOT)) for p in snippets if p not in shown] == [], "snippets no page includes"
    guarded = [str(p.relative_to(ROOT)) for p in snippets if "__main__" in p.read_text("utf-8")]
    assert guarded == [], "a copied block runs with __name__ != '__main__': that code would never run"


def test_every_figure_is_drawn_by_code_and_shown():
    written = figures_written_by_code()
    shown = {figure for p in PAGES.values() if not isinstance(p, str) for figure in p.figures}
    shown |= {m for p in site.nav_pages() if not p.endswith(".md")
              for m in re.findall(r"img/[\w.-]+\.png", (ROOT / "docs" / p).read_text("utf-8"))}
    figures = [f"img/{f.name}" for f in sorted(IMG.glob("*"))]
    assert sorted(shown - set(figures)) == [], "figures shown that do not exist"
    assert [f for f in figures if f not in shown] == [], "figures no page shows"
    assert [f for f in figures if Path(f).name not in written] == [], "figures no code writes by this name"
