"""MkDocs hook: serve files that live outside docs/ as part of the site.

- img/      the figures drawn by the snippets (top level, so snippets write them with
            a short relative path), served at /img/...
- mathjax/  MathJax 3 from the installed django-static-mathjax package, so pages render
            maths without requesting any other host.
"""

from pathlib import Path

import mathjax
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
MATHJAX_STATIC = Path(mathjax.__file__).resolve().parent / "static"


def _add_tree(files, src_dir: Path, subdir: str, config) -> None:
    for path in sorted((src_dir / subdir).rglob("*")):
        if path.is_file():
            files.append(
                File(
                    path.relative_to(src_dir).as_posix(),
                    src_dir=str(src_dir),
                    dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls,
                )
            )


def on_files(files, config):
    _add_tree(files, ROOT, "img", config)
    _add_tree(files, MATHJAX_STATIC, "mathjax/es5", config)
    return files
