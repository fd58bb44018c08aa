"""What the built site offers for download, reached through the pages' own links: each page's
notebook, each code block's snippet file, and one zip of all examples; plus the repository
links that only a deployment shows, and each page's last-updated date."""

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.browser import browser_tests
from tests.harness import notebooks
from tests.harness.pages import DOCS, ROOT, SNIPPETS

pytestmark = pytest.mark.xdist_group("site")  # one worker builds the site for all its tests

NOTEBOOKS = notebooks.generated()


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors: list[dict] = []
        self.code_titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.anchors.append(attrs)
        self._in_title = tag == "span" and attrs.get("class") == "filename"

    def handle_data(self, data):
        if self._in_title and data.startswith("snippets/"):
            self.code_titles.append(data)
        self._in_title = False


def page_html(site: Path, page: str) -> Path:
    return site / ("index.html" if page == "index.md" else f"{Path(page).with_suffix('')}/index.html")


def parse(html: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(html.read_text("utf-8"))
    return parser


def target(html: Path, href: str) -> Path:
    """The site file a relative link of a built page points to."""
    assert "://" not in href and not href.startswith("/"), f"{href} is not a relative link: it breaks offline"
    return (html.parent / href).resolve()


def with_class(anchors, name):
    return [a for a in anchors if name in (a.get("class") or "").split()]


def browser_test(function):
    for mark in browser_tests:
        function = mark(function)
    return function


def test_site_has_each_generated_notebook_and_no_other(built_site):
    site, _ = built_site
    built = {p.name: p.read_text("utf-8") for p in (site / "notebooks").glob("*.ipynb")}
    assert built == {Path(notebooks.site_path(page)).name: text for page, text in NOTEBOOKS.items()}


def test_each_page_with_examples_offers_its_notebook_and_others_offer_none(built_site):
    site, _ = built_site
    for page in sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")):
        html = page_html(site, page)
        buttons = with_class(parse(html).anchors, "notebook-download")
        if page not in NOTEBOOKS:
            assert buttons == [], f"{page} has no examples but offers a notebook"
            continue
        assert len(buttons) == 1, f"{page}: {len(buttons)} notebook buttons"
        assert target(html, buttons[0]["href"]) == (site / notebooks.site_path(page)).resolve()
        assert "download" in buttons[0]
        assert re.search(r'class="md-button[^"]*notebook-download"[^>]*>\s*<svg.*?</svg>\s*下载 notebook',
                         html.read_text("utf-8"), re.S), f"{page}: no 下载 notebook button"
    for notebook_page in DOCS.glob("*.ipynb"):  # a page that is a notebook offers its own file
        html = page_html(site, notebook_page.name)
        buttons = with_class(parse(html).anchors, "notebook-download")
        assert [target(html, b["href"]).read_bytes() for b in buttons] == [notebook_page.read_bytes()]


def test_every_code_title_links_to_its_snippet_file_in_the_site(built_site):
    site, _ = built_site
    checked = 0
    for html in sorted(site.rglob("index.html")):
        parsed = parse(html)
        links = with_class(parsed.anchors, "snippet-source")
        assert len(links) == len(parsed.code_titles), f"{html}: a code title without a link"
        for title, link in zip(parsed.code_titles, links):
            served = target(html, link["href"])
            assert served == (site / title).resolve(), f"{html}: {title} links to {link['href']}"
            assert served.read_bytes() == (ROOT / title).read_bytes()
            checked += 1
    assert checked >= len(list(SNIPPETS.rglob("*.py")))


def test_home_page_offers_all_examples_in_one_zip(built_site):
    site, _ = built_site
    html = site / "index.html"
    zips = [a["href"] for a in parse(html).anchors if a.get("href", "").endswith(".zip")]
    assert len(zips) == 1
    with zipfile.ZipFile(io.BytesIO(target(html, zips[0]).read_bytes())) as archive:
        entries = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    expected = {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in SNIPPETS.rglob("*.py")}
    expected |= {f"notebooks/{p.name}": p.read_bytes() for p in (site / "notebooks").glob("*.ipynb")}
    expected |= {f"notebooks/{p.name}": p.read_bytes() for p in [*DOCS.glob("*.ipynb"), *DOCS.glob("*.py")]}
    assert entries.keys() == expected.keys()
    assert [name for name in expected if entries[name] != expected[name]] == [], "files that differ"


def test_a_local_build_shows_no_repository_and_no_edit_link(built_site):
    site, _ = built_site
    html = (site / "tensors/index.html").read_text("utf-8")
    assert 'class="md-source"' not in html and 'rel="edit"' not in html


def test_repository_address_comes_from_the_environment(monkeypatch):
    with open(ROOT / "mkdocs.yml", "rb") as file:
        local = yaml_load(file)
    assert (local["repo_url"], local["edit_uri"]) == (None, "")  # nothing invented
    monkeypatch.setenv("REPO_URL", "https://git.example.org/owner/tutorial")
    monkeypatch.setenv("EDIT_URI", "edit/main/docs/")
    with open(ROOT / "mkdocs.yml", "rb") as file:
        deployed = yaml_load(file)
    assert (deployed["repo_url"], deployed["edit_uri"]) == ("https://git.example.org/owner/tutorial", "edit/main/docs/")


def test_each_page_shows_its_last_update_date_in_chinese(built_site):
    site, _ = built_site
    for page in sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")):
        html = page_html(site, page).read_text("utf-8")
        assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\d{4}年\d{1,2}月\d{1,2}日<', html), page


@browser_test
def test_a_reader_downloads_a_notebook_and_a_snippet_through_the_page_links(page, site_url, built_site):
    site, _ = built_site
    page.goto(site_url + "autograd/", wait_until="domcontentloaded")
    button = page.get_by_role("link", name="下载 notebook")
    with page.expect_download() as download:
        button.click()
    notebook = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "autograd.ipynb"
    assert notebook == (site / "notebooks/autograd.ipynb").read_bytes()

    title = page.locator("a.snippet-source").first
    name = title.inner_text().strip()
    response = page.request.get(urljoin(page.url, title.get_attribute("href")))
    assert response.ok
    assert response.body() == (site / name).read_bytes() == (ROOT / name).read_bytes()
