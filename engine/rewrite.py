"""New outputs written into the pages (`pytest --update-outputs`): the tests collect each example whose
shown output differs from what it printed, or that shows none, and `write` rewrites each page once at the
end of the run, keeping the example's indentation (an answer in `??? success` is indented by 4 spaces)."""

from __future__ import annotations

from pathlib import Path

from engine import ROOT
from engine import page as pages
from engine.page import OUTPUT_LANG, OUTPUT_MARKER

REWRITE = "rewrite"  # the user property an example's test sets: (page, fence line, printed output)
REDRAWN = "redrawn"  # and for each figure it redrew: what it did


def with_outputs(text: str, outputs: dict[int, str], path: Path) -> str:
    """The page text with the output of the example at each line (`{fence line: output}`) set."""
    lines = text.split("\n")
    examples = {fence.line: fence for fence in pages.read(path, text).examples}
    for line in sorted(outputs, reverse=True):  # from the bottom up: earlier line numbers hold
        fence, body = examples[line], outputs[line].removesuffix("\n").split("\n") if outputs[line] else []
        body = [fence.indent + row if row else row for row in body]
        if fence.output_line is not None:
            lines[fence.output_line : fence.output_end - 1] = body
        else:
            opening = fence.indent + f'```{OUTPUT_LANG} title="输出"'
            lines[fence.end : fence.end] = ["", fence.indent + OUTPUT_MARKER, "", opening, *body, fence.indent + "```"]
    return "\n".join(lines)


def write(rewrites: list[tuple[str, int, str]]) -> list[str]:
    """Apply `(page path, fence line, printed output)` rewrites, each page written once;
    returns what was done, one line each."""
    by_page: dict[str, dict[int, str]] = {}
    for path, line, output in rewrites:
        by_page.setdefault(path, {})[line] = output
    done = []
    for path, outputs in sorted(by_page.items()):
        page = Path(path)
        page.write_text(with_outputs(page.read_text("utf-8"), outputs, page), "utf-8")
        shown = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
        done += [f"{shown}:{line}: rewrote the output" for line in sorted(outputs)]
    return done
