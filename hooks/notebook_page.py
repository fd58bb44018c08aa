"""MkDocs hook: the notebook page (rendered by mkdocs-jupyter) reads, weighs and links like the others.

- Headings keep their Chinese text in their anchors: mkdocs-jupyter's slug is ASCII-only (`## 第一部分：核心步骤`
  got the id "") and has no setting, so its two functions that make heading ids and the table of contents are
  replaced; should it rename either, or call it with a parameter the replacement lacks, the build fails.
- Only the notebook is kept of nbconvert's output (not JupyterLab's 600 KB stylesheet, MathJax 2, Mermaid).
- Markdown cells become plain page content (headings start search sections as elsewhere); `$…$` and `$$…$$`
  become formulas for hooks/maths.py. Code cells get the markup of the site's code blocks, without nbconvert's
  copy button. MkDocs learns the page's anchors, so that links into it are checked.
- A deploy build's "edit this page" opens the notebook's source, the jupytext .py beside it.
"""

import importlib
import inspect
import re
from html import escape

import markdown
from bs4 import BeautifulSoup
from markdown.extensions.toc import TocExtension
from mkdocs.exceptions import PluginError
from pymdownx.slugs import slugify

SLUGIFY = slugify(case="lower")  # as `markdown_extensions: toc: slugify` in mkdocs.yml
MATHS = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.S)


def heading_with_anchor(html, anchor_link_text="¶", exclude_anchor_links=False):
    """An <hN> from nbconvert, with id = the site's slug of its text and a permalink."""
    heading = BeautifulSoup(html, "html.parser").find(re.compile(r"^h[1-6]$"))
    if heading is None:
        return html
    heading["id"] = anchor = SLUGIFY(heading.get_text(), "-")
    if not exclude_anchor_links:
        link = f'<a class="headerlink" href="#{anchor}" title="Permanent link">{anchor_link_text}</a>'
        heading.append(BeautifulSoup(link, "html.parser"))
    return str(heading)


def markdown_toc(markdown_source, toc_depth):
    md = markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth, slugify=SLUGIFY)])
    md.convert(markdown_source)
    return md.toc_tokens


REPLACED = {
    ("mkdocs_jupyter.convert", "add_anchor_lower_id"): heading_with_anchor,  # looked up at each call
    ("mkdocs_jupyter.plugin", "_get_markdown_toc"): markdown_toc,
}


def on_config(config):
    for (module_name, name), replacement in REPLACED.items():
        module = importlib.import_module(module_name)
        original = getattr(module, name, None)
        unknown = set(inspect.signature(original).parameters) - set(inspect.signature(replacement).parameters) \
            if callable(original) else None
        if unknown is None or unknown:
            problem = "does not have" if unknown is None else f"calls with {sorted(unknown)} too"
            raise PluginError(f"hooks/notebook_page.py replaces {module_name}.{name}, which this version of "
                              f"mkdocs-jupyter {problem}: adapt the hook to it")
        setattr(module, name, replacement)
    return config


def _formula(match: re.Match) -> str:
    if match["display"] is not None:
        return f'<div class="arithmatex">\\[{match["display"]}\\]</div>'
    return f'<span class="arithmatex">\\({match["inline"]}\\)</span>'


def notebook_content(content: str, where: str) -> tuple[str, set[str]]:
    """The notebook of mkdocs-jupyter's HTML as page content, and the anchor ids it holds."""
    soup = BeautifulSoup(content, "html.parser")
    notebook = soup.select_one("div.jp-Notebook")
    if notebook is None:
        raise PluginError(f"{where}: mkdocs-jupyter's HTML has no <div class=\"jp-Notebook\">; "
                          "hooks/notebook_page.py must be adapted to it")
    for cell in notebook.select("div.jp-MarkdownCell"):
        rendered = cell.select_one(".jp-MarkdownOutput")
        for text in rendered.find_all(string=MATHS):
            if not text.find_parent(["code", "pre"]):
                # all of the text escaped: it is parsed as HTML again
                text.replace_with(BeautifulSoup(MATHS.sub(_formula, escape(str(text))), "html.parser"))
        cell.replace_with(*rendered.contents)
    for button in notebook.select(".zeroclipboard-container, .clipboard-copy-txt"):
        button.decompose()
    for block in notebook.select("div.highlight-ipynb, div.highlight"):  # code cells, Markdown code blocks
        pre = block.find("pre", recursive=False)
        if pre is None or "jp-OutputArea-output" in block["class"]:
            continue
        lang = next((c[3:] for c in block["class"] if c.startswith("hl-")), None)
        block["class"] = [f"language-{lang}", "highlight"] if lang else ["highlight"]
        code = soup.new_tag("code")
        code.extend(list(pre.contents))
        pre.append(code)
    return f'<div class="jupyter-wrapper">{notebook}</div>', {element["id"] for element in notebook.select("[id]")}


def on_page_content(content, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return content
    content, page.present_anchor_ids = notebook_content(content, page.file.src_uri)
    if page.edit_url:  # "edit this page" opens the source, docs/NAME.py, not the notebook generated from it
        page.edit_url = page.edit_url.removesuffix(".ipynb") + ".py"
    return content
