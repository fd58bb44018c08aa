"""The engine can fail: every mistake a page or an example can make, planted in a small page, is
reported once, at the right line, with what to do; and what the engine writes (outputs, notebooks)
is what the page means."""

import subprocess
import sys
import textwrap

import nbformat
import pytest
import torch
from PIL import Image

from engine import ROOT, page, rewrite, rules
from engine.examples import check_example
from engine.figures import pixel_difference
from engine.notebook import NotebookWriter
from engine.outputs import matches
from engine.page import IncludeExpander
from engine.volatile import shifted_volatile_values

CAT = '```python title="snippets/tensors/cat_2d.py"\n--8<-- "snippets/tensors/cat_2d.py"\n```\n'
_REST = (ROOT / "docs/tensors.md").read_text("utf-8").split('"snippets/tensors/cat_2d.py"\n```\n')[1]
CAT_OUTPUT = _REST[: _REST.index("\n```\n", _REST.index("```text")) + 5]  # its marker and output block
MARKER = "\n<!--pytest-codeblocks:expected-output-->\n\n"


def example(snippet: str, output: str | None, before_marker: str = "") -> str:
    block = f'```python title="snippets/{snippet}"\n--8<-- "snippets/{snippet}"\n```\n'
    return block + before_marker + ("" if output is None else f'{MARKER}```text title="输出"\n{output}```\n')


TIMING = 'import time\nstart = time.perf_counter()\nprint(f"用时 {time.perf_counter() - start:.1f} 秒")\n'
FIGURE = ('import matplotlib.pyplot as plt\nfrom pathlib import Path\nPath("img").mkdir()\nplt.plot([0, 1])\n'
          'plt.savefig("img/{name}")\nprint("ok")\n')
