"""The tutorial's engine: what a page is made of, and how its examples are run and checked.

One package for the MkDocs hooks (hooks/), the tests (tests/) and the maintainer tools (tools/):

    engine.site      the site's configuration: pages in navigation order, include options
    engine.page      the page model: the one parser of pages (blocks, outputs, markers, answers)
    engine.outputs   a shown output against a printed one: `...` is the only wildcard
    engine.rules     the page conventions that keep every block run and every output checked
    engine.notebook  a page as a Jupyter notebook
    engine.examples  an example and a notebook against their page: the problems the tests report
    engine.running   an example run as `python snippets/...` would, by pytest-codeblocks; notebooks in kernels
    engine.warm      what the example server imports once (torch, ...), import warnings kept
    engine.volatile  clocks, ids and pointers moved, to find volatile values shown literally
    engine.figures   which code draws which figure; a redrawn figure against the shown one
    engine.rewrite   new outputs written into the pages (`pytest --update-outputs`)

Only engine.running, engine.warm and engine.volatile import torch; the site build uses none of them.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
IMG = ROOT / "img"
