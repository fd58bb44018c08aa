"""Numbers in the prose that restate an output, checked against that output.

A number that repeats what a snippet printed is marked right after it with the snippet's path:

    训练后 $w \\approx 2.03$<!--from-output: snippets/models/linear_regression.py-->，……

The last number before the marker, on the same line, must appear in the output shown on that
page for that snippet: literally, or as a printed number rounded to as many decimals
(2.0283 -> 2.03). When the snippet's output changes, the prose cannot silently go stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.harness.pages import PYTHON_LANGS, fences

MARKER = re.compile(r"<!--\s*from-output:\s*(?P<snippet>\S*?)\s*-->")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-−]?\d+(?:\.\d+)?")  # not the 1 of x1, nor the 03 of 2.03
PRINTED_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _decimals(number: str) -> int:
    return len(number.partition(".")[2])


def restates(number: str, output: str) -> bool:
    """Whether `number` is a number of `output`, literally or rounded to its decimals."""
    number = number.replace("−", "-")
    places = _decimals(number)
    for printed in PRINTED_NUMBER.findall(output):
        if printed == number or f"{float(printed):.{places}f}" == number:
            return True
    return False


def restated_number_problems(page: Path) -> list[str]:
    """Every marked number that the output of its snippet on this page no longer shows."""
    outputs: dict[str, list[str]] = {}
    for fence in fences(page):
        if fence.lang in PYTHON_LANGS and fence.include and fence.expected_output is not None:
            outputs.setdefault(fence.include, []).append(fence.expected_output)
    problems = []
    for n, line in enumerate(page.read_text("utf-8").split("\n"), 1):
        for marker in MARKER.finditer(line):
            where, snippet = f"{page.name}:{n}", marker["snippet"]
            numbers = NUMBER.findall(MARKER.sub("", line[: marker.start()]))
            if snippet not in outputs:
                problems.append(f"{where}: {snippet or '(no path)'} has no output shown on this page")
            elif not numbers:
                problems.append(f"{where}: no number before <!--from-output: {snippet}-->")
            elif not any(restates(numbers[-1], output) for output in outputs[snippet]):
                problems.append(
                    f"{where}: the prose says {numbers[-1]}, but the output of {snippet} shown on this "
                    "page has no such number (literally or rounded to as many decimals)"
                )
    return problems
