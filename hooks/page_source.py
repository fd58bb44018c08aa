"""Read a page's Markdown source as a tree of blocks, with its `--8<--` includes expanded.

Needs only what the site build needs (Markdown, pymdown-extensions): the build hook and the
tests both import it. The page conventions (CONTRIBUTING.md) it relies on:

- a Python block is one `--8<--` include of a snippet file, titled with the file's path;
- `<!--pytest-codeblocks:expected-output-->` followed by a `text` block gives the output of
  the Python block before it;
- admonitions (`!!! type "标题"`, collapsed `??? type "标题"`) and content tabs
  (`=== "标题"`) hold a body indented by 4 spaces, which may itself hold blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import markdown

PYTHON_LANGS = {"python", "py", "python3", "pycon", "ipython", "py3"}
OUTPUT_MARKER = re.compile(r"^<!--[-\s]*pytest-codeblocks:expected-output[-\s]*-->$")
FENCE = re.compile(r"^(?P<ticks>`{3,}|~{3,})(?P<lang>[^\s`{]*)(?P<rest>.*)$")
TITLE = re.compile(r'title="(?P<title>[^"]*)"')
INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
ADMONITION = re.compile(r'^(?P<mark>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
TAB = re.compile(r'^===\+?\s+"(?P<title>[^"]*)"\s*$')
INDENT = "    "


@dataclass
class Text:
    """Markdown text between blocks."""

    text: str


@dataclass
class Fence:
    """A fenced code block; `output` is the shown output when it is a Python block."""

    lang: str
    title: str | None
    body: str  # as written in the page, includes not expanded
    code: str  # includes expanded: what the page renders
    output: str | None = None

    @property
    def is_python(self) -> bool:
        return self.lang in PYTHON_LANGS

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
    children: list = field(default_factory=list)


class IncludeExpander:
    """Expands `--8<--` lines with pymdown-extensions' snippets preprocessor, configured as
    in mkdocs.yml (`mdx_configs["pymdownx.snippets"]`), so the code is what the page renders."""

    def __init__(self, options: dict):
        self._md = markdown.Markdown(
            extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
        )

    def __call__(self, text: str) -> str:
        if "--8<--" not in text and "-8<-" not in text:
            return text
        self._md.reset()
        return "\n".join(self._md.preprocessors["snippet"].run(text.split("\n")))


def _indented_body(lines: list[str], start: int) -> tuple[list[str], int]:
    """The lines from `start` that are blank or indented by 4 spaces, dedented; and where they end."""
    end = start
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith(INDENT)):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return [line[len(INDENT):] for line in lines[start:end]], end


def _closing_fence(lines: list[str], start: int, ticks: str) -> int:
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if stripped.startswith(ticks[0] * len(ticks)) and not stripped.strip(ticks[0]):
            return i
    raise ValueError(f"unclosed code fence {ticks}")


def parse(text: str, expand: IncludeExpander) -> list:
    """The blocks of a Markdown text, in order: Text, Fence and Container nodes."""
    lines = text.split("\n")
    nodes: list = []
    prose: list[str] = []
    awaiting_output = False

    def flush() -> None:
        if any(line.strip() for line in prose):
            nodes.append(Text(expand("\n".join(prose)).strip("\n")))
        prose.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence, admonition, tab = FENCE.match(line), ADMONITION.match(line), TAB.match(line)
        if OUTPUT_MARKER.match(line.strip()):
            awaiting_output = True
            i += 1
        elif fence:
            end = _closing_fence(lines, i + 1, fence["ticks"])
            body = "\n".join(lines[i + 1 : end])
            title = TITLE.search(fence["rest"])
            block = Fence(fence["lang"], title["title"] if title else None, body, expand(body))
            previous = next((n for n in reversed(nodes) if isinstance(n, Fence)), None)
            if awaiting_output and previous is not None and previous.is_python:
                flush()  # only blank lines lie between the marker and the output
                previous.output = body + "\n" if body else ""
            else:
                flush()
                nodes.append(block)
            awaiting_output = False
            i = end + 1
        elif admonition or tab:
            flush()
            body, end = _indented_body(lines, i + 1)
            if admonition:
                kind, title = admonition["kind"], admonition["title"]
                container = Container(kind, kind.capitalize() if title is None else title,
                                      admonition["mark"] == "???")
            else:
                container = Container("tab", tab["title"], False)
            container.children = parse("\n".join(body), expand)
            nodes.append(container)
            i = end
        else:
            prose.append(line)
            i += 1
    flush()
    return nodes


def walk_fences(nodes: list):
    """Every Fence of a tree, in page order."""
    for node in nodes:
        if isinstance(node, Fence):
            yield node
        elif isinstance(node, Container):
            yield from walk_fences(node.children)


def python_blocks(nodes: list) -> list[Fence]:
    return [fence for fence in walk_fences(nodes) if fence.is_python]