ONE = {"a.py": "print(1)\n"}
# (what is planted, the page, its snippets, what the engine says: one entry per problem, each entry
# the fragments of its message; "N: ..." stands for "page.md:N: ...")
CASES = [
    ("inline code", '```py\nprint("not an include")\n```\n', {},
     ["1: write ```python, not ```py", "1: a Python block must be one `--8<--` include"]),
    ("a title that is not the path", CAT.replace('title="snippets/tensors/cat_2d.py"', 'title="cat"') + CAT_OUTPUT,
     {}, ['1: title the block title="snippets/tensors/cat_2d.py"']),
    ("an output nobody checks", "```text\nx\n```\n", {}, ["1: this `text` block is not preceded by"]),
    ("an output marker after prose", "正文。\n" + MARKER + "```text\nx\n```\n", {},
     ["3: this output marker follows no Python block", "5: this `text` block is not preceded"]),
    ("an include of a missing file", example("no/such.py", "x\n"), {}, [("cannot be read", "no/such.py")]),
    ("no output", example("a.py", None), ONE, ["1: no output is shown for snippets/a.py"]),
    ("a changed number", CAT + CAT_OUTPUT.replace("[7, 8]", "[7, 9]"), {},
     [("11: the output shown differs from what snippets/tensors/cat_2d.py prints", "@@ -8,",
       "-        [7, 9]])\n+        [7, 8]])", ".venv/bin/pytest tests/test_pages.py --update-outputs -k page.md:1:")]),
    ("an output of `...` only", example("a.py", "...\n"), ONE, ["7: the output shown has no literal line"]),
    ("an output of `...` and one bracket", example("b.py", "...\n)\n"), {"b.py": 'print("x")\nprint(")")\n'},
     ["7: the output shown has no literal line"]),
    ("an output PyTorch summarised, shown in full", example("s.py", "tensor([0,  ..., 9])\n"),
     {"s.py": "import torch\nprint(torch.arange(10))\n"}, ["8: the output shown differs"]),
    ("an unseeded random number", example("r.py", "0.5\n"), {"r.py": "import torch\nprint(torch.rand(1).item())\n"},
     [("1: snippets/r.py prints something else on each run", "torch.manual_seed(0)")]),
    ("a figure snippet that prints nothing", example("f.py", "") + "\n![图](img/x.png)\n",
     {"f.py": FIGURE.format(name="x.png").replace('print("ok")\n', "")},
     [("1: snippets/f.py prints nothing", "已保存")]),
    ("an indented fence", "1. 一步：\n\n" + textwrap.indent(example("a.py", "1\n"), "    "), ONE,
     ["3: this block is indented by 4 spaces"]),
    ("a capitalised fence", example("a.py", "1\n").replace("```python", "```Python"), ONE,
     ["1: write ```python, not ```Python"]),
    ("an unknown language", "```pyhton\nprint(1)\n```\n", {}, ["1: ```pyhton is none of the languages"]),
    ("a volatile output without its reason", example("a.py", "...\n", "<!--volatile-output: -->\n"), ONE,
     ["8: say why the whole output is volatile"]),
    ("a volatile marker on a literal output", example("a.py", "1\n", "<!--volatile-output: 内存-->\n"), ONE,
     ["8: the output has literal lines: drop"]),
    ("a volatile marker far from its output", example("a.py", "1\n") + "\n<!--volatile-output: 内存-->\n正文\n", ONE,
     ["11: <!--volatile-output--> belongs between"]),
    ("an address written out", example("a.py", "<Node at 0x7f3a2c1d5e80>\n"),
     {"a.py": 'print("<Node at 0x7f3a2c1d5e80>")\n'},
     ["7: the output shows the address 0x7f3a2c1d5e80"]),
    ("a coarse timing", example("t.py", "用时 0.0 秒\n"), {"t.py": TIMING}, ["7: run again with other clock readings"]),
    ("a coarse timeit", example("t.py", "0.0\n"), {"t.py": 'import timeit\nprint(f"{timeit.timeit(number=9):.1f}")\n'},
     ["7: run again with other clock readings"]),
    ("a restated number gone stale",
     example("a.py", "w = 2.0283\n") + "\n训练后 w ≈ 2.04<!--from-output: snippets/a.py-->\n",
     {"a.py": 'print("w = 2.0283")\n'}, ["11: the prose says 2.04"]),
    ("an open answer", '??? success "参考答案"\n\n    只有文字。\n\n!!! success "参考答案"\n\n'
     + textwrap.indent(example("a.py", "1\n"), "    "), ONE,
     ["1: an answer without a snippet and its shown output", "5: write the answer as a folded `???` block"]),
    ("a figure drawn differently", example("f.py", "ok\n") + "\n![图](img/models_linear_regression_loss.png)\n",
     {"f.py": FIGURE.format(name="models_linear_regression_loss.png")},
     [("1: img/models_linear_regression_loss.png: drawn 640x480", "--update-outputs -k page.md:1:f")]),
    ("a figure the page does not show", example("f.py", "ok\n"), {"f.py": FIGURE.format(name="x_losses.png")},
     ["1: page.md does not show img/x_losses.png"]),
    ("a warning on stderr", example("w.py", "1\n"), {"w.py": 'import warnings\nwarnings.warn("old")\nprint(1)\n'},
     [("1: snippets/w.py writes to stderr", "UserWarning: old")]),
    ("an exception", example("e.py", "1\n"), {"e.py": "print(1)\nraise ValueError('boom')\n"},
     [("1: snippets/e.py raised an exception", 'File "snippets/e.py", line 2', "ValueError: boom")]),
]


def written(folder, text: str, snippets: dict[str, str]) -> page.Page:
    for name, code in snippets.items():
        (folder / "snippets" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "snippets" / name).write_text(code, "utf-8")
    (folder / "page.md").write_text(text, "utf-8")
    return page.read(folder / "page.md", expand=IncludeExpander({"base_path": [str(folder), str(ROOT)],
                                                                   "check_paths": True}))


def problems_of(folder, text: str, snippets: dict[str, str]) -> list[str]:
    try:
        shown = written(folder, text, snippets)
    except Exception as error:
        return [f"page.md cannot be read: {error}"]
    found = rules.problems(shown)
    for number, fence in enumerate(f for f in shown.examples if f.include):
        found += check_example(shown, fence, folder / f"run{number}").problems
    return found


