"""Find every resource a built page would load from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Attributes through which a browser loads something by itself (links to follow are not loads).
LOADING_ATTRIBUTES = {
    "script": ["src"], "img": ["src", "srcset"], "iframe": ["src"], "source": ["src", "srcset"],
    "video": ["src", "poster"], "audio": ["src"], "embed": ["src"], "object": ["data"],
    "track": ["src"], "input": ["src"],
}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""", re.I)


class _Loads(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        names = LOADING_ATTRIBUTES.get(tag, [])
        if tag == "link" and LINK_LOADS & set((attrs.get("rel") or "").lower().split()):
            names = ["href"]
        for name in names:
            for url in (attrs.get(name) or "").split(","):
                if url.strip():
                    self.urls.append(url.strip().split()[0])
        if attrs.get("style"):
            self.urls += [a or b for a, b in CSS_URL.findall(attrs["style"])]


def external_loads(site: Path) -> dict[str, list[str]]:
    """{file: [external URLs it loads]} over the HTML and CSS files of a built site."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Loads()
            parser.feed(path.read_text("utf-8", "replace"))
            urls = parser.urls
        elif path.suffix == ".css":
            urls = [a or b for a, b in CSS_URL.findall(path.read_text("utf-8", "replace"))]
        else:
            continue
        external = sorted({u for u in urls if EXTERNAL.match(u)})
        if external:
            found[str(path.relative_to(site))] = external
    return found
