"""Read the site's Markdown pages the way MkDocs renders them and list their examples.

A page shows an example as a Python block that includes a snippet file, optionally followed
by `<!--pytest-codeblocks:expected-output-->` and a `text` block with the output:

    ```python title="snippets/tensors/cat_2d.py"
    --8<-- "snippets/tensors/cat_2d.py"
    ```

The includes are expanded by pymdown-extensions' own snippets preprocessor, configured from
mkdocs.yml (so what is tested is what is rendered); pytest-codeblocks then splits the text into
code blocks and attaches each expected output to its block.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"

PYTHON_LANGS = {"python", "py", "python3", "pycon", "ipython", "py3"}
OUTPUT_LANG = "text"
INCLUDE = re.compile(r'^-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
FENCE_INFO = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,})(?P<lang>[^\s`{]*)(?P<rest>.*)$")
TITLE = re.compile(r'title="(?P<title>[^"]*)"')


@dataclass(frozen=True)
class Fence:
    """A fenced block as written in the page source (before includes are expanded)."""

    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    title: str | None
    body: str
    expected_output: str | None  # the output block attached to it, if any

    @property
    def include(self) -> str | None:
        """The path of the snippet this block includes, when the block is one include."""
        lines = [ln for ln in self.body.splitlines() if ln.strip()]
        match = INCLUDE.match(lines[0].strip()) if len(lines) == 1 else None
        return match["path"] if match else None


@dataclass(frozen=True)
class Example:
    """A Python block of a page: the snippet it includes, its code and its shown output."""

    page: Path
    line: int
    snippet: Path
    code: str  # the block's code after include expansion: what the page renders
    expected_output: str | None

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(DOCS).as_posix()}:{self.line}:{self.snippet.stem}"


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


@functools.cache
def site_config():
    """mkdocs.yml, loaded as MkDocs loads it (once per process)."""
    return load_config(str(ROOT / "mkdocs.yml"))


@functools.cache
def snippets_config() -> dict:
    options = dict(site_config()["mdx_configs"]["pymdownx.snippets"])
    options["base_path"] = [str(ROOT / p) for p in options.get("base_path", ["."])]
    return options


def expand_includes(text: str) -> str:
    """Expand `--8<--` includes with the snippets preprocessor that MkDocs uses."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_config()},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


def _strip_fence_attributes(text: str) -> str:
    """pytest-codeblocks runs a block only when its info string is exactly `python`:
    drop the attributes (`title="..."`) and keep the language."""

    def strip(line: str) -> str:
        match = FENCE_INFO.match(line)
        return f"{match['indent']}{match['ticks']}{match['lang']}" if match else line

    return "\n".join(strip(line) for line in text.split("\n"))


def _blocks(text: str):
    return extract_from_buffer(io.StringIO(_strip_fence_attributes(text)))


def fences(page: Path) -> list[Fence]:
    """Every fenced block of the page source with its language, title and attached output."""
    text = page.read_text("utf-8")
    lines = text.split("\n")
    result = []
    for block in _blocks(text):
        info = FENCE_INFO.match(lines[block.lineno - 1])
        title = TITLE.search(info["rest"]) if info else None
        result.append(
            Fence(
                page=page,
                line=block.lineno,
                lang=block.syntax or "",
                title=title["title"] if title else None,
                body=block.code,
                expected_output=block.expected_output,
            )
        )
    return result


def examples(page: Path) -> list[Example]:
    """The Python blocks of a page, in order, with their expanded code and shown output."""
    sources = [f for f in fences(page) if f.lang in PYTHON_LANGS]
    rendered = [b for b in _blocks(expand_includes(page.read_text("utf-8"))) if b.syntax in PYTHON_LANGS]
    if len(sources) != len(rendered):
        raise AssertionError(
            f"{page}: {len(sources)} Python blocks in the source but {len(rendered)} after "
            "expanding includes; an included file must not contain a fenced block"
        )
    return [
        Example(
            page=page,
            line=source.line,
            snippet=ROOT / (source.include or f"<inline block at line {source.line}>"),
            code=block.code,
            expected_output=source.expected_output,
        )
        for source, block in zip(sources, rendered)
    ]


def all_examples() -> list[Example]:
    return [example for page in pages() for example in examples(page)]
