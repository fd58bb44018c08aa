"""MkDocs hook: typeset the formulas with KaTeX while the site is built; a reader's browser runs no maths engine.

pymdownx.arithmatex marks each formula (`<span class="arithmatex">\\(...\\)</span>` inline, `<div ...>\\[...\\]</div>`
displayed); its TeX becomes KaTeX's HTML, rendered by Node.js with the `katex` npm package (package.json). A
formula KaTeX cannot parse fails the build. Only pages with formulas link KaTeX's stylesheet, in the page content
so that Material's instant navigation brings it along; its fonts load only where a formula uses them. Formulas
carry Material's `data-search-exclude`: search results show the text around them, not KaTeX's markup.
"""

import html
import json
import re
import shutil
import subprocess

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from engine import ROOT

KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
RENDERER = ROOT / "engine" / "render_katex.js"
STYLESHEET = "katex/katex.min.css"
FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<open>\\\(|\\\[)(?P<tex>.*?)(?:\\\)|\\\])</(?P=tag)>',
                     re.S)


def on_config(config):
    if not shutil.which("node"):
        raise PluginError("公式在构建时由 KaTeX 排版，需要 Node.js：apt-get install nodejs npm")
    if not KATEX_DIST.is_dir():
        raise PluginError(f"缺少 {KATEX_DIST.relative_to(ROOT)}：请在仓库根目录运行 `npm ci`（make serve 会运行它）")
    return config


def on_files(files, config):
    """KaTeX's stylesheet and its WOFF2 fonts (every browser the theme supports reads WOFF2)."""
    for path in [KATEX_DIST / "katex.min.css", *sorted((KATEX_DIST / "fonts").glob("*.woff2"))]:
        files.append(File.generated(config, f"katex/{path.relative_to(KATEX_DIST).as_posix()}", abs_src_path=str(path)))
    return files


def render(formulas: list[tuple[str, bool]], where: str) -> list[str]:
    result = subprocess.run(["node", str(RENDERER)], input=json.dumps(formulas), capture_output=True,
                            encoding="utf-8", cwd=ROOT)
    if result.returncode != 0:
        raise PluginError(f"KaTeX 无法排版 {where} 中的公式：\n{result.stderr}")
    return json.loads(result.stdout)


def on_page_content(content, page, config, files):
    formulas = [(html.unescape(m["tex"]).strip(), m["open"] == "\\[") for m in FORMULA.finditer(content)]
    if not formulas:
        return content
    typeset = iter(render(formulas, page.file.src_path))
    content = FORMULA.sub(lambda m: f'<{m["tag"]} class="arithmatex" data-search-exclude>{next(typeset)}</{m["tag"]}>',
                          content)
    return f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page.url)}">\n{content}'
