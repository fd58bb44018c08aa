"""MkDocs hook: every example a click away, every chapter as a notebook.

- notebooks/<page>.ipynb: each page with Python blocks as a notebook (engine.notebook), offered by a
  "下载 notebook" button (overrides/main.html);
- snippets/...: the snippet files, linked from each code block's title;
- downloads/pytorch-tutorial-examples.zip, linked from the home page: all snippets, their requirements.txt
  and the notebooks (the pages that are notebooks themselves included, with their jupytext .py).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from engine import ROOT, SNIPPETS
from engine.notebook import generate, notebook_name
from engine.page import IncludeExpander
from engine.site import snippet_options

NOTEBOOKS = "notebooks"
ZIP = "downloads/pytorch-tutorial-examples.zip"
ZIP_FOLDER = "pytorch-tutorial-examples"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so that the same sources give the same zip
CODE_TITLE = re.compile(r'<span class="filename">(?P<path>snippets/[^<"]+)</span>')

_notebook_of_page: dict[str, str] = {}  # page src_uri -> site path of its notebook


def on_files(files, config):
    _notebook_of_page.clear()
    documents = files.documentation_pages()
    pages = {f.src_uri: Path(f.abs_src_path).read_text("utf-8") for f in documents if f.src_uri.endswith(".md")}
    others = {f.src_uri for f in documents if not f.src_uri.endswith(".md")}
    expand = IncludeExpander(snippet_options(config["mdx_configs"], Path(config.config_file_path).parent))
    entries: dict[str, bytes] = {}
    for uri, text in generate(pages, others, expand, config.site_url).items():
        path = f"{NOTEBOOKS}/{notebook_name(uri)}"
        files.append(File.generated(config, path, content=text))
        _notebook_of_page[uri] = path
        entries[path] = text.encode("utf-8")
    for page in (d for d in documents if d.src_uri.endswith(".ipynb")):  # notebooks themselves, with a .py twin
        source = Path(page.abs_src_path)
        for path in filter(Path.is_file, {source, source.with_suffix(".py")}):
            entries[f"{NOTEBOOKS}/{path.name}"] = path.read_bytes()
        _notebook_of_page[page.src_uri] = page.url + source.name  # mkdocs-jupyter publishes it there
    for path in sorted(p for p in SNIPPETS.rglob("*") if p.suffix in {".py", ".txt"}):
        uri = path.relative_to(ROOT).as_posix()
        files.append(File(uri, src_dir=str(ROOT), dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))
        entries[uri] = path.read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{name}", ZIP_DATE)
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name], zipfile.ZIP_DEFLATED)
    files.append(File.generated(config, ZIP, content=buffer.getvalue()))
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
    if notebook := _notebook_of_page.get(page.file.src_uri):
        page.meta["notebook"] = notebook
    return context
