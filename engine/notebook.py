"""A page as a Jupyter notebook (nbformat 4) that reads like the page.

- Text becomes Markdown cells; each Python block a code cell holding the snippet's code, with the output
  shown on the page as its stdout. A figure shown right after a block (nothing but figures between) whose
  code names that file becomes an image output of that cell; other figures become attachments.
- Admonitions become blockquotes with a bold title (a Python block inside one, an exercise's answer, is
  still a code cell); content tabs become a bold title followed by their content.
- Markdown that only MkDocs understands is rewritten: attribute lists (`{ #id }`) become HTML anchors,
  links to other pages point to their notebooks (or, without one, to the site).
"""

from __future__ import annotations

import base64
import functools
import re
from pathlib import Path, PurePosixPath

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from engine import ROOT, site
from engine.page import IMAGE, Container, Fence, IncludeExpander, Text, parse, site_expander, walk
from engine.wide import join_wide_lines

LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]+)\)")
COMMENT = re.compile(r"<!--.*?-->", re.S)
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)  # `*[CPU]: 中央处理器` (abbr extension)
HEADING_ID = re.compile(r"^(?P<heading>#{1,6} .*?)[ \t]*\{[ \t]*#(?P<id>[\w-]+)[^}\n]*\}[ \t]*$", re.M)
# attribute lists after an inline element, at the end of a line, or alone on a line (not maths' braces)
ATTR_LIST = re.compile(r"(?<=[)\]`*])\{:?[ \t]*(?:[#.]|[\w-]+=)[^}\n]*\}|[ \t]+\{:?[ \t]*[#.][^}\n]*\}[ \t]*$"
                       r"|^[ \t]*\{:[^}\n]*\}[ \t]*$", re.M)

METADATA = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"}}


def notebook_name(page: str) -> str:
    """`tensors.md` -> `tensors.ipynb`: the notebook of a page, as named in the site and the zip."""
    return PurePosixPath(page).with_suffix(".ipynb").name


