"""MkDocs hook: every example a click away, every chapter as a notebook.

- notebooks/<page>.ipynb   a notebook per page with Python blocks, generated from the page
                           and its snippets at build time (hooks/page_notebook.py); a
                           "下载 notebook" button on the page (overrides/partials/notebook-download.html)
- snippets/...             the snippet files, linked from each code block's title
- downloads/pytorch-tutorial-examples.zip
                           all snippets and notebooks (including pages that are notebooks
                           themselves, such as the LeNet chapter: .ipynb, or jupytext .py),
                           linked from the home page
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from page_notebook import NotebookWriter, dumps, notebook_name
from page_source import IncludeExpander, parse, python_blocks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = "notebooks"
ZIP = "downloads/pytorch-tutorial-examples.zip"
ZIP_FOLDER = "pytorch-tutorial-examples"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so that the same sources give the same zip
CODE_TITLE = re.compile(r'<span class="filename">(?P<path>snippets/[^<"]+)</span>')

_notebook_of_page: dict[str, str] = {}  # page src_uri -> site path of its notebook


def snippet_options(config) -> dict:
    """The snippets preprocessor's options from mkdocs.yml, base paths made absolute."""
    options = dict(config["mdx_configs"].get("pymdownx.snippets", {}))
    root = Path(config.config_file_path).parent
    options["base_path"] = [str(root / p) for p in options.get("base_path", ["."])]
    return options


def generate_notebooks(pages: dict[str, str], other_pages: set[str], options: dict,
                       site_url: str | None) -> dict[str, str]:
    """{page: notebook JSON} for the Markdown pages ({src_uri: text}) that have Python blocks.
    `other_pages`: the site's other pages (`lenet-cifar10.ipynb`), for links to them."""
    expand = IncludeExpander(options)
    with_examples = {uri for uri, text in pages.items() if python_blocks(parse(text, expand))}
    is_notebook = {uri for uri in other_pages if uri.endswith(".ipynb")}
    names = {uri: notebook_name(uri) for uri in with_examples | is_notebook}
    writer = NotebookWriter(ROOT, expand, names, set(pages) | other_pages, site_url)
    return {uri: dumps(writer.notebook(pages[uri])) for uri in sorted(with_examples)}


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{name}", ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def on_files(files, config):
    _notebook_of_page.clear()
    documents = files.documentation_pages()
    pages = {f.src_uri: Path(f.abs_src_path).read_text("utf-8") for f in documents if f.src_uri.endswith(".md")}
    others = {f.src_uri for f in documents if not f.src_uri.endswith(".md")}
    notebooks = generate_notebooks(pages, others, snippet_options(config), config.site_url)
    entries: dict[str, bytes] = {}
    for uri, text in notebooks.items():
        path = f"{NOTEBOOKS}/{notebook_name(uri)}"
        files.append(File.generated(config, path, content=text))
        _notebook_of_page[uri] = path
        entries[path] = text.encode("utf-8")
    for page in documents:  # pages that are notebooks themselves (the LeNet chapter), with a .py twin if any
        if page.src_uri.endswith((".ipynb", ".py")):
            source = Path(page.abs_src_path)
            for path in {source, source.with_suffix(".py")}:
                if path.is_file():
                    entries[f"{NOTEBOOKS}/{path.name}"] = path.read_bytes()
        if page.src_uri.endswith(".ipynb"):  # mkdocs-jupyter publishes it next to the page
            _notebook_of_page[page.src_uri] = page.url + Path(page.src_uri).name
    for snippet in sorted((ROOT / "snippets").rglob("*.py")):
        uri = snippet.relative_to(ROOT).as_posix()
        if "__pycache__" not in uri:
            files.append(File(uri, src_dir=str(ROOT), dest_dir=config.site_dir,
                              use_directory_urls=config.use_directory_urls))
            entries[uri] = snippet.read_bytes()
    files.append(File.generated(config, ZIP, content=_zip(entries)))
    return files


def on_page_content(html, page, config, files):
    """Link each code block's title (a snippet's path) to the snippet file in the site."""

    def link(match: re.Match) -> str:
        if files.get_file_from_path(match["path"]) is None:
            return match[0]
        href = get_relative_url(match["path"], page.url)
        return f'<a class="snippet-source" href="{href}" download title="下载 {match["path"]}">{match[0]}</a>'

    return CODE_TITLE.sub(link, html)


def on_page_context(context, page, config, nav):
    """Tell the template which notebook the page offers (overrides/main.html)."""
    notebook = _notebook_of_page.get(page.file.src_uri)
    if notebook:
        page.meta["notebook"] = notebook
    return context
