"""New outputs written into the pages (`pytest --update-outputs`): the tests collect each example whose
shown output differs from what it printed, or that shows none, and `write` rewrites each page once at the
end of the run, keeping the example's indentation (an answer in `??? success` is indented by 4 spaces)."""

from __future__ import annotations

from pathlib import Path

from engine import page as pages
from engine.page import OUTPUT_LANG, OUTPUT_MARKER

REWRITE = "rewrite"  # the user property an example's test sets: (page, fence line, printed output)
REDRAWN = "redrawn"  # and for each figure it redrew: what it did


def write(rewrites: list[tuple[str, int, str]]) -> list[str]:
    """Apply `(page path, fence line, printed output)` rewrites, each page written once; what was done, a line each."""
    by_page: dict[str, dict[int, str]] = {}
    for path, line, output in rewrites:
        by_page.setdefault(path, {})[line] = output
    done = []
    for path, outputs in sorted(by_page.items()):
        page = pages.read(Path(path))
        lines, examples = page.text.split("\n"), {fence.line: fence for fence in page.examples}
        for line in sorted(outputs, reverse=True):  # from the bottom up: earlier line numbers hold
            fence, body = examples[line], outputs[line].removesuffix("\n").split("\n") if outputs[line] else []
            body = [fence.indent + row if row else row for row in body]
            if fence.output_line is not None:
                lines[fence.output_line : fence.output_end - 1] = body
            else:
                opening = [fence.indent + OUTPUT_MARKER, "", fence.indent + f'```{OUTPUT_LANG} title="输出"']
                lines[fence.end : fence.end] = ["", *opening, *body, fence.indent + "```"]
        page.path.write_text("\n".join(lines), "utf-8")
        done += [f"{page.where(line)}: rewrote the output" for line in sorted(outputs)]
    return done
