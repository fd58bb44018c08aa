"""The page conventions (CONTRIBUTING.md) that keep every block run and every output checked:
`problems(page)` lists every breach as `docs/page.md:line: what to do`. What an example's own run
reports (a missing output, an output of `...` only) is left to it."""

from __future__ import annotations

import re

from engine.outputs import has_literal_line
from engine.page import ANSWER, OUTPUT_LANG, OUTPUT_MARKER, SHOWN_LANGS, Container, Fence, Page, walk

# An address written out (`at 0x7f3a2c1d5e80`): the next run prints another one.
LITERAL_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
# A number in the prose that restates an output: `w ≈ 2.03<!--from-output: snippets/x.py-->`
FROM_OUTPUT = re.compile(r"<!--\s*from-output:\s*(?P<snippet>\S*?)\s*-->")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-−]?\d+(?:\.\d+)?")  # not the 1 of x1, nor the 03 of 2.03
PRINTED_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def problems(page: Page) -> list[str]:
    found = [*page.strays, *(problem for fence in page.fences for problem in _fence_problems(fence)),
             *_answer_problems(page), *_restated_number_problems(page)]
    return [f"{page.where(line)}: {what}" for line, what in found]


def _fence_problems(fence: Fence):
    if fence.lead:
        yield fence.line, (f"this block is indented by {fence.lead} spaces (in a list item?), which the site does not "
                           f"support: start its fence at the margin{' of its admonition' if fence.indent else ''}")
    if not fence.is_python:
        if fence.lang == OUTPUT_LANG:
            yield fence.line, f"this `text` block is not preceded by {OUTPUT_MARKER}, so nothing checks it"
        elif fence.lang not in SHOWN_LANGS:
            yield fence.line, (f"```{fence.lang} is none of the languages the tests know: write ```python (run and "
                               f"checked), ```text (an output) or one of {sorted(SHOWN_LANGS)} (shown, not run)")
        return
    if fence.lang != "python":
        yield fence.line, f"write ```python, not ```{fence.lang}"
    if not fence.include:
        yield fence.line, "a Python block must be one `--8<--` include: move its code into a file under snippets/"
        return
    if fence.title != fence.include:
        yield fence.line, f'title the block title="{fence.include}"'
    if not fence.include.startswith("snippets/") or ":" in fence.include:  # a missing file: the page is unreadable
        yield fence.line, "include a whole file under snippets/"
    if fence.output is None:
        return
    if fence.output_lang != OUTPUT_LANG:
        yield fence.output_line, f"write the output as a ```{OUTPUT_LANG} block"
    if fence.volatile is not None and not fence.volatile:
        yield fence.output_line, "say why the whole output is volatile: <!--volatile-output: why-->"
    if fence.volatile and has_literal_line(fence.output):
        yield fence.output_line, "the output has literal lines: drop <!--volatile-output-->"
    for address in LITERAL_ADDRESS.findall(fence.output):
        yield fence.output_line, f"the output shows the address {address}, which changes every run: write 0x..."


def _answer_problems(page: Page):
    """An exercise's answer is a folded admonition holding a snippet and its shown output."""
    for answer in (c for c in walk(page.nodes, Container) if c.title == ANSWER):
        if not answer.collapsed:
            yield answer.line, "write the answer as a folded `???` block"
        if not any(f.include and f.output is not None for f in walk(answer.children, Fence)):
            yield answer.line, ("an answer without a snippet and its shown output is checked by nothing: "
                                "include its snippet and output")


def restates(number: str, output: str) -> bool:
    """Whether `number` is a number of `output`, literally or rounded to as many decimals."""
    number = number.replace("−", "-")
    places = len(number.partition(".")[2])
    return any(printed == number or f"{float(printed):.{places}f}" == number
               for printed in PRINTED_NUMBER.findall(output))


def _restated_number_problems(page: Page):
    """The last number before a from-output marker must be one the snippet's shown output has."""
    outputs: dict[str, list[str]] = {}
    for fence in page.examples:
        if fence.include and fence.output is not None:
            outputs.setdefault(fence.include, []).append(fence.output)
    for n, line in enumerate(page.text.split("\n"), 1):
        for marker in FROM_OUTPUT.finditer(line):
            snippet, numbers = marker["snippet"], NUMBER.findall(FROM_OUTPUT.sub("", line[: marker.start()]))
            if snippet not in outputs:
                yield n, f"{snippet or '(no path)'} has no output shown on this page: name one that has"
            elif not numbers:
                yield n, f"no number before <!--from-output: {snippet}-->: put it right after the number"
            elif not any(restates(numbers[-1], output) for output in outputs[snippet]):
                yield n, (f"the prose says {numbers[-1]}, but the output of {snippet} shown on this page has no such "
                          "number (literally or rounded alike): write the number it shows")

