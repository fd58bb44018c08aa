"""MkDocs hook: headings on notebook pages (mkdocs-jupyter) get the anchors of the Markdown pages.

mkdocs-jupyter makes heading ids and its table of contents with an ASCII-only slug, so a Chinese
heading such as `## 第一部分：核心步骤` gets the id "" (and `### 1. 数据` gets "1"). It has no option
for the slug function; this hook gives both the same slug as the site's `toc` extension
(pymdownx.slugs.slugify, case lower), so the notebook page's anchors keep their Chinese text.

Registered in mkdocs.yml under `hooks:`.
"""

from xml.etree.ElementTree import Element

import markdown
from defusedxml import ElementTree
from markdown.extensions.toc import TocExtension
from nbconvert.filters.strings import html2text
from pymdownx.slugs import slugify

SLUGIFY = slugify(case="lower")  # as `markdown_extensions: toc: slugify` in mkdocs.yml


def slug(text):
    return SLUGIFY(text, "-")


def heading_with_anchor(html, anchor_link_text="¶"):
    """An <hN> from nbconvert, with id = slug of its text and a permalink, as mkdocs-jupyter makes it."""
    try:
        heading = ElementTree.fromstring(html)
    except Exception:
        return html
    anchor = slug(html2text(heading))
    heading.set("id", anchor)
    link = Element("a", {"class": "anchor-link", "href": "#" + anchor})
    link.text = anchor_link_text
    heading.append(link)
    return ElementTree.tostring(heading, encoding="unicode")


def markdown_toc(markdown_source, toc_depth):
    md = markdown.Markdown(extensions=[TocExtension(toc_depth=toc_depth, slugify=SLUGIFY)])
    md.convert(markdown_source)
    return md.toc_tokens


def on_config(config):
    from mkdocs_jupyter import convert, plugin

    convert.add_anchor_lower_id = heading_with_anchor  # looked up by the heading renderer at each call
    plugin._get_markdown_toc = markdown_toc
    return config
