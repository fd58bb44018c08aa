"""Every Python block of every page runs through pytest-codeblocks' runner, from an empty
folder, and prints exactly the output shown under it."""

import pytest

from tests.harness.outputs import assert_output
from tests.harness.pages import ROOT, all_examples
from tests.harness.running import run_block

EXAMPLES = all_examples()


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


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_block_prints_the_shown_output(example, isolated_state):
    printed = run_block(example.code, example.snippet)
    assert_output(
        example.expected_output or "",
        printed,
        shown_at=f"{example.page.relative_to(ROOT)}:{example.line}",
        printed_by=f"the block including {example.snippet.relative_to(ROOT)}",
    )