@pytest.mark.parametrize(("planted", "text", "snippets", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_mistake_is_reported_once_where_it_is(planted, text, snippets, expected, tmp_path):
    found = problems_of(tmp_path, text, snippets)
    assert len(found) == len(expected), found
    for problem, fragments in zip(found, expected):
        fragments = (fragments,) if isinstance(fragments, str) else fragments
        fragments = [f"page.md:{f}" if f[0].isdigit() else f for f in fragments]
        assert all(fragment in problem for fragment in fragments), problem


def test_an_example_prints_what_python_prints_and_an_unseeded_one_is_not_written(tmp_path):
    code = ("import pickle\nclass Net:\n    pass\n"
            "print(__name__, Net, repr(pickle.loads(pickle.dumps(Net())))[:20])\n")
    text = example("m.py", None) + example("r.py", None)
    shown = written(tmp_path, text, {"m.py": code, "r.py": "import random\nprint(random.random())\n"})
    python = subprocess.run([sys.executable, "snippets/m.py"], cwd=tmp_path, capture_output=True, text=True).stdout
    assert python == "__main__ <class '__main__.Net'> <__main__.Net object\n"
    assert check_example(shown, shown.examples[0], tmp_path / "run", update=True).rewrite == python
    unseeded = check_example(shown, shown.examples[1], tmp_path / "again", update=True)
    assert unseeded.rewrite is None and "prints something else on each run" in unseeded.problems[0]


def test_a_correct_page_has_no_problem_and_blank_lines_in_an_answer_are_seen_alike(tmp_path):
    answer = textwrap.indent(example("b.py", "a\n\nb\n"), "    ")  # the blank output line keeps no indentation
    text = f'{CAT}{CAT_OUTPUT}\n**练习 1.**\n\n??? success "参考答案"\n\n{answer}'
    assert problems_of(tmp_path, text, {"b.py": 'print("a\\n\\nb")\n'}) == []
    shown = written(tmp_path, text, {})
    cells = [c for c in NotebookWriter(tmp_path, {}, set(), None).notebook(shown.nodes).cells if c.cell_type == "code"]
    assert shown.examples[1].output == cells[1].outputs[0].text == "a\n\nb\n", "the build's notebook and the test agree"


def test_wildcards_are_the_only_looseness():
    assert matches("<MulBackward0 object at 0x...>\n", "<MulBackward0 object at 0x7f3a>\n")
    assert not matches("<MulBackward0 object at 0x...>\n", "<AddBackward0 object at 0x7f3a>\n")
    assert not matches("a ... b\n", "a x\ny b\n"), "an inline ... must not span lines"
    assert matches("tensor(\n...\n)\n", "tensor(\n1\n2\n)\n")
    assert not matches("x\n", "x\n\n"), "a missing blank line is a difference"


def test_update_writes_each_output_into_its_page(tmp_path):
    answer = textwrap.indent(example("tensors/cat_2d.py", "stale\n"), "    ")
    path = tmp_path / "page.md"
    path.write_text(f"{CAT}\n正文\n\n??? success \"参考答案\"\n\n{answer}", "utf-8")
    (first, second) = page.read(path).examples
    assert rewrite.write([(str(path), first.line, "new\n"), (str(path), second.line, "x\n\ny\n")]) == [
        f"{path}:1: rewrote the output", f"{path}:{second.line}: rewrote the output"]
    (first, second) = page.read(path).examples
    assert (first.output, second.output) == ("new\n", "x\n\ny\n")
    assert '    ```text title="输出"\n    x\n\n    y\n    ```' in path.read_text("utf-8")


def test_ids_and_pointers_move_but_keep_their_equalities():
    x = torch.ones(4)
    before = (id(x), x.data_ptr())
    with shifted_volatile_values():
        assert (id(x), x.data_ptr()) != before and x[:2].data_ptr() == x.data_ptr()
    assert (id(x), x.data_ptr()) == before, "restored afterwards"


def test_a_figure_differs_by_more_than_antialiasing_noise(tmp_path):
    shown, noise, changed, curve = (tmp_path / f"{n}.png" for n in ("shown", "noise", "changed", "curve"))
    Image.new("RGB", (40, 30), (255, 255, 255)).save(shown)
    for path, level, pixels in ((noise, 253, 16), (changed, 245, 1), (curve, 253, 40)):
        drawn = Image.new("RGB", (40, 30), (255, 255, 255))
        for x in range(pixels):
            drawn.putpixel((x, 7 + x % 3), (level, 255, 255))
        drawn.save(path)
    assert pixel_difference(noise, shown) is None, "a few edge pixels one or two levels off: the same figure"
    assert "in 1 pixels, by up to 10 levels of 255 (rows 7-7, columns 0-0)" in pixel_difference(changed, shown)
    assert "in 40 pixels, by up to 2 levels" in pixel_difference(curve, shown), "a faint extra curve is a change"


def test_admonitions_tabs_answers_and_figures_read_well_in_jupyter(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img/a.png").write_bytes(b"\x89PNG a")
    (tmp_path / "img/b.png").write_bytes(b"\x89PNG b")
    text = "\n".join([
        "## 练习 { #exercises }", "",
        "**练习 1.** 求 $2 \\times 3$，见[第三章](autograd.md#leaf)与[勘误](errata.md)。", "",
        '??? success "参考答案"', "", "    一两句说明。", "", textwrap.indent(example("answer.py", "6\n"), "    "),
        "    之后的说明。", "", '=== "CPU"', "", "    ```shell", "    pip install torch", "    ```", "",
        example("plot.py", None), "![图 a](img/a.png)", "", "正文。", "", "![图 b](img/b.png)", "",
        "| a | b |", "| --- | --- |", "| 1 | 2 |", "", "*[CPU]: 中央处理器",
    ])
    writer = NotebookWriter(tmp_path, {"autograd.md": "autograd.ipynb"}, {"autograd.md", "errata.md"}, site_url=None)
    notebook = writer.notebook(written(tmp_path, text, {"answer.py": 'print("6")\n',
                                                        "plot.py": 'print("saved")  # img/a.png\n'}).nodes)
    nbformat.validate(notebook)
    assert [c.cell_type for c in notebook.cells] == ["markdown", "code", "markdown", "code", "markdown"]
    intro, answer, after, plot, rest = notebook.cells
    assert intro.source == ('## 练习 <a id="exercises"></a>\n\n'
                            "**练习 1.** 求 $2 \\times 3$，见[第三章](autograd.ipynb#leaf)"
                            "与勘误。\n\n> **参考答案**\n>\n> 一两句说明。")
    assert answer.source == 'print("6")' and answer.outputs[0].text == "6\n"
    assert after.source == "> 之后的说明。\n\n**CPU**\n\n```shell\npip install torch\n```"
    assert [o.metadata["filename"] for o in plot.outputs] == ["img/a.png"]  # right after its block: an output
    assert rest.source.startswith("正文。\n\n![图 b](attachment:b.png)\n\n| a | b |")
    assert list(rest.attachments) == ["b.png"]
    assert rest.source.endswith("| 1 | 2 |"), "the abbreviation's definition is gone"


def test_a_formula_on_the_notebook_page_is_typeset_or_fails_the_build():
    from mkdocs.exceptions import PluginError

    from hooks.maths import on_page_content
    from hooks.notebook_page import notebook_content

    cell = ('<div class="jp-Notebook"><div class="jp-Cell jp-MarkdownCell"><div class="jp-MarkdownOutput">'
            "<p>误差 $\\frac{1}{n}$ 与 <code>$HOME</code></p><p>$$TEX$$</p>"  # as nbconvert renders a Markdown cell
            "<p>$x$ &lt;img src=x onerror=alert(1)&gt; $y$</p></div></div></div>")  # text between formulas stays text
    page = type("Page", (), {"file": type("File", (), {"src_path": "nb.ipynb"}), "url": "nb/"})
    content, _ = notebook_content(cell.replace("TEX", "x^2"), "nb.ipynb")
    assert '<span class="arithmatex">\\(\\frac{1}{n}\\)</span>' in content and "<code>$HOME</code>" in content
    assert "<img" not in content and "&lt;img src=x onerror=alert(1)&gt;" in content, content
    assert content.count("arithmatex") == 4
    assert 'class="katex' in on_page_content(content, page, None, None)
    with pytest.raises(PluginError, match=r"nb\.ipynb"):
        on_page_content(notebook_content(cell.replace("TEX", "\\frac{1"), "nb.ipynb")[0], page, None, None)
