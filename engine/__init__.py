"""The tutorial's engine, shared by the MkDocs hooks (hooks/), the tests and the maintainer tools: what a
page is made of (engine.page), how its examples and notebooks run (engine.running) and are checked
(engine.examples, engine.rules). Only engine.running, engine.warm and engine.volatile import torch; the
site build uses none of them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
IMG = ROOT / "img"
