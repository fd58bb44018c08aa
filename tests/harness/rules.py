"""What a page must respect so that every block runs and every output is checked."""

from __future__ import annotations

from pathlib import Path

from tests.harness.pages import OUTPUT_LANG, PYTHON_LANGS, ROOT, fences


def page_problems(page: Path) -> list[str]:
    """Every breach of the page conventions (CONTRIBUTING.md), one message each."""
    problems = []
    for fence in fences(page):
        where = f"{page.name}:{fence.line}"
        if fence.lang in PYTHON_LANGS:
            if fence.lang != "python":
                problems.append(f"{where}: write ```python, not ```{fence.lang}")
            if not fence.include:
                problems.append(f"{where}: a Python block must be one `--8<--` include of a snippet file")
                continue
            if fence.title != fence.include:
                problems.append(f'{where}: title the block title="{fence.include}"')
            if not fence.include.startswith("snippets/") or ":" in fence.include:
                problems.append(f"{where}: include a whole file under snippets/")
            elif not (ROOT / fence.include).is_file():
                problems.append(f"{where}: {fence.include} does not exist")
            if fence.expected_output is None:
                problems.append(f"{where}: no output block follows; a block that prints nothing checks nothing")
        elif fence.lang == OUTPUT_LANG:
            problems.append(
                f"{where}: this `text` block is not preceded by "
                "<!--pytest-codeblocks:expected-output-->, so nothing checks it"
            )
        elif fence.expected_output is not None:
            problems.append(f"{where}: an output is attached to a ```{fence.lang} block, which never runs")
    return problems
