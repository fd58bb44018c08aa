"""The harness's own checks can fail: each is tried here on a small page or block that breaks it."""

import pytest
from PIL import Image

from tests.harness import collect, pages
from tests.harness.figures import pixel_difference, png_names
from tests.harness.output_rules import output_problems
from tests.harness.outputs import matches
from tests.harness.pages import examples
from tests.harness.prose_numbers import restated_number_problems
from tests.harness.running import run_block
from tests.harness.update import OutputRewritten, check_output, rewrite_output
from tests.harness.volatile import reads_volatile_values, shifted_volatile_values

SNIPPET = "snippets/tensors/cat_2d.py"  # any real snippet: the pages below include it


def page_text(output: str, between: str = "", after: str = "") -> str:
    """A page with one example whose shown output is `output`."""
    return (
        f'# 页面\n\n```python title="{SNIPPET}"\n--8<-- "{SNIPPET}"\n```\n\n{between}\n'
        f'<!--pytest-codeblocks:expected-output-->\n\n```text title="输出"\n{output}```\n\n{after}\n'
    )


def page_with(tmp_path, output: str, between: str = "", after: str = "", name: str = "page.md"):
    page = tmp_path / name
    page.write_text(page_text(output, between, after), "utf-8")
    return page


# --- an output must keep a literal line -------------------------------------------------

def test_an_output_of_wildcards_only_is_rejected(tmp_path):
    assert matches("...\n", "tensor([1, 2])\nanything at all\n"), "a lone ... swallows everything"
    problems = output_problems(page_with(tmp_path, "...\n"))
    assert len(problems) == 1 and "page.md:3: the output shown has no line without `...`" in problems[0]
    assert output_problems(page_with(tmp_path, "tensor([...])\n...\n")) != []
    assert output_problems(page_with(tmp_path, "x = ...\ntensor([1, 2])\n")) == []


def test_a_wholly_volatile_output_says_why(tmp_path):
    allowed = "<!--volatile-output: 未初始化的内存，每次运行都不同-->"
    assert output_problems(page_with(tmp_path, "...\n", between=allowed)) == []
    assert "say why" in "".join(output_problems(page_with(tmp_path, "...\n", between="<!--volatile-output: -->")))
    assert "drop <!--volatile-output-->" in "".join(output_problems(page_with(tmp_path, "x\n", between=allowed)))
    misplaced = output_problems(page_with(tmp_path, "...\n", after=allowed))
    assert any("belongs between a Python block and its output" in p for p in misplaced)
    assert any("has no line without" in p for p in misplaced)


def test_an_empty_line_in_an_indented_output_is_rejected(tmp_path):
    def answer(output):
        body = "".join(f"    {line}\n" for line in page_text("x\n").split("\n")[2:]).replace("    x\n", output)
        page = tmp_path / "answer.md"
        page.write_text(f'??? success "参考答案"\n\n{body}', "utf-8")
        return output_problems(page)

    assert answer("    x\n    \n    y\n") == []
    assert answer("    x\n\n    y\n") == ["answer.md:12: a blank line of an indented output must keep the indentation"]


def test_an_address_written_out_is_rejected(tmp_path):
    problems = output_problems(page_with(tmp_path, "y = 2\n<MulBackward0 object at 0x7f3a2c1d5e80>\n"))
    assert problems == ["page.md:3: the output shows the address 0x7f3a2c1d5e80, which changes every run: write 0x..."]
    assert output_problems(page_with(tmp_path, "y = 2\n<MulBackward0 object at 0x...>\n")) == []


# --- times, ids and addresses -------------------------------------------------------------

COARSE_TIMING = (
    "import time\n\nstart = time.perf_counter()\ntotal = sum(range(1000))\n"
    'print(f"用时 {time.perf_counter() - start:.1f} 秒")\n'
)


def test_a_coarse_timing_is_caught_by_the_shifted_run(tmp_path):
    assert run_block(COARSE_TIMING, tmp_path / "t.py") == "用时 0.0 秒\n", "passes once: the trap"
    assert reads_volatile_values(COARSE_TIMING)
    with shifted_volatile_values():
        shifted = run_block(COARSE_TIMING, tmp_path / "t.py")
    assert not matches("用时 0.0 秒\n", shifted)
    assert matches("用时 ... 秒\n", shifted)


def test_ids_and_pointers_move_but_keep_their_equalities():
    import torch

    x = torch.ones(4)
    before = (id(x), x.data_ptr(), x.untyped_storage().data_ptr())
    with shifted_volatile_values():
        during = (id(x), x.data_ptr(), x.untyped_storage().data_ptr())
        assert x[:2].data_ptr() == x.data_ptr() and id(x) == id(x)
    assert all(a != b for a, b in zip(before, during))
    assert (id(x), x.data_ptr(), x.untyped_storage().data_ptr()) == before, "restored afterwards"
    assert not reads_volatile_values("import torch\nprint(torch.ones(2))\n")
    assert reads_volatile_values("import torch\nx = torch.ones(2)\nprint(hex(id(x)))\n")


