"""MkDocs hook: a line break between two Chinese characters in a page's source is no space on the
site, nor in its search index (engine/wide.py)."""

from engine.wide import join_wide_lines


def on_page_markdown(markdown, page, config, files):
    return join_wide_lines(markdown) if page.file.src_uri.endswith(".md") else markdown
