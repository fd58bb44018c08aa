"""`pytest --update-outputs`: bring the pages up to date instead of failing.

After an upgrade of PyTorch, run the example tests with the flag (`make refresh`): an output
shown on a page that no longer matches what its snippet prints is replaced by the printed
output (a block without one gets one), and a figure that is drawn differently replaces the
one in img/. Each change is reported as an `OutputRewritten` warning. Review `git diff`
afterwards and write `...` again where a value is volatile.

Test processes (pytest-xdist workers) may rewrite the same page: each rewrite re-reads the page
under a lock and only touches a block whose output still differs.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import shutil
import tempfile
import warnings
from pathlib import Path

from tests.harness.outputs import assert_output, matches
from tests.harness.pages import ROOT, Example, examples
from tests.harness.refresh import set_output


class OutputRewritten(UserWarning):
    """A page output or a figure was rewritten by `--update-outputs`."""


@contextlib.contextmanager
def _locked(page: Path):
    key = hashlib.sha1(str(page).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"update-outputs-{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _current(example: Example) -> Example:
    """The same block in the page as it is now (another test may have rewritten the page)."""
    same_file = [e for e in examples(example.page) if e.snippet == example.snippet]
    unchanged = [e for e in same_file if e.expected_output == example.expected_output]
    return (unchanged or same_file)[0]


def rewrite_output(example: Example, printed: str) -> bool:
    """Show `printed` as the block's output on its page; False when it matches already."""
    with _locked(example.page):
        current = _current(example)
        if current.expected_output is not None and matches(current.expected_output, printed):
            return False
        lines = example.page.read_text("utf-8").split("\n")
        example.page.write_text("\n".join(set_output(lines, current.line, printed)), "utf-8")
    where = f"{example.page.name}:{current.line}"
    warnings.warn(OutputRewritten(f"{where}: rewrote the output of {example.snippet.name}"), stacklevel=2)
    return True


def redraw_figure(written: Path) -> None:
    """Replace the figure of the same name in img/ by the one just drawn."""
    shutil.copyfile(written, ROOT / "img" / written.name)
    warnings.warn(OutputRewritten(f"redrew img/{written.name}"), stacklevel=2)


def _relative(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def check_output(example: Example, printed: str, printed_by: str, update: bool) -> None:
    """Assert that the page shows what was printed; with `update`, make it so instead."""
    if update and not matches(example.expected_output or "", printed):
        rewrite_output(example, printed)
        return
    assert_output(
        example.expected_output or "",
        printed,
        shown_at=f"{_relative(example.page)}:{example.line}",
        printed_by=printed_by,
    )
