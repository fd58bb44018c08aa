"""Bring the pages up to date after an upgrade: the example tests with `--update-outputs`.

    make refresh                                 # pytest --update-outputs on the two modules below
    python -m tests.harness.refresh [-k models]  # the same, with pytest options

An output block that no longer matches what its snippet prints is replaced by the printed
output (a Python block without one gets one), and a figure drawn differently replaces the one
in img/ (tests/harness/update.py). Review the diff afterwards (`git diff docs/ img/`) and write
`...` again where a value is volatile. This module also holds the page edit itself.
"""

from __future__ import annotations

import sys

import pytest

EXAMPLE_TESTS = ["tests/test_snippets_standalone.py", "tests/test_examples.py"]

MARKER = "<!--pytest-codeblocks:expected-output-->"


def _closing_fence(lines: list[str], opening: int) -> int:
    ticks = lines[opening].lstrip()
    ticks = ticks[: len(ticks) - len(ticks.lstrip("`"))]
    return next(i for i in range(opening + 1, len(lines)) if lines[i].strip() == ticks)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def set_output(lines: list[str], fence_line: int, output: str) -> list[str]:
    """Return the page lines with the output block of the block at `fence_line` (1-based)
    replaced by `output`, or added after the block when it has none. The output keeps the
    block's indentation (an answer inside `??? success` is indented by 4 spaces)."""
    end = _closing_fence(lines, fence_line - 1)
    indent = _indent(lines[fence_line - 1])
    # Blank lines keep the indentation too: pytest-codeblocks drops a truly empty line of an indented block.
    body = [indent + line for line in output.removesuffix("\n").split("\n")] if output else []
    marker = _next_nonblank(lines, end + 1)
    if marker is not None and lines[marker].strip() == MARKER:
        opening = _next_nonblank(lines, marker + 1)
        closing = _closing_fence(lines, opening)
        return lines[: opening + 1] + body + lines[closing:]
    block = ["", indent + MARKER, "", indent + '```text title="输出"', *body, indent + "```"]
    return lines[: end + 1] + block + lines[end + 1 :]


def main(argv: list[str]) -> int:
    return pytest.main(["--update-outputs", *EXAMPLE_TESTS, *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
