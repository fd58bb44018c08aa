"""Line breaks between two Chinese characters, which a browser shows as a space.

    python -m tools.join_cjk_lines FILE…            join them in Markdown files, in place (outside
                                                    fenced blocks): for README.md and CONTRIBUTING.md,
                                                    which GitHub renders without the site's build step
    python -m tools.join_cjk_lines --check PATH…    list them (file:line) in Markdown files, notebooks'
                                                    Markdown cells and HTML pages, and how many each has;
                                                    a built site's folder: its pages (the line named is the
                                                    page source's) and notebooks. Exit 1 if any

The site's build, the notebooks and the zip join them with the same function, engine.wide.join_wide_lines;
the tests use the checks below on the built site (tests/test_site.py) and on README/CONTRIBUTING.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString

from engine import DOCS, ROOT
from engine.site import nav_pages
from engine.wide import WIDE, join_wide_lines

STRAY = re.compile(rf"(?P<before>\S{{0,12}}{WIDE})[ \t]*\n\s*(?P<after>{WIDE}\S{{0,6}})")
# Blocks: a break between two of them is no space. Skipped: code, maths, scripts (shown as written).
BLOCKS = {"p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
          "tr", "td", "th", "blockquote", "div", "details", "summary", "figure", "figcaption", "section", "article",
          "header", "footer", "nav", "br", "hr", "img"}
SKIPPED = {"pre", "code", "script", "style", "svg", "math", "kbd"}


def stray_lines(markdown: str) -> list[int]:
    """Line numbers (1-based) of the lines whose break to the next line is a stray one."""
    lines, stray = markdown.split("\n"), []
    for number in range(1, len(lines)):
        before = join_wide_lines("\n".join(lines[:number])).count("\n")
        if join_wide_lines("\n".join(lines[: number + 1])).count("\n") == before:
            stray.append(number)
    return stray


def _flat(element) -> str:
    """The text of an element as one line of a block: nested blocks become a boundary (NUL), code
    and maths a backtick (a break next to them is a space either way)."""
    parts = []
    for child in element.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif child.name in SKIPPED or {"arithmatex", "katex"} & set(child.get("class") or []):
            parts.append("`")
        else:
            parts.append("\0" if child.name in BLOCKS else _flat(child))
    return "".join(parts)


def stray_breaks_html(html: str) -> list[tuple[int, str]]:
    """(line of the block in the HTML, "…before⏎after…") for each break between two wide characters
    inside one block of the page's content, outside code and maths."""
    soup = BeautifulSoup(html, "html.parser")
    content = soup.select_one("article") or soup
    found = []
    for block in [content, *content.find_all(BLOCKS)]:
        if block.find_parent(SKIPPED):
            continue
        found += [(block.sourceline or 0, f"…{m['before']}⏎{m['after']}…") for m in STRAY.finditer(_flat(block))]
    return found


def source_line(source: str, excerpt: str) -> int | None:
    """The line of a page's source that a stray break found in its HTML follows, where it can be told."""
    before, after = (part.strip("…").split("`")[i] for part, i in zip(excerpt.split("⏎"), (-1, 0)))
    lines = [re.sub(r"[*_`]|^[#\s>]*|\s+$", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
             for line in source.split("\n")]
    return next((n for n, (line, following) in enumerate(zip(lines, lines[1:]), 1)
                 if line.endswith(before[-3:]) and following.startswith(after[:2])), None)


def notebook_stray_lines(notebook: str) -> list[str]:
    """"cell N, line M" for each stray break in a notebook's Markdown cells."""
    cells = json.loads(notebook)["cells"]
    return [f"cell {n}, line {line}" for n, cell in enumerate(cells, 1) if cell["cell_type"] == "markdown"
            for line in stray_lines("".join(cell["source"]))]


def site_stray_breaks(site: Path) -> list[str]:
    """"source:line …before⏎after…" for the pages of a built site, "notebook, cell N, line M" for its notebooks."""
    found = []
    for page in nav_pages():
        source = DOCS / page.replace(".ipynb", ".py")  # chapter 5's source: its jupytext twin
        html = site / ("" if page == "index.md" else Path(page).stem) / "index.html"
        found += [f"{source.relative_to(ROOT)}:{source_line(source.read_text('utf-8'), excerpt) or '?'} {excerpt}"
                  for _, excerpt in stray_breaks_html(html.read_text("utf-8"))]
    for notebook in sorted(site.glob("**/*.ipynb")):
        lines = notebook_stray_lines(notebook.read_text("utf-8"))
        found += [f"{notebook.relative_to(site)}, {where}" for where in lines]
    return found


def check(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    if path.suffix == ".ipynb":
        return notebook_stray_lines(text)
    if path.suffix == ".html":
        return [f"line {line} {excerpt}" for line, excerpt in stray_breaks_html(text)]
    return [f"line {line}" for line in stray_lines(text)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list the stray breaks, change nothing")
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    total = 0
    for path in args.paths:
        if args.check and path.is_dir():
            found = site_stray_breaks(path)
            total += len(found)
            print(*found, f"{path}: {len(found)} stray line breaks", sep="\n")
        for file in [] if path.is_dir() else [path]:
            if args.check:
                found = check(file)
                total += len(found)
                print(f"{file}: {len(found)}", *(f"  {where}" for where in found), sep="\n")
            else:
                text = file.read_text("utf-8")
                if (joined := join_wide_lines(text)) != text:
                    file.write_text(joined, "utf-8")
                    print(f"{file}: {text.count(chr(10)) - joined.count(chr(10))} line breaks joined")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
