"""Figures: which code writes which file in img/, and whether a redrawn figure is the shown one.

A PNG file also carries metadata (matplotlib writes its version into it), so figures are compared by their
decoded pixels. matplotlib draws text the same on every machine, but a curve drawn from a trained model moves
by a few ulps from one processor to another, and its anti-aliased edge then differs by a level or two out of
255 in a few pixels. So a redrawn figure may differ from the shown one by at most EDGE_NOISE levels in at most
NOISE_PIXELS pixels: a moved line, a changed label or colour differs by far more, and a faint extra curve,
a level or two off, covers far more pixels.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path, PurePosixPath

import numpy as np
from PIL import Image

from engine import DOCS, SNIPPETS

EDGE_NOISE = 2  # levels of 255
NOISE_PIXELS = 16  # of a figure


def png_names(code: str) -> set[str]:
    """The file names of the PNG paths written as string literals in `code` (`"img/a.png"`,
    `IMG_DIR / "a.png"` -> `a.png`). Names, not substrings: `a_losses.png` is not `a_loss.png`."""
    try:
        tree = ast.parse(code)
    except SyntaxError:  # a notebook cell with IPython syntax: it names no figure we can trust
        return set()
    return {PurePosixPath(node.value).name for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".png")}


def figures_written_by_code() -> dict[str, list[Path]]:
    """{figure file name: [snippet or notebook files that name it]}."""
    writers: dict[str, list[Path]] = {}
    for path in sorted([*SNIPPETS.rglob("*.py"), *DOCS.glob("*.py"), *DOCS.glob("*.ipynb")]):
        text = path.read_text("utf-8")
        cells = json.loads(text)["cells"] if path.suffix == ".ipynb" else [{"cell_type": "code", "source": [text]}]
        for code in ("".join(c["source"]) for c in cells if c["cell_type"] == "code"):
            for name in png_names(code):
                writers.setdefault(name, []).append(path)
    return writers


def pixel_difference(written: Path, shown: Path) -> str | None:
    """What differs between the two images, beyond the noise above; None when nothing does."""
    with Image.open(written) as new, Image.open(shown) as old:
        if new.size != old.size:
            return f"drawn {new.size[0]}x{new.size[1]}, shown {old.size[0]}x{old.size[1]}"
        levels = np.abs(np.asarray(new.convert("RGBA"), dtype=int) - np.asarray(old.convert("RGBA"), dtype=int)).max(-1)
    if (levels > EDGE_NOISE).any() or (levels > 0).sum() > NOISE_PIXELS:
        rows, cols = np.nonzero(levels)
        return (f"the figure drawn differs from the one shown in {(levels > 0).sum()} pixels, by up to "
                f"{levels.max()} levels of 255 (rows {rows.min()}-{rows.max()}, columns {cols.min()}-{cols.max()})")
    return None
