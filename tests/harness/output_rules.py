"""Rules for the outputs shown on a page: each must still check something.

- An output keeps at least one literal line (non-blank, without `...`): a lone `...` would match
  anything the code prints. An output that is volatile through and through says so, with the
  reason, in a comment between the Python block and its output:

      <!--volatile-output: 未初始化的内存，每次运行都不同-->
      <!--pytest-codeblocks:expected-output-->

- No memory address is written out (`at 0x7f3a2c1d5e80`): the next run prints another one.
- In an indented output (an exercise answer), a blank line keeps the indentation: pytest-codeblocks
  drops a truly empty line of an indented block, so the page would show a line the test never sees.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.harness.outputs import WILDCARD
from tests.harness.pages import PYTHON_LANGS, fences

VOLATILE_OUTPUT = re.compile(r"<!--\s*volatile-output:(?P<reason>.*?)-->")
OUTPUT_MARKER = "<!--pytest-codeblocks:expected-output-->"
# An address written out (`at 0x7f3a2c1d5e80`): the next run prints another one.
LITERAL_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")


def _allowances(lines: list[str]) -> dict[int, str]:
    """{1-based line: reason} of every `<!--volatile-output: ...-->` comment of the page."""
    return {n: m["reason"].strip() for n, line in enumerate(lines, 1) if (m := VOLATILE_OUTPUT.search(line))}


def _output_marker_line(lines: list[str], fence_line: int) -> int | None:
    return next((n for n in range(fence_line + 1, len(lines) + 1) if lines[n - 1].strip() == OUTPUT_MARKER), None)


def _empty_lines_in_indented_output(lines: list[str], marker: int) -> list[int]:
    """1-based numbers of the truly empty lines inside the indented output block after `marker`."""
    opening = next(n for n in range(marker + 1, len(lines) + 1) if lines[n - 1].strip())
    indent = len(lines[opening - 1]) - len(lines[opening - 1].lstrip())
    closing = next(n for n in range(opening + 1, len(lines) + 1) if lines[n - 1].strip().startswith("```"))
    return [n for n in range(opening + 1, closing) if indent and lines[n - 1] == ""]


def has_literal_line(output: str) -> bool:
    return any(line.strip() and WILDCARD not in line for line in output.splitlines())


def output_problems(page: Path) -> list[str]:
    """Every shown output that checks (almost) nothing, one message each."""
    blocks = fences(page)
    lines = page.read_text("utf-8").split("\n")
    problems = []
    allowed = {}
    for line, reason in _allowances(lines).items():
        owner = next((f for f in reversed(blocks) if f.line < line), None)
        marker = _output_marker_line(lines, owner.line) if owner else None
        if owner is None or owner.lang not in PYTHON_LANGS or marker is None or marker < line:
            problems.append(f"{page.name}:{line}: <!--volatile-output--> belongs between a Python block and its output")
        elif not reason:
            problems.append(f"{page.name}:{line}: say why the whole output is volatile: <!--volatile-output: why-->")
        else:
            allowed[owner.line] = line
    for fence in blocks:
        if fence.lang not in PYTHON_LANGS or fence.expected_output is None:
            continue
        where = f"{page.name}:{fence.line}"
        literal = has_literal_line(fence.expected_output)
        if not literal and fence.line not in allowed:
            problems.append(
                f"{where}: the output shown has no line without `...`, so it checks nothing; keep a literal "
                "line, or say why it cannot have one: <!--volatile-output: why--> before its output"
            )
        if literal and fence.line in allowed:
            marked = f"{page.name}:{allowed[fence.line]}"
            problems.append(f"{marked}: the output has literal lines: drop <!--volatile-output-->")
        for n in _empty_lines_in_indented_output(lines, _output_marker_line(lines, fence.line)):
            problems.append(f"{page.name}:{n}: a blank line of an indented output must keep the indentation")
        for address in LITERAL_ADDRESS.findall(fence.expected_output):
            problems.append(f"{where}: the output shows the address {address}, which changes every run: write 0x...")
    return problems
