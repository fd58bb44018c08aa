"""An example and a notebook against their page: the problems the tests report, one a line (where and
what to do; a diff or a traceback may follow), each suggested command runnable as pasted at the root.

An example prints the output shown under it, something literal and the same on every run, and draws
the figures it names, each shown on its page and the same as in img/ (with `update`, what it prints and
draws is written there instead). A notebook runs in a kernel, prints what its page shows and displays
nothing more; a cell that prints otherwise only because its page is wrong is left to its example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from engine import IMG
from engine.figures import pixel_difference, png_names
from engine.outputs import diff, first_difference, has_literal_line, matches
from engine.page import Fence, Page
from engine.running import run_example, run_notebook
from engine.volatile import reads_volatile_values

# Markdown that only MkDocs understands, and must not reach a notebook
MKDOCS_ONLY = re.compile(r"^>?\s*(!!!|\?\?\?|===)|-8<-|<!--|^>?\s*\*\[[^\]]+\]:|\{\s*[#.:][^}]*\}|\]\([^)]*\.md\b"
                         r"|```\w*\s+title=", re.M)


def example_id(page: Page, fence: Fence) -> str:
    """The example's test id, `tensors.md:663:cat_2d`: a `-k` that selects its test alone."""
    return f"{page.name}:{fence.line}:{Path(fence.include).stem}"


def update_command(page: Page, fence: Fence) -> str:
    return f".venv/bin/pytest tests/test_pages.py --update-outputs -k {example_id(page, fence)}"


@dataclass
class Check:
    """What an example's run says about its page: problems; with `update`, a new output, figures redrawn."""

    problems: list[str] = field(default_factory=list)
    rewrite: str | None = None
    redrawn: list[str] = field(default_factory=list)


def check_example(shown: Page, fence: Fence, folder: Path, update: bool = False) -> Check:
    check, at, snippet = Check(), shown.where(fence.line), fence.include
    run = run_example(fence.code, snippet, fence.output or "", folder)
    if run.error or run.stray:
        what = f"raised an exception:\n{run.error}" if run.error else f"writes to stderr (fix that):\n{run.stray}"
        return Check([f"{at}: {snippet} {what}"])
    matched = fence.output is not None and matches(fence.output, run.printed)
    literal = fence.output is not None and (has_literal_line(fence.output) or fence.volatile is not None)
    if not run.printed.strip():
        saved = " such as the figure it saved: print(\"已保存 img/…\")" if png_names(fence.code) else ""
        return Check([f"{at}: {snippet} prints nothing, so nothing checks it: make it print its result{saved}"])
    if not (matched and literal):  # to be written or reported: the same on a second run?
        again = run_example(fence.code, snippet, fence.output or "", folder / "again")
        if again.printed != run.printed:
            cure = ("write `...` where it prints a time, an id or an address" if reads_volatile_values(fence.code)
                    else "seed its random numbers at the top: torch.manual_seed(0) (random.seed, numpy.random.seed)")
            check.problems.append(f"{at}: {snippet} prints something else on each run, so no output can be shown: "
                                  f"{cure}\n{diff(run.printed, again.printed or '', 1, 'one run', 'the next')}")
        elif update:
            check.rewrite = run.printed
        elif fence.output is None:
            check.problems.append(f"{at}: no output is shown for {snippet}; write it into the page: "
                                  + update_command(shown, fence))
        elif not matched:
            line = fence.output_line + 1 + first_difference(fence.output, run.printed)
            check.problems.append(
                f"{shown.where(line)}: the output shown differs from what {snippet} prints; if the printed output is "
                f"right, write it into the page: {update_command(shown, fence)}\n"
                f"{diff(fence.output, run.printed, fence.output_line + 1, shown.name, snippet)}")
    if matched and not literal and not update:
        check.problems.append(
            f"{shown.where(fence.output_line)}: the output shown has no literal line (one with a letter or a digit "
            "and no `...`), so it checks nothing: show a line as printed, or say why none can be shown: "
            "<!--volatile-output: why--> right before its output marker")
    _check_figures(check, shown, fence, folder, update)
    if not check.problems and matched and reads_volatile_values(fence.code):
        again = run_example(fence.code, snippet, fence.output, folder / "shifted", shifted=True)
        if again.error or not matches(fence.output, again.printed or ""):
            check.problems.append(
                f"{shown.where(fence.output_line)}: run again with other clock readings, ids and data pointers, "
                f"{snippet} prints something else: write `...` where it prints a time, an id or an address\n"
                + (again.error or diff(fence.output, again.printed, fence.output_line + 1)))
    return check


