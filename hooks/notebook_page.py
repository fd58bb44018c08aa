"""MkDocs hook: make a notebook page (rendered by mkdocs-jupyter) look and weigh like the others.

nbconvert puts JupyterLab's whole stylesheet (about 600 KB), a MathJax 2 configuration with an
empty script address, and a Mermaid loader inline before every notebook. This hook keeps only
the notebook itself and gives its code cells the markup of the site's own code blocks, so the
theme's colours (light and dark), copy button and scrolling apply; docs/stylesheets/site.css
lays out the cells.
"""

import re

WRAPPER = '<div class="jupyter-wrapper">'
WRAPPER_END = "<!-- jupyter-wrapper -->"  # after it, mkdocs-jupyter adds the cells' Pygments CSS inline
# nbconvert's copy button and the hidden copy of each cell's code it copies from
COPY_BUTTON = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>',
    re.S,
)
# code cells (highlight-ipynb) and code blocks inside Markdown cells (highlight)
CODE = re.compile(
    r'<div class="(?:highlight-ipynb hl-(?P<lang>[\w-]+)(?: highlight)?|highlight)">'
    r"<pre>(?P<code>.*?)</pre></div>",
    re.S,
)


def on_page_content(content, page, config, files):
    start = content.find(WRAPPER)
    if start < 0:
        return content
    end = content.find(WRAPPER_END, start)
    content = COPY_BUTTON.sub("", content[start : end + len(WRAPPER_END)] if end >= 0 else content[start:])
    return CODE.sub(lambda m: f'<div class="{_classes(m["lang"])}"><pre><code>{m["code"]}</code></pre></div>', content)


def _classes(lang: str | None) -> str:
    return f"language-{lang} highlight" if lang else "highlight"
