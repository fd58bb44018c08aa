"""The chapter notebooks: generate them as the site build does, run them, compare outputs.

The site build generates them in hooks/notebooks.py (from hooks/page_notebook.py); here the
same functions run on the same pages without building the site.
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

import notebooks as hook  # hooks/notebooks.py (pytest's pythonpath, as MkDocs imports it)

from tests.harness.kernels import kernel_manager_class
from tests.harness.outputs import diff, matches
from tests.harness.pages import DOCS, site_config, snippets_config

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@functools.cache
def generated() -> dict[str, str]:
    """{page (`tensors.md`): notebook JSON}, exactly as the site build writes them (the include
    options are the harness's, read once per process from mkdocs.yml)."""
    pages = {p.relative_to(DOCS).as_posix(): p.read_text("utf-8") for p in sorted(DOCS.rglob("*.md"))}
    others = {p.relative_to(DOCS).as_posix() for p in DOCS.glob("*") if p.suffix in {".py", ".ipynb"}}
    return hook.generate_notebooks(pages, others, snippets_config(), site_config()["site_url"])


def site_path(page: str) -> str:
    """Where the site serves the notebook of a page."""
    return f"{hook.NOTEBOOKS}/{hook.notebook_name(page)}"


def execute(notebook, folder: Path, timeout: float = 300):
    """Run a copy of the notebook top to bottom in a fresh kernel (kernels.py), from `folder`."""
    from nbclient import NotebookClient

    executed = copy.deepcopy(notebook)
    for cell in executed.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        executed, timeout=timeout, kernel_name="python3", allow_errors=True,
        kernel_manager_class=kernel_manager_class(), resources={"metadata": {"path": str(folder)}},
    ).execute()
    return executed


def _stream(cell, name: str) -> str:
    return "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == name)


def figures(cell) -> list[str]:
    """The files (`img/x.png`) of the figures stored as the cell's outputs."""
    return [o.metadata["filename"] for o in cell.outputs
            if o.output_type == "display_data" and "filename" in o.get("metadata", {})]


def differences(stored, executed, name: str, folder: Path) -> list[str]:
    """What the executed notebook printed that its stored outputs do not show, cell by cell:
    stdout (`...` rules of the pages), anything on stderr, errors, and figures not written
    to `folder` (their bytes aside)."""
    problems = []
    code = [c for c in stored.cells if c.cell_type == "code"]
    ran = [c for c in executed.cells if c.cell_type == "code"]
    for number, (cell, result) in enumerate(zip(code, ran), start=1):
        where = f"{name}, code cell {number} ({cell.metadata.get('snippet', 'no snippet')})"
        for error in (o for o in result.outputs if o.output_type == "error"):
            problems.append(f"{where} raised {error.ename}:\n" + ANSI.sub("", "\n".join(error.traceback)))
        if _stream(result, "stderr"):
            problems.append(f"{where} wrote to stderr:\n{_stream(result, 'stderr')}")
        expected, printed = _stream(cell, "stdout"), _stream(result, "stdout")
        if not matches(expected, printed):
            problems.append(f"{where}: the printed output differs from the stored one (`...` is the only "
                            "wildcard):\n" + diff(expected, printed, f"stored in {name}", "the kernel"))
        for figure in figures(cell):
            if not (folder / figure).is_file():
                problems.append(f"{where}: the notebook shows {figure}, which the code did not write")
    return problems
