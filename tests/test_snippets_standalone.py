"""Each snippet file, run alone from an empty folder (as a reader who copied it would), exits
cleanly, writes nothing to stderr, prints exactly what its page shows, and writes the figures
the page displays."""

import re

import pytest
from PIL import Image

from tests.harness.outputs import assert_output
from tests.harness.pages import ROOT, all_examples
from tests.harness.running import run_forked

EXAMPLES = all_examples()


def check_figures(example, workdir):
    """The snippet writes every figure it names, and they are valid PNGs of the size of the ones
    the page shows."""
    page_text = example.page.read_text("utf-8")
    figures = sorted((workdir / "img").glob("*.png")) if (workdir / "img").is_dir() else []
    named = set(re.findall(r"img/([\w.-]+\.png)", example.snippet.read_text("utf-8")))
    assert {f.name for f in figures} == named, "the figures written differ from those the snippet names"
    for written in figures:
        shown = ROOT / "img" / written.name
        assert shown.is_file(), f"{written.name} is written by the snippet but missing from img/"
        assert f"img/{written.name}" in page_text, f"{example.page.name} does not show img/{written.name}"
        with Image.open(written) as new, Image.open(shown) as old:
            new.verify()
            assert new.format == "PNG"
            assert new.size == old.size, f"{written.name}: {new.size} written, {old.size} shown"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_snippet_runs_alone(example, tmp_path):
    result = run_forked(example.snippet, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", f"the snippet writes to stderr:\n{result.stderr}"
    assert_output(
        example.expected_output or "",
        result.stdout,
        shown_at=f"{example.page.relative_to(ROOT)}:{example.line}",
        printed_by=f"python {example.snippet.relative_to(ROOT)}",
    )
    check_figures(example, tmp_path)
