"""Re-run every example from the repository root and bring the pages up to date.

    python -m tests.harness.refresh [docs/PAGE.md ...]

- Each snippet runs as a script from the repository root, so the figures in img/ and the
  checkpoints in model/ are rewritten by the code that draws them.
- An output block that no longer matches what its snippet prints is replaced by the printed
  output; a Python block without one gets one. Review the diff afterwards (`git diff docs/`)
  and write `...` again where a value is volatile.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.harness.outputs import matches
from tests.harness.pages import ROOT, examples, pages
from tests.harness.running import run_script

MARKER = "<!--pytest-codeblocks:expected-output-->"


def _closing_fence(lines: list[str], opening: int) -> int:
    ticks = lines[opening].lstrip()
    ticks = ticks[: len(ticks) - len(ticks.lstrip("`"))]
    return next(i for i in range(opening + 1, len(lines)) if lines[i].strip() == ticks)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def set_output(lines: list[str], fence_line: int, output: str) -> list[str]:
    """Return the page lines with the output block of the block at `fence_line` (1-based)
    replaced by `output`, or added after the block when it has none."""
    end = _closing_fence(lines, fence_line - 1)
    body = output.removesuffix("\n").split("\n") if output else []
    marker = _next_nonblank(lines, end + 1)
    if marker is not None and lines[marker].strip() == MARKER:
        opening = _next_nonblank(lines, marker + 1)
        closing = _closing_fence(lines, opening)
        return lines[: opening + 1] + body + lines[closing:]
    block = ["", MARKER, "", '```text title="输出"', *body, "```"]
    return lines[: end + 1] + block + lines[end + 1 :]


def refresh(page: Path) -> list[str]:
    lines = page.read_text("utf-8").split("\n")
    changed = []
    for example in reversed(examples(page)):
        result = run_script(example.snippet, cwd=ROOT)
        if result.returncode != 0 or result.stderr:
            print(f"{example.id}: stderr\n{result.stderr}", file=sys.stderr)
        if result.returncode != 0:
            continue
        if example.expected_output is None or not matches(example.expected_output, result.stdout):
            lines = set_output(lines, example.line, result.stdout)
            changed.append(example.id)
    if changed:
        page.write_text("\n".join(lines), "utf-8")
    return changed


def main(argv: list[str]) -> int:
    targets = [Path(arg).resolve() for arg in argv] or pages()
    for page in targets:
        for example_id in refresh(page):
            print(f"updated {example_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
