"""Every Python block of every page runs through pytest-codeblocks' runner, from an empty
folder, and prints exactly the output shown under it; a block that reads a clock, an id or a
memory address prints it again with those values moved (tests/harness/volatile.py)."""

import pytest

from tests.harness.collect import example_params, readable
from tests.harness.outputs import assert_output
from tests.harness.pages import ROOT
from tests.harness.running import run_block
from tests.harness.update import check_output
from tests.harness.volatile import reads_volatile_values, shifted_volatile_values


@pytest.fixture
def isolated_state(tmp_path, monkeypatch):
    """Blocks share this process: give each an empty folder and undo global changes."""
    import matplotlib.pyplot as plt
    import torch

    monkeypatch.chdir(tmp_path)
    grad_enabled, dtype = torch.is_grad_enabled(), torch.get_default_dtype()
    yield tmp_path
    torch.set_grad_enabled(grad_enabled)
    torch.set_default_dtype(dtype)
    plt.close("all")


@pytest.mark.parametrize("example", example_params())
def test_block_prints_the_shown_output(example, isolated_state, update_outputs, monkeypatch):
    example = readable(example)
    printed_by = f"the block including {example.snippet.relative_to(ROOT)}"
    check_output(example, run_block(example.code, example.snippet), printed_by, update_outputs)
    if update_outputs or not reads_volatile_values(example.code):
        return
    (isolated_state / "shifted").mkdir()
    monkeypatch.chdir(isolated_state / "shifted")
    with shifted_volatile_values():
        printed = run_block(example.code, example.snippet)
    assert_output(
        example.expected_output or "",
        printed,
        shown_at=f"{example.page.relative_to(ROOT)}:{example.line}",
        printed_by=f"{printed_by}, run again with other clock readings, ids and data pointers "
        "(write `...` where the block prints a time, an id or an address)",
    )
