"""MkDocs hook: a line break between two Chinese characters in a page's source is no space on the
site nor in its search index (engine/wide.py); tables and displayed formulas that scroll on a phone
take the keyboard focus, so that the arrow keys scroll them too."""

import re

from engine.wide import join_wide_lines


def on_page_markdown(markdown, page, config, files):
    return join_wide_lines(markdown) if page.file.src_uri.endswith(".md") else markdown


def on_page_content(html, page, config, files):  # after hooks/maths.py
    return re.sub(r'<(table|div class="arithmatex" data-search-exclude)>', r'<\1 tabindex="0">', html)
