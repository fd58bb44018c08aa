"""Each snippet file, run alone from an empty folder (as a reader who copied it would), exits
cleanly, writes nothing to stderr, prints exactly what its page shows, and draws exactly the
figures the page displays."""

import re

import pytest

from tests.harness.collect import example_params, readable
from tests.harness.figures import pixel_difference, png_names
from tests.harness.pages import ROOT
from tests.harness.running import run_forked
from tests.harness.update import check_output, redraw_figure


def check_figures(example, workdir, update):
    """The snippet writes every figure it names; the page shows each one, and img/ holds the
    same picture (with `update`: the one just drawn replaces it)."""
    page_text = example.page.read_text("utf-8")
    figures = sorted((workdir / "img").glob("*.png")) if (workdir / "img").is_dir() else []
    assert {f.name for f in figures} == png_names(example.snippet.read_text("utf-8")), (
        "the figures written differ from those the snippet names"
    )
    for written in figures:
        assert re.search(rf"img/{re.escape(written.name)}(?![\w.-])", page_text), (
            f"{example.page.name} does not show img/{written.name}"
        )
        shown = ROOT / "img" / written.name
        difference = pixel_difference(written, shown) if shown.is_file() else f"img/{written.name} is missing"
        if difference and update:
            redraw_figure(written)
        else:
            assert difference is None, difference


@pytest.mark.parametrize("example", example_params())
def test_snippet_runs_alone(example, tmp_path, update_outputs):
    example = readable(example)
    result = run_forked(example.snippet, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", f"the snippet writes to stderr:\n{result.stderr}"
    check_output(example, result.stdout, f"python {example.snippet.relative_to(ROOT)}", update_outputs)
    check_figures(example, tmp_path, update_outputs)
