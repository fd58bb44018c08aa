"""Each chapter's notebook, as the site build generates it from the page and its snippets,
reads like the page, and runs top to bottom in a fresh kernel from an empty folder printing
exactly the outputs stored in it."""

import copy
import re

import nbformat
import pytest

from tests.harness import notebooks
from tests.harness.pages import DOCS, ROOT, examples

NotebookWriter, IncludeExpander = notebooks.hook.NotebookWriter, notebooks.hook.IncludeExpander

NOTEBOOKS = notebooks.generated()
# Markdown that only MkDocs understands, and must not reach a notebook
MKDOCS_ONLY = {
    "admonition": re.compile(r"^>?\s*(!!!|\?\?\?)", re.M),
    "content tab": re.compile(r"^>?\s*===", re.M),
    "include": re.compile(r"-8<-"),
    "HTML comment": re.compile(r"<!--"),
    "abbreviation": re.compile(r"^>?\s*\*\[[^\]]+\]:", re.M),
    "attribute list": re.compile(r"\{\s*[#.:][^}]*\}"),
    "link to a page source": re.compile(r"\]\([^)]*\.md\b"),
    "fence title": re.compile(r"```\w*\s+title="),
}


def cells(notebook, kind):
    return [c for c in notebook.cells if c.cell_type == kind]


@pytest.fixture(scope="module")
def parsed():
    return {page: nbformat.reads(text, 4) for page, text in NOTEBOOKS.items()}


def test_every_page_with_examples_has_a_notebook_and_no_other_does():
    with_examples = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if examples(p)}
    assert set(NOTEBOOKS) == with_examples
    assert {"tensors.md", "autograd.md"} <= set(NOTEBOOKS)


@pytest.mark.parametrize("page", sorted(NOTEBOOKS))
def test_code_cells_are_the_page_examples_with_their_shown_outputs(page, parsed):
    notebook = parsed[page]
    nbformat.validate(notebook)
    code = cells(notebook, "code")
    shown = examples(DOCS / page)  # the harness's reading of the page
    assert [c.metadata["snippet"] for c in code] == [e.snippet.relative_to(ROOT).as_posix() for e in shown]
    for cell, example in zip(code, shown):
        assert cell.source == example.snippet.read_text("utf-8").rstrip("\n")
        stdout = "".join(o.text for o in cell.outputs if o.output_type == "stream")
        assert stdout == (example.expected_output or ""), example.id


@pytest.mark.parametrize("page", sorted(NOTEBOOKS))
def test_text_cells_hold_no_mkdocs_only_markdown_and_every_figure(page, parsed):
    notebook = parsed[page]
    text = "\n".join(c.source for c in cells(notebook, "markdown"))
    found = {name: pattern.findall(text) for name, pattern in MKDOCS_ONLY.items() if pattern.search(text)}
    assert found == {}
    page_figures = re.findall(r"\]\(img/([\w.-]+\.png)\)", (DOCS / page).read_text("utf-8"))
    shown = [f.removeprefix("img/") for c in cells(notebook, "code") for f in notebooks.figures(c)]
    attached = [name for c in cells(notebook, "markdown") for name in c.get("attachments", {})]
    assert sorted(shown + attached) == sorted(page_figures)


def test_admonitions_tabs_answers_maths_and_figures_read_well_in_jupyter(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "snippets/answer.py").write_text('print("6")\n', "utf-8")
    (tmp_path / "snippets/plot.py").write_text('print("saved")  # img/a.png\n', "utf-8")
    (tmp_path / "img/a.png").write_bytes(b"\x89PNG a")
    (tmp_path / "img/b.png").write_bytes(b"\x89PNG b")
    page = "\n".join([
        "## 练习 { #exercises }", "",
        "**练习 1.** 求 $2 \\times 3$，见[第三章](autograd.md#leaf)与[勘误](errata.md)。", "",
        '??? success "参考答案"', "",
        "    一两句说明。", "",
        '    ```python title="snippets/answer.py"', '    --8<-- "snippets/answer.py"', "    ```", "",
        "    <!--pytest-codeblocks:expected-output-->", "",
        '    ```text title="输出"', "    6", "    ```", "",
        "    之后的说明。", "",
        '=== "CPU"', "", "    ```shell", "    pip install torch", "    ```", "",
        '```python title="snippets/plot.py"', '--8<-- "snippets/plot.py"', "```", "",
        "![图 a](img/a.png)", "", "正文。", "", "![图 b](img/b.png)", "",
        "| a | b |", "| --- | --- |", "| 1 | 2 |", "", "*[CPU]: 中央处理器",
    ])
    writer = NotebookWriter(tmp_path, IncludeExpander({"base_path": [str(tmp_path)], "check_paths": True}),
                            notebooks={"autograd.md": "autograd.ipynb"}, pages={"autograd.md", "errata.md"},
                            site_url=None)
    notebook = writer.notebook(page)
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code", "markdown", "code", "markdown"]
    intro, answer, after, plot, rest = notebook.cells
    assert intro.source == (
        '## 练习 <a id="exercises"></a>\n\n'
        "**练习 1.** 求 $2 \\times 3$，见[第三章](autograd.ipynb#leaf)与勘误。\n\n"
        "> **参考答案**\n>\n> 一两句说明。"
    )
    assert answer.source == 'print("6")' and answer.outputs[0].text == "6\n"
    assert after.source == "> 之后的说明。\n\n**CPU**\n\n```shell\npip install torch\n```"
    assert notebooks.figures(plot) == ["img/a.png"]  # right after its block: an output
    assert rest.source.startswith("正文。\n\n![图 b](attachment:b.png)\n\n| a | b |")  # elsewhere: attached
    assert list(rest.attachments) == ["b.png"]
    assert rest.source.endswith("| 1 | 2 |")  # the abbreviation's definition is gone
    markdown = "\n".join(c.source for c in cells(notebook, "markdown"))
    assert [name for name, pattern in MKDOCS_ONLY.items() if pattern.search(markdown)] == []


def test_the_output_comparison_reports_a_changed_character(parsed, tmp_path):
    stored = parsed["tensors.md"]
    printed = copy.deepcopy(stored)
    cell = cells(printed, "code")[0]
    cell.outputs[0].text = cell.outputs[0].text.replace("1", "7", 1)
    problems = notebooks.differences(stored, printed, "tensors.ipynb", tmp_path)
    assert len(problems) == 1
    assert re.search(r"(?s)code cell 1 \(snippets/tensors/.*\.py\).*\n-.*1.*\n\+.*7", problems[0]), problems[0]


@pytest.mark.parametrize("page", sorted(NOTEBOOKS))
def test_notebook_runs_in_a_fresh_kernel_and_prints_its_stored_outputs(page, parsed, tmp_path):
    stored = parsed[page]
    executed = notebooks.execute(stored, tmp_path)
    problems = notebooks.differences(stored, executed, notebooks.hook.notebook_name(page), tmp_path)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