# --- numbers restated in the prose ------------------------------------------------------

def test_a_restated_number_must_match_the_output(tmp_path):
    def problems(prose):
        mark = f"<!--from-output: {SNIPPET}-->"
        page = page_with(tmp_path, "w = 2.0283, b = 5.4489\n", after=prose.replace("{}", mark))
        return restated_number_problems(page)

    assert problems("训练后 $w \\approx 2.03${}，$b \\approx 5.4489${}。") == []
    assert problems("训练后 w 约为 2.028{}") == []
    assert problems("训练后 w ≈ 2.04{}，b ≈ 5.45") == [
        f"page.md:14: the prose says 2.04, but the output of {SNIPPET} shown on this page has no such number "
        "(literally or rounded to as many decimals)"
    ]
    assert "no number before" in "".join(problems("训练后 w 变小了{}"))
    other = "<!--from-output: snippets/tensors/chunk.py-->"
    assert restated_number_problems(page_with(tmp_path, "w = 2.0283\n", after=f"w ≈ 2.03{other}")) == [
        "page.md:14: snippets/tensors/chunk.py has no output shown on this page"
    ]


# --- one unreadable page fails alone -------------------------------------------------------

def test_a_broken_include_fails_only_its_own_page(tmp_path, monkeypatch):
    good = page_with(tmp_path, "x\n", name="good.md")
    broken = tmp_path / "broken.md"
    broken.write_text('```python title="snippets/no/such.py"\n--8<-- "snippets/no/such.py"\n```\n', "utf-8")
    monkeypatch.setattr(pages, "DOCS", tmp_path)
    monkeypatch.setattr(collect, "DOCS", tmp_path)
    monkeypatch.setattr(collect, "pages", lambda: [broken, good])
    params = collect.example_params()
    assert [p.id for p in params] == ["broken.md:unreadable", "good.md:3:cat_2d"]
    assert collect.readable(params[1].values[0]).snippet.name == "cat_2d.py"
    with pytest.raises(pytest.fail.Exception, match=r"(?s)broken\.md: its examples cannot be read.*no/such\.py"):
        collect.readable(params[0].values[0])


# --- figures ----------------------------------------------------------------------------

def test_figure_names_are_compared_whole():
    code = 'fig.savefig("img/models_linear_regression_losses.png")\nplt.savefig(IMG_DIR / "curves.png")\n'
    assert png_names(code) == {"models_linear_regression_losses.png", "curves.png"}
    assert "models_linear_regression_loss.png" not in png_names(code)
    assert png_names("# ![图](img/in_a_comment.png)\n") == set()


def test_a_figure_drawn_differently_is_caught(tmp_path):
    shown, same, other, smaller = (tmp_path / f"{n}.png" for n in ("shown", "same", "other", "smaller"))
    Image.new("RGB", (40, 30), "white").save(shown)
    Image.new("RGB", (40, 30), "white").save(same, compress_level=1)  # other bytes, same picture
    drawn = Image.new("RGB", (40, 30), "white")
    drawn.putpixel((5, 7), (250, 250, 250))
    drawn.save(other)
    Image.new("RGB", (40, 29), "white").save(smaller)
    assert pixel_difference(same, shown) is None
    assert "differs from the one shown in img/ in 1 pixels (rows 7-7, columns 5-5)" in pixel_difference(other, shown)
    assert pixel_difference(smaller, shown) == "smaller.png: 40x29 drawn, 40x30 shown"


# --- pytest --update-outputs ---------------------------------------------------------------

def test_update_rewrites_a_stale_output_once(tmp_path):
    page = page_with(tmp_path, "stale\n", after="正文")
    (example,) = examples(page)
    with pytest.raises(AssertionError, match="differs"):
        check_output(example, "tensor([1, 2])\n", "the block", update=False)
    with pytest.warns(OutputRewritten, match="page.md:3: rewrote the output of cat_2d.py"):
        check_output(example, "tensor([1, 2])\n", "the block", update=True)
    assert page.read_text("utf-8") == page_text("tensor([1, 2])\n", after="正文")
    assert rewrite_output(example, "tensor([1, 2])\n") is False, "a second rewrite finds nothing to do"


def test_update_keeps_the_indentation_of_an_answer_block(tmp_path):
    answer = "".join(f"    {line}\n" if line else "\n" for line in page_text("stale\n").split("\n")[2:])
    page = tmp_path / "answer.md"
    page.write_text(f'**练习 1.** 题目\n\n??? success "参考答案"\n\n{answer}', "utf-8")
    (example,) = examples(page)
    with pytest.warns(OutputRewritten):
        rewrite_output(example, "tensor([1, 2])\n\nend\n")
    (rewritten,) = examples(page)
    assert rewritten.expected_output == "tensor([1, 2])\n\nend\n"
    assert "    tensor([1, 2])\n    \n    end\n    ```" in page.read_text("utf-8")
