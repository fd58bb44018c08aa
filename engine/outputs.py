"""A shown output against what the code printed.

Everything is compared character for character, except `...`, the only wildcard:
- `...` inside a line matches any characters of that line (an address, a timing);
- a line that is exactly `...` matches any number of whole lines (uninitialized memory);
- but the `...` that PyTorch prints in a summarised tensor is literal: `,  ...,` inside a row
  (`tensor([0, 1, 2,  ..., 7, 8, 9])`) and a line of spaces and `...,` between rows.
"""

from __future__ import annotations

import difflib
import functools
import re

WILDCARD = "..."
SUMMARY = ",  ...,"  # PyTorch's own, inside a row of a summarised tensor
SUMMARY_ROW = re.compile(r"^ +\.\.\.,$")  # and between its rows


@functools.lru_cache(maxsize=512)
def _pattern(expected: str) -> re.Pattern:
    parts = []
    for line in expected.splitlines(keepends=True):
        text, newline = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if text == WILDCARD:
            parts.append(r"(?:[^\n]*\n)*?" if newline else r"(?:[^\n]*\n?)*?")
        elif SUMMARY_ROW.match(text):
            parts.append(re.escape(line))
        else:
            pieces = (re.escape(piece).replace("\0", re.escape(SUMMARY)) for piece in
                      text.replace(SUMMARY, "\0").split(WILDCARD))
            parts.append(r"[^\n]*?".join(pieces) + newline)
    return re.compile("".join(parts))


def matches(expected: str, actual: str) -> bool:
    return _pattern(expected).fullmatch(actual) is not None


def has_literal_line(output: str) -> bool:
    """Whether the output checks something: a line with a letter or a digit and no `...` wildcard."""
    return any(re.search(r"\w", line) and WILDCARD not in line.replace(SUMMARY, "") and not SUMMARY_ROW.match(line)
               for line in output.splitlines())


def first_difference(expected: str, actual: str) -> int:
    """The index of the first line of `expected` that the printed output does not match."""
    shown = expected.splitlines(keepends=True)
    return next((i for i in range(len(shown))
                 if not matches("".join(shown[: i + 1]) + WILDCARD * (i + 1 < len(shown)), actual)), len(shown))


def diff(expected: str, actual: str, first_line: int = 1, shown: str = "shown", printed: str = "printed") -> str:
    """A unified diff of the shown output against the printed one; the shown side's line numbers
    are those of the page when `first_line` is where the output starts."""
    lines = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True), shown, printed)
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    return re.sub(r"^@@ -(\d+)", lambda m: f"@@ -{int(m[1]) + first_line - 1}", text, flags=re.M)