class NotebookWriter:
    """Builds the notebooks of a site's pages. `root`: the folder of img/; `notebooks`: {page: notebook
    file name} for the pages that have one (links between pages become links between the notebooks,
    which lie side by side when downloaded); `pages`: every page of the site; `site_url`: where a link
    to another page goes when it has no notebook (None: it becomes plain text)."""

    def __init__(self, root: Path, notebooks: dict[str, str], pages: set[str], site_url: str | None):
        self.root, self.notebooks, self.pages = root, notebooks, pages
        self.site_url = site_url.rstrip("/") + "/" if site_url else None

    def _link(self, match: re.Match) -> str:
        """A link to another page goes to its notebook; to any other file of the site, to the
        site (or nowhere, without a site_url): the notebook may be read far from the site."""
        text, (path, _, anchor) = match["text"], match["href"].partition("#")
        anchor = "#" + anchor if anchor else ""
        if not path or re.match(r"^[a-z][a-z0-9+.-]*:", path, re.I):
            return match[0]  # an anchor on the same page, or an address with a scheme
        if path in self.notebooks:
            return f"[{text}]({self.notebooks[path]}{anchor})"
        if not self.site_url:
            return text
        if path in self.pages:
            path = "" if path == "index.md" else PurePosixPath(path).with_suffix("").as_posix() + "/"
        return f"[{text}]({self.site_url}{path}{anchor})"

    def markdown(self, text: str) -> str:
        text = ABBREVIATION.sub("", COMMENT.sub("", text))
        text = HEADING_ID.sub(lambda m: f'{m["heading"]} <a id="{m["id"]}"></a>', text)
        text = ATTR_LIST.sub("", text)
        text = LINK.sub(self._link, text)
        return join_wide_lines(re.sub(r"\n{3,}", "\n\n", text).strip("\n"))

    def notebook(self, nodes: list):
        """The notebook of a page's nodes (engine.page)."""
        cells: list = []
        prose: list[tuple[str, bool]] = []  # (Markdown, quoted) waiting for the next code cell
        attachments: dict = {}

        def add(text: str, quote: bool) -> None:
            if text:
                prose.append(("\n".join(f"> {line}".rstrip() for line in text.split("\n")) if quote else text, quote))

        def add_text(text: str, quote: bool) -> None:
            text = self.markdown(text)

            def figure(match: re.Match) -> str:
                name = PurePosixPath(match["src"]).name
                png = base64.b64encode((self.root / match["src"]).read_bytes()).decode("ascii")
                last = cells[-1] if cells and cells[-1].cell_type == "code" else None
                right_after = not prose and not IMAGE.sub("", text[: match.start()]).strip()
                if last is not None and name in last.source and right_after:
                    last.outputs.append(new_output(
                        "display_data", metadata={"filename": match["src"]},
                        data={"image/png": png, "text/plain": match["alt"]}))
                    return ""
                attachments[name] = {"image/png": png}
                return f"![{match['alt']}](attachment:{name})"

            add(re.sub(r"\n{3,}", "\n\n", IMAGE.sub(figure, text)).strip("\n"), quote)

        def flush() -> None:
            text = prose[0][0] if prose else ""
            for (_, was_quoted), (part, quote) in zip(prose, prose[1:]):  # a blank line, quoted inside a blockquote
                text += ("\n>\n" if quote and was_quoted else "\n\n") + part
            if text:
                cell = new_markdown_cell(text)
                if attachments:
                    cell.attachments = dict(attachments)
                cells.append(cell)
            prose.clear()
            attachments.clear()

        def visit(nodes: list, quote: bool) -> None:
            for node in nodes:
                if isinstance(node, Text):
                    add_text(node.text, quote)
                elif isinstance(node, Fence) and node.is_python:
                    flush()
                    cells.append(new_code_cell(
                        node.code.rstrip("\n"), execution_count=sum(c.cell_type == "code" for c in cells) + 1,
                        outputs=[new_output("stream", name="stdout", text=node.output)] if node.output else [],
                        metadata={"snippet": node.include} if node.include else {}))
                elif isinstance(node, Fence):
                    add(f"```{node.lang}\n{node.code}\n```", quote)  # as written
                elif isinstance(node, Container):  # an admonition is quoted, a tab only titled
                    add_text(f"**{node.title}**", quote or node.kind != "tab")
                    visit(node.children, quote or node.kind != "tab")

        visit(nodes, False)
        flush()
        for number, cell in enumerate(cells, start=1):
            cell.id = f"cell-{number}"  # not random: the same page gives the same notebook
        notebook = new_notebook(cells=cells, metadata=METADATA)
        nbformat.validate(notebook)
        return notebook


def generate(pages: dict[str, str], other_pages: set[str], expand: IncludeExpander,
             site_url: str | None) -> dict[str, str]:
    """{page: notebook JSON} for the Markdown pages ({`tensors.md`: text}) that have Python blocks.
    `other_pages`: the site's other pages (`lenet-cifar10.ipynb`), for links to them."""
    nodes = {uri: parse(text, expand)[0] for uri, text in pages.items()}
    with_examples = {uri for uri in pages if any(f.is_python for f in walk(nodes[uri], Fence))}
    names = {uri: notebook_name(uri) for uri in with_examples | {u for u in other_pages if u.endswith(".ipynb")}}
    writer = NotebookWriter(ROOT, names, set(pages) | other_pages, site_url)
    return {uri: nbformat.writes(writer.notebook(nodes[uri])) + "\n" for uri in sorted(with_examples)}


@functools.cache
def site_notebooks() -> dict[str, str]:
    """{page: notebook JSON}, exactly as the site build writes them (hooks/downloads.py)."""
    pages = {path.name: path.read_text("utf-8") for path in site.markdown_pages()}
    others = {uri for uri in site.nav_pages() if not uri.endswith(".md")}
    return generate(pages, others, site_expander(), site.config()["site_url"])
