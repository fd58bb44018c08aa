"""The Chinese copywriting conventions (CONTRIBUTING.md), checked by autocorrect (huacnlee/autocorrect,
pinned in uv.lock) with the rules of .autocorrectrc; and the terms the site's search cuts apart.

    python -m tools.copywriting          list what autocorrect finds as file:line, and the terms; exit 1 if any
    python -m tools.copywriting --fix    correct what autocorrect finds, in place (then review `git diff`)

Checked: the pages (docs/*.md); chapter 5's docs/lenet-cifar10.py, its Markdown cells as Markdown and
its code as Python; the snippets (what they print, and their comments). Quotations of the original
tutorial keep its typography: the quotations “…” in the errata page's tables are left out.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

import autocorrect_py
import jieba

from engine import DOCS, ROOT, SNIPPETS

CONFIG = ROOT / ".autocorrectrc"
ERRATA = DOCS / "errata.md"
QUOTATION = re.compile(r"“[^”]*”")
MASK = "“原文”"
CELL = re.compile(r"^# %%(?P<markdown> \[markdown\])?")
HAN = "[\u4e00-\u9fff]{2,}"
TERM = re.compile(rf"^#{{1,6}} +(?:\S+[.、）] *)?({HAN})$|\*\*({HAN})\*\*", re.M)  # a heading or bold, all Chinese
# Characters that make a heading or bold text a phrase, not a term, where jieba cuts them off alone
PHRASE = set("的与和是在把将为对用不都了也能会而再说每时上从被让就还或及并之其这那沿新")


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


def autocorrect(fix: bool = False) -> list[str]:
    autocorrect_py.load_config(CONFIG.read_text("utf-8"))
    return [line for path in files() for line in findings(path, fix)]


def terms_cut_apart() -> list[str]:
    """Terms that a page sets as a heading or in bold and that the search cuts into a word and a lone
    character (装饰|器), as Material's search plugin cuts the pages: jieba with search_terms.txt."""
    jieba.setLogLevel(logging.WARNING)
    jieba.load_userdict(str(ROOT / "search_terms.txt"))
    notebook = json.loads((DOCS / "lenet-cifar10.ipynb").read_text("utf-8"))
    pages = {path.name: path.read_text("utf-8") for path in DOCS.glob("*.md")}
    cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "markdown"]
    pages["lenet-cifar10.ipynb"] = "\n".join("".join(cell["source"]) for cell in cells)
    cut = []
    for page, text in sorted(pages.items()):
        text = re.sub(r"^ *(`{3,}|~{3,}).*?^ *\1", "", text, flags=re.M | re.S)  # not in code blocks
        for term in map("".join, TERM.findall(text)):
            words = list(jieba.cut(term))
            if not PHRASE & set(words) and min(map(len, words)) == 1:
                cut.append(f"{term} ({page}: {'|'.join(words)})")
    return cut


def main(argv=None) -> int:
    fix = "--fix" in (sys.argv[1:] if argv is None else argv)
    found, cut = autocorrect(fix), terms_cut_apart()
    print("\n".join(found) or "autocorrect: nothing found")
    print("terms the search cuts apart (add them to search_terms.txt):", ", ".join(cut) or "none")
    return 1 if (found and not fix) or cut else 0


if __name__ == "__main__":
    sys.exit(main())
