"""The site's configuration (mkdocs.yml) as the engine needs it: pages and include options. MkDocs hands
its hooks the loaded configuration; the tests and tools read the YAML here (a full `load_config` imports
every plugin and takes seconds)."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path, PurePosixPath

from engine import DOCS, ROOT


@functools.cache
def config() -> dict:
    """mkdocs.yml as MkDocs's YAML loader reads it (`!ENV` and Python tags included)."""
    from mkdocs.utils.yaml import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as file:
        return yaml_load(file)


def nav_pages(nav: list | None = None) -> list[str]:
    """The source path of every page in the navigation (`tensors.md`), in its order."""
    pages = []
    for entry in config()["nav"] if nav is None else nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += nav_pages(target) if isinstance(target, list) else [target]
    return pages


def page_paths() -> list[str]:
    """The site path of every page in the navigation ("" for the home page), in its order."""
    return ["" if page == "index.md" else f"{PurePosixPath(page).stem}/" for page in nav_pages()]


def markdown_pages() -> list[Path]:
    """The Markdown pages of the navigation (chapter 5 is a notebook, not one of them)."""
    return [DOCS / page for page in nav_pages() if page.endswith(".md")]


def snippet_options(mdx_configs: dict | None = None, config_dir: Path = ROOT) -> dict:
    """pymdownx.snippets' options from mkdocs.yml, base paths made absolute. MkDocs hooks pass
    `config["mdx_configs"]` and the folder of mkdocs.yml; without them, they are read here."""
    if mdx_configs is None:
        extensions = [e for e in config()["markdown_extensions"] if isinstance(e, dict)]
        mdx_configs = {name: options for e in extensions for name, options in e.items()}
    options = dict(mdx_configs.get("pymdownx.snippets") or {})
    options["base_path"] = [str(Path(config_dir, p)) for p in options.get("base_path", ["."])]
    return options


# Headless Chromium for the browser tests and tools/bench_site.py: Debian's package, driven by
# Playwright (Playwright cannot download its own browsers here).
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