def _check_figures(check: Check, shown: Page, fence: Fence, folder: Path, update: bool) -> None:
    """The example draws the figures it names, its page shows each, img/ holds the same (or, `update`, gets it)."""
    at, drawn, named = shown.where(fence.line), sorted((folder / "img").glob("*.png")), png_names(fence.code)
    if {f.name for f in drawn} != named:
        check.problems.append(f"{at}: {fence.include} names {sorted(named)} but draws {[f.name for f in drawn]}: "
                              "save each figure under a name written out in the code (\"img/x.png\")")
    for figure in drawn:
        if f"img/{figure.name}" not in shown.figures:
            check.problems.append(f"{at}: {shown.name} does not show img/{figure.name}: show it after the block "
                                  f"with ![说明](img/{figure.name})")
            continue
        difference = pixel_difference(figure, IMG / figure.name) if (IMG / figure.name).is_file() else "new"
        if difference and update:
            IMG.mkdir(exist_ok=True)
            (IMG / figure.name).write_bytes(figure.read_bytes())
            check.redrawn.append(f"img/{figure.name}: redrawn by {fence.include} ({difference})")
        elif difference:
            check.problems.append(f"{at}: img/{figure.name}: {difference}; if the change is intended, redraw it: "
                                  + update_command(shown, fence))


def _stream(cell, name: str) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == name)


def check_notebook(shown: Page, stored, folder: Path) -> list[str]:
    """The problems of a page's notebook (`stored`, as the site offers it), run in a kernel in `folder`."""
    problems = []
    markdown = "\n".join(c.source for c in stored.cells if c.cell_type == "markdown")
    if MKDOCS_ONLY.search(markdown):
        problems.append(f"the notebook's text holds Markdown that only MkDocs reads: {MKDOCS_ONLY.findall(markdown)}")
    executed = run_notebook(stored, folder)
    fences = {fence.include: fence for fence in shown.examples}
    code = [(c, r) for c, r in zip(stored.cells, executed.cells) if c.cell_type == "code"]
    for number, (cell, ran) in enumerate(code, start=1):
        snippet = cell.metadata.get("snippet")
        where = f"{shown.where(fences[snippet].line) if snippet in fences else shown.name}: notebook cell {number}"
        for output in ran.outputs:
            if output.output_type == "error":
                problems.append(f"{where} raised {output.ename}: {output.evalue}")
            elif output.output_type == "execute_result":
                problems.append(f"{where} displays a value the page does not show: {output.data['text/plain']}; "
                                "print it, or drop the bare expression")
        if _stream(ran, "stderr"):
            problems.append(f"{where} wrote to stderr:\n{_stream(ran, 'stderr')}")
        page_shows, printed = _stream(cell, "stdout"), _stream(ran, "stdout")
        if not matches(page_shows, printed) and snippet in fences:
            alone = run_example(fences[snippet].code, snippet, page_shows, folder / f"alone{number}")
            if alone.printed is not None and not matches(page_shows, alone.printed):
                continue  # run alone it differs from the page too: its example reports it
        if not matches(page_shows, printed):
            problems.append(f"{where} prints in the notebook what its page does not show (run alone, it prints what "
                            "the page shows: an earlier cell changes what it prints; make each snippet stand alone)\n"
                            + diff(page_shows, printed, shown=f"shown on {shown.name}", printed="in the notebook"))
        for figure in (o.metadata["filename"] for o in cell.outputs if "filename" in o.get("metadata", {})):
            if not (folder / figure).is_file():
                problems.append(f"{where}: the notebook shows {figure}, which the code did not write")
    return problems
