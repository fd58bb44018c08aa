"""The rules that keep the promise "every block runs, every output is checked", and checks
that the harness itself can fail."""

import re

import pytest

from tests.harness import outputs
from tests.harness.figures import figures_written_by_code
from tests.harness.output_rules import output_problems
from tests.harness.pages import DOCS, PYTHON_LANGS, ROOT, SNIPPETS, examples, fences, pages
from tests.harness.prose_numbers import restated_number_problems
from tests.harness.rules import answer_problems, page_problems

PAGES = pages()
IMAGE_LINK = re.compile(r"\]\((img/[^)\s]+)\)")


def page_id(page):
    return page.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_page_follows_the_conventions(page):
    assert page_problems(page) == []


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_answer_is_a_checked_snippet(page):
    assert answer_problems(page) == []


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_outputs_still_check_something(page):
    assert output_problems(page) == []


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_restated_numbers_match_the_outputs(page):
    assert restated_number_problems(page) == []


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_rendered_blocks_are_the_snippet_files(page):
    for example in examples(page):
        assert example.snippet.is_file(), f"{page_id(page)}:{example.line}: no file {example.snippet}"
        assert example.code.rstrip("\n") == example.snippet.read_text("utf-8").rstrip("\n"), example.id


def test_no_snippet_hides_code_under_main_guard():
    guarded = [p for p in SNIPPETS.rglob("*.py") if "__main__" in p.read_text("utf-8")]
    assert not guarded, f"under pytest-codeblocks `__name__` is not '__main__': {guarded}"


def test_every_snippet_is_shown_on_a_page():
    shown = {ROOT / f.include for page in PAGES for f in fences(page) if f.include}
    orphans = sorted(str(p.relative_to(ROOT)) for p in SNIPPETS.rglob("*.py") if p not in shown)
    assert not orphans, f"snippet files no page includes: {orphans}"


def test_every_figure_is_drawn_by_code_and_shown():
    written = figures_written_by_code()
    shown = {link for page in PAGES for link in IMAGE_LINK.findall(page.read_text("utf-8"))}
    notebooks = [*DOCS.rglob("*.py"), *DOCS.rglob("*.ipynb")]
    shown |= {m for p in notebooks for m in re.findall(r"img/[\w.-]+\.png", p.read_text("utf-8"))}
    for link in sorted(shown):
        assert (ROOT / link).is_file(), f"a page shows {link}, which does not exist"
    figures = sorted((ROOT / "img").glob("*"))
    unshown = [f"img/{f.name}" for f in figures if f"img/{f.name}" not in shown]
    assert not unshown, f"not shown on any page: {unshown}"
    unwritten = [f"img/{f.name}" for f in figures if f.name not in written]
    assert not unwritten, f"no snippet or notebook writes these (by this exact name): {unwritten}"


# --- the harness can fail -------------------------------------------------------------

def test_one_changed_character_fails_the_output_check():
    blocks = [f for page in PAGES for f in fences(page) if f.lang in PYTHON_LANGS]
    shown = next(f.expected_output for f in blocks if f.expected_output and "..." not in f.expected_output)
    changed = shown[:-2] + ("0" if shown[-2] != "0" else "1") + shown[-1]
    assert outputs.matches(shown, shown)
    assert not outputs.matches(changed, shown)
    with pytest.raises(AssertionError, match=r"(?s)^the output shown.*\n-.*\n\+"):
        outputs.assert_output(changed, shown, "page.md:1", "snippet.py")


def test_wildcards_are_the_only_looseness():
    assert outputs.matches("<MulBackward0 object at 0x...>\n", "<MulBackward0 object at 0x7f3a>\n")
    assert not outputs.matches("<MulBackward0 object at 0x...>\n", "<AddBackward0 object at 0x7f3a>\n")
    assert not outputs.matches("a ... b\n", "a x\ny b\n"), "an inline ... must not span lines"
    assert outputs.matches("tensor(\n...\n)\n", "tensor(\n1\n2\n)\n")
    assert not outputs.matches("x\n", "x\n\n"), "a missing blank line is a difference"


def test_rules_catch_unrun_and_unchecked_blocks(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text(
        '```py\nprint("inline code, not an include")\n```\n\n'
        '```python title="snippets/x.py"\n--8<-- "snippets/x.py"\n```\n\n'
        "```text\nan output nobody checks\n```\n",
        "utf-8",
    )
    problems = "\n".join(page_problems(page))
    assert "bad.md:1: write ```python" in problems
    assert "bad.md:1: a Python block must be one `--8<--` include" in problems
    assert "bad.md:5: snippets/x.py does not exist" in problems
    assert "bad.md:5: no output block follows" in problems
    assert "bad.md:9: this `text` block is not preceded" in problems


def test_an_include_of_a_missing_file_is_an_error():
    from pymdownx.snippets import SnippetMissingError

    from tests.harness.pages import expand_includes

    with pytest.raises(SnippetMissingError):
        expand_includes('```python\n--8<-- "snippets/no/such/file.py"\n```\n')


def test_an_answer_without_a_checked_output_fails(tmp_path):
    page = tmp_path / "answers.md"
    answer = '    ```python title="snippets/home/versions.py"\n    --8<-- "snippets/home/versions.py"\n    ```\n\n'
    page.write_text(
        '??? success "参考答案"\n\n    只有文字。\n\n'
        f'??? success "参考答案"\n\n{answer}'
        f'!!! success "参考答案"\n\n{answer}    <!--pytest-codeblocks:expected-output-->\n\n'
        '    ```text title="输出"\n    torch\n    ```\n\n'
        '??? success "参考答案"\n\n正文，答案块已结束。\n\n'
        f'```python title="snippets/home/versions.py"\n--8<-- "snippets/home/versions.py"\n```\n\n'
        '<!--pytest-codeblocks:expected-output-->\n\n```text title="输出"\ntorch\n```\n',
        "utf-8",
    )
    assert answer_problems(page) == [
        "answers.md:1: an answer without a snippet and its shown output is checked by nothing",
        "answers.md:5: an answer without a snippet and its shown output is checked by nothing",
        "answers.md:11: write the answer as a collapsed `???` block",
        "answers.md:23: an answer without a snippet and its shown output is checked by nothing",
    ]
