"""The Chinese copywriting conventions (CONTRIBUTING.md), checked by autocorrect (huacnlee/autocorrect,
pinned in uv.lock) with the rules of .autocorrectrc:

    python -m tools.copywriting          list what it finds as file:line, exit 1 if anything
    python -m tools.copywriting --fix    correct it in place (then review `git diff`)

Checked: the pages (docs/*.md); chapter 5's docs/lenet-cifar10.py, its Markdown cells as Markdown and
its code as Python; the snippets (what they print, and their comments). Quotations of the original
tutorial keep its typography: the quotations “…” in the errata page's tables are left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import autocorrect_py

from engine import DOCS, ROOT, SNIPPETS

CONFIG = ROOT / ".autocorrectrc"
ERRATA = DOCS / "errata.md"
QUOTATION = re.compile(r"“[^”]*”")
MASK = "“原文”"
CELL = re.compile(r"^# %%(?P<markdown> \[markdown\])?")


def files() -> list[Path]:
    return [*sorted(DOCS.glob("*.md")), *sorted(DOCS.glob("*.py")), *sorted(SNIPPETS.rglob("*.py"))]


def _views(path: Path, lines: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """(file type, lines to lint, prefixes removed) with the file's line numbers: a jupytext page is
    two views, its Markdown cells (without `# `) and its code; the other lines of a view are blank."""
    if path.suffix == ".md":
        return [("md", lines, [""] * len(lines))]
    if path.parent != DOCS:
        return [("py", lines, [""] * len(lines))]
    markdown, kind = [], None
    for line in lines:
        kind = (CELL.match(line)["markdown"] is not None) if CELL.match(line) else kind
        markdown.append(bool(kind) and not CELL.match(line))
    prefixes = [re.match(r"# ?", line)[0] if md and line.startswith("#") else "" for line, md in zip(lines, markdown)]
    return [("md", [line[len(p):] if md else "" for line, md, p in zip(lines, markdown, prefixes)], prefixes),
            ("py", [line if not md else "" for line, md in zip(lines, markdown)], [""] * len(lines))]


def _masked(path: Path, line: str) -> tuple[str, list[str]]:
    """The line with the original's quotations (errata tables) replaced by MASK, and those quotations."""
    if path != ERRATA or not line.startswith("|"):
        return line, []
    return QUOTATION.sub(MASK, line), QUOTATION.findall(line)


def _restore(text: str, quotations: list[str]) -> str:
    for quotation in quotations:
        text = text.replace(MASK, quotation, 1)
    return text


def findings(path: Path, fix: bool = False) -> list[str]:
    """"file:line: old → new" for each finding; with fix, the file is rewritten with the corrections."""
    lines = path.read_text("utf-8").split("\n")
    found = []
    for kind, view, prefixes in _views(path, lines):
        masked = [_masked(path, line) for line in view]
        result = autocorrect_py.lint_for("\n".join(text for text, _ in masked), kind)
        fixed = {}
        for item in result.lines:
            number = item.line - 1
            before = masked[number][0][:max(masked[number][0].find(item.old), 0)].count(MASK)
            old, new = (_restore(t.strip(), masked[number][1][before:]) for t in (item.old, item.new))
            found.append(f"{path.relative_to(ROOT)}:{item.line}: {old} → {new}")
            text = fixed.get(number, masked[number][0])
            if item.old in text:
                fixed[number] = text.replace(item.old, item.new, 1)
        for number, text in fixed.items():
            lines[number] = prefixes[number] + _restore(text, masked[number][1])
    if fix and found:
        path.write_text("\n".join(lines), "utf-8")
    return found


def main(argv=None) -> int:
    fix = "--fix" in (sys.argv[1:] if argv is None else argv)
    autocorrect_py.load_config(CONFIG.read_text("utf-8"))
    found = [line for path in files() for line in findings(path, fix)]
    print("\n".join(found) or "autocorrect: nothing found")
    return 1 if found and not fix else 0


if __name__ == "__main__":
    sys.exit(main())
