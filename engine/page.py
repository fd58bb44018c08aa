"""The page model: the one reading of a page that the site build, notebooks, tests, rules and rewriting share.

A page (Markdown for MkDocs) is prose and figures (`![说明](img/name.png)`) between:
- fenced blocks (```lang title="..."), found at any indentation and letter case (the rules reject the
  others); a Python block is one `--8<-- "snippets/..."` include, expanded as the site expands it;
- OUTPUT_MARKER, then a `text` block: the output shown for the Python block just before; a
  VOLATILE_MARKER before the output marker lets it be `...` throughout, for the reason given;
- admonitions (`!!! kind "标题"`, folded `???`) and content tabs (`=== "标题"`), with a body indented
  by 4 spaces that may hold blocks; an exercise's answer is a folded admonition titled ANSWER.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown

from engine import DOCS, ROOT, site

OUTPUT_MARKER = "<!--pytest-codeblocks:expected-output-->"
VOLATILE_MARKER = re.compile(r"^<!--\s*volatile-output:(?P<reason>.*?)-->$")
OUTPUT_LANG = "text"
ANSWER = "参考答案"
PYTHON_LANGS = {"python", "py", "python3", "pycon", "ipython", "py3"}  # run (written ```python)
SHOWN_LANGS = {"shell", "txt"}  # shown, never run: commands to type, a requirements file
FENCE = re.compile(r"^(?P<lead>[ \t]*)(?P<ticks>`{3,}|~{3,})(?P<lang>[^\s`{]*)(?P<rest>.*)$")
TITLE = re.compile(r'title="(?P<title>[^"]*)"')
INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
ADMONITION = re.compile(r'^(?P<mark>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<title>[^"]*)"\s*$')
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>img/[^)\s]+\.png)\)(?:\{[^}]*\})?")
INDENT = "    "


@dataclass
class Text:
    """Prose between blocks (includes expanded)."""

    text: str
    line: int


@dataclass
class Fence:
    """A fenced block. A Python block carries the output shown under it, if any."""

    line: int  # of the opening fence, 1-based, in the page
    end: int  # of the closing fence
    lang: str
    title: str | None
    body: str  # as written, includes not expanded
    code: str  # includes expanded: what the page renders
    indent: str = ""  # of the admonition or tab that holds it
    lead: int = 0  # spaces before the fence, beyond `indent` (a block in a list item)
    output: str | None = None
    output_line: int | None = None  # the output block's opening fence
    output_end: int | None = None  # and its closing fence
    output_lang: str | None = None
    volatile: str | None = None  # the reason given by VOLATILE_MARKER

    @property
    def is_python(self) -> bool:
        return self.lang.lower() in PYTHON_LANGS

    @property
    def include(self) -> str | None:
        """The path of the snippet file this block includes, when it is one include."""
        lines = [ln for ln in self.body.splitlines() if ln.strip()]
        match = INCLUDE.match(lines[0].strip()) if len(lines) == 1 else None
        return match["path"] if match else None


@dataclass
class Container:
    """An admonition (`kind` is its type) or a content tab (`kind` is "tab")."""

    kind: str
    title: str
    collapsed: bool
    line: int
    children: list


class IncludeExpander:
    """Expands `--8<--` lines with pymdown-extensions' snippets preprocessor and the site's options."""

    def __init__(self, options: dict):
        self._md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})

    def __call__(self, text: str) -> str:
        if "-8<-" not in text:
            return text
        self._md.reset()
        return "\n".join(self._md.preprocessors["snippet"].run(text.split("\n")))


@functools.cache
def site_expander() -> IncludeExpander:
    return IncludeExpander(site.snippet_options())


def parse(text: str, expand, first: int = 1, indent: str = "") -> tuple[list, list[tuple[int, str]]]:
    """The nodes of a Markdown text in order (Text, Fence, Container), and its stray markers.
    `first` is the page line of the text's first line, `indent` the text's indentation there."""
    lines = text.split("\n")
    nodes: list = []
    strays: list[tuple[int, str]] = []  # markers that belong to no block: (line, why)
    prose: list[str] = []
    prose_line = first
    awaiting: tuple[int, Fence] | None = None  # an output marker's line and the block it belongs to
    volatile: tuple[int, str] | None = None  # a volatile marker's line and reason

    def flush() -> None:
        if "".join(prose).strip():
            nodes.append(Text(expand("\n".join(prose)).strip("\n"), prose_line))
        prose.clear()

    i = 0
    while i < len(lines):
        line, number, stripped = lines[i], first + i, lines[i].strip()
        fence = FENCE.match(line)
        i += 1
        if awaiting and stripped and not fence:
            strays.append((awaiting[0], "an output marker must be followed by the output block"))
            awaiting = None
        if volatile and stripped and stripped != OUTPUT_MARKER and not (awaiting and fence):
            strays.append((volatile[0], "<!--volatile-output--> belongs between a Python block and the output marker"))
            volatile = None
        if stripped == OUTPUT_MARKER:
            last = next((n for n in reversed(nodes) if not isinstance(n, Text)), None)
            if isinstance(last, Fence) and last.is_python and last.output is None and not "".join(prose).strip():
                awaiting = (number, last)
            else:
                strays.append((number, "this output marker follows no Python block: put it right after one"))
        elif match := VOLATILE_MARKER.match(stripped):
            volatile = (number, match["reason"].strip())
        elif fence:
            ticks, lead = fence["ticks"], len(fence["lead"])
            end = next((j for j in range(i, len(lines)) if re.fullmatch(rf"\s*{ticks}{ticks[0]}*\s*", lines[j])), 0)
            if not end:
                raise ValueError(f"line {number}: the code fence {ticks} opened here is never closed: "
                                 f"close it with {ticks}")
            body = "\n".join(row[lead:] if not row[:lead].strip() else row.lstrip() for row in lines[i:end])
            title = TITLE.search(fence["rest"])
            if awaiting:
                target = awaiting[1]
                target.output = body + "\n" if body else ""
                target.output_line, target.output_end, target.output_lang = number, first + end, fence["lang"]
                target.volatile = volatile[1] if volatile else None
                awaiting = volatile = None
                prose.clear()  # only blank lines lie between
            else:
                flush()
                nodes.append(Fence(number, first + end, fence["lang"], title["title"] if title else None,
                                   body, expand(body), indent, lead))
            prose_line, i = first + end + 1, end + 1
        elif (admonition := ADMONITION.match(line)) or (tab := TAB.match(line)):
            flush()
            end = i  # the body: the lines indented by 4 spaces or blank, but not those it ends with
            while end < len(lines) and (not lines[end].strip() or lines[end].startswith(INDENT)):
                end += 1
            while not lines[end - 1].strip():
                end -= 1
            body = [row[len(INDENT):] for row in lines[i:end]]
            children, inner = parse("\n".join(body), expand, number + 1, indent + INDENT)
            kind, title = (admonition["kind"], admonition["title"]) if admonition else ("tab", tab["title"])
            nodes.append(Container(kind, kind.capitalize() if title is None else title,
                                   bool(admonition) and admonition["mark"] == "???", number, children))
            strays += inner
            prose_line, i = first + end, end
        else:
            if not prose:
                prose_line = number
            prose.append(line)
    strays += [(marker[0], "this marker is not followed by an output block: add the ```text block")
               for marker in (awaiting, volatile) if marker]
    flush()
    return nodes, strays


def walk(nodes: list, kind: type):
    """Every node of a type in a tree, in page order."""
    for node in nodes:
        if isinstance(node, kind):
            yield node
        if isinstance(node, Container):
            yield from walk(node.children, kind)


@dataclass
class Page:
    path: Path
    text: str
    nodes: list
    strays: list[tuple[int, str]]

    @property
    def name(self) -> str:
        """The page as the site knows it: `tensors.md`."""
        return self.path.relative_to(DOCS).as_posix() if self.path.is_relative_to(DOCS) else self.path.name

    @property
    def fences(self) -> list[Fence]:
        return list(walk(self.nodes, Fence))

    @property
    def examples(self) -> list[Fence]:
        return [fence for fence in self.fences if fence.is_python]

    @property
    def figures(self) -> list[str]:
        """The figures the page shows (`img/name.png`), in order."""
        return [m["src"] for text in walk(self.nodes, Text) for m in IMAGE.finditer(text.text)]

    def where(self, line: int) -> str:
        """`docs/tensors.md:12`, for messages."""
        return f"{self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path}:{line}"


def read(path: Path, expand=None) -> Page:
    text = path.read_text("utf-8")
    return Page(path, text, *parse(text, expand or site_expander()))
