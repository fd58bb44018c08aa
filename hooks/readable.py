"""MkDocs hook: pages every reader can read.

- A line break between two Chinese characters in a page's source is no space on the site, nor in
  its search index (engine/wide.py).
- A table wider than a phone scrolls: it takes the keyboard focus, so that it scrolls with the arrow
  keys too (displayed formulas do the same, hooks/maths.py).
"""

from engine.wide import join_wide_lines


def on_page_markdown(markdown, page, config, files):
    return join_wide_lines(markdown) if page.file.src_uri.endswith(".md") else markdown


def on_page_content(html, page, config, files):
    return html.replace("<table>", '<table tabindex="0">')
