"""What a page must respect so that every block runs and every output is checked."""

from __future__ import annotations

import re
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


ANSWER = re.compile(r'^(?P<indent>\s*)(?P<marker>\?\?\?\+?|!!!)\s+\w+\s+"参考答案"')


def answer_problems(page: Path) -> list[str]:
    """An exercise's reference answer is a collapsed `??? ... "参考答案"` block holding a
    snippet include with its output shown, so that the answer is run and checked."""
    lines = page.read_text("utf-8").split("\n")
    checked = {f.line for f in fences(page) if f.lang == "python" and f.include and f.expected_output is not None}
    problems = []
    for number, line in enumerate(lines, start=1):
        match = ANSWER.match(line)
        if not match:
            continue
        where = f"{page.name}:{number}"
        if match["marker"] != "???":
            problems.append(f"{where}: write the answer as a collapsed `???` block")
        end = number
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > len(match["indent"])):
            end += 1
        if not any(number < fence <= end for fence in checked):
            problems.append(f"{where}: an answer without a snippet and its shown output is checked by nothing")
    return problems


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
