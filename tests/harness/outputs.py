"""Compare an output shown on a page with what the code printed.

Everything is compared character for character, except `...`, the only wildcard:
- `...` inside a line matches any characters of that line (an address, a timing);
- a line that is exactly `...` matches any number of whole lines (uninitialized memory).
"""

from __future__ import annotations

import difflib
import re

WILDCARD = "..."


def _pattern(expected: str) -> re.Pattern:
    parts = []
    for line in expected.splitlines(keepends=True):
        text, newline = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if text == WILDCARD:
            parts.append(r"(?:[^\n]*\n)*?" if newline else r"(?:[^\n]*\n?)*?")
        else:
            parts.append(r"[^\n]*?".join(re.escape(piece) for piece in text.split(WILDCARD)) + newline)
    return re.compile("".join(parts))


def matches(expected: str, actual: str) -> bool:
    return _pattern(expected).fullmatch(actual) is not None


def diff(expected: str, actual: str, shown_at: str, printed_by: str) -> str:
    """A unified diff of the shown output against the printed one, for a failure message."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"shown on the page ({shown_at})",
        tofile=f"printed by {printed_by}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def assert_output(expected: str, actual: str, shown_at: str, printed_by: str) -> None:
    if not matches(expected, actual):
        raise AssertionError(
            "the output shown on the page differs from what the code prints "
            "(`...` is the only wildcard):\n" + diff(expected, actual, shown_at, printed_by)
        )
