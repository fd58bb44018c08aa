"""The LeNet page's notebook: run its cells in this process, and store the outputs it shows.

The page's source is `docs/lenet-cifar10.py` (jupytext percent format: text and code, no outputs).
`docs/lenet-cifar10.ipynb` is generated from it: the same cells plus the outputs of one real run
on a generated data set in CIFAR-10's on-disk format (`tools/fake_cifar.py`; OUTPUT_DATA and
OUTPUT_SETTINGS below), which the tests recreate to check every stored output. The site renders
the `.ipynb`; both files are offered for download.

    python -m tools.lenet_notebook     # after editing the .py: rerun it, rewrite the .ipynb

Cells run the way Jupyter's "Run All" runs them: one namespace, top to bottom, stopping at the
first SystemExit; each cell's stdout and the figures it leaves open are its outputs (stderr, where
tqdm draws its progress bars, is kept apart and not stored). Volatile parts of an output
(VOLATILE: timings, thread counts) are stored as `...`, the wildcard of engine/outputs.py.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "lenet-cifar10.py"
NOTEBOOK = PAGE.with_suffix(".ipynb")

# The run whose outputs the page shows (the page's part 3 states these).
OUTPUT_DATA = {"n_train": 500, "n_test": 200, "noise": 40.0, "jitter": 0.3}
OUTPUT_SETTINGS = {"LENET_EPOCHS": "3", "LENET_BATCH_SIZE": "50", "LENET_DEVICE": "cpu", "LENET_DOWNLOAD": "0"}
OUTPUT_THREADS = 1
OUTPUT_FOLDER = "generated-cifar10-format"  # the data folder, relative to the run's working folder

VOLATILE = [
    (re.compile(r"\(\d+\.\d+ s\)"), "(... s)"),                  # epoch timings
    (re.compile(r"（\d+ 个计算线程）"), "（... 个计算线程）"),  # threads of this machine
]


@dataclass
class CellRun:
    tags: list[str]
    stdout: str = ""
    stderr: str = ""
    figures: list[bytes] = field(default_factory=list)  # PNG images of the figures it left open


@dataclass
class NotebookRun:
    cells: list[CellRun]
    namespace: dict
    exit_code: object = None  # the SystemExit code that stopped the run; None when it ran to the end

    @property
    def stdout(self):
        return "".join(cell.stdout for cell in self.cells)

    @property
    def stderr(self):
        return "".join(cell.stderr for cell in self.cells)

    def cell(self, tag):
        return next(cell for cell in self.cells if tag in cell.tags)


def code_cells(path=PAGE):
    return [cell for cell in jupytext.read(path).cells if cell.cell_type == "code"]


def _figures():
    import matplotlib.pyplot as plt

    images = []
    for number in plt.get_fignums():
        buffer = io.BytesIO()
        plt.figure(number).savefig(buffer, format="png", dpi=72)
        images.append(buffer.getvalue())
    plt.close("all")
    return images


def run_cells(cells, settings=None, threads=OUTPUT_THREADS, namespace=None, keep_figures=True):
    """Run the code cells in order in one namespace, with the LENET_* environment set to exactly
    `settings`, torch limited to `threads` threads; the caller's environment and thread count are
    restored afterwards."""
    import matplotlib
    import torch

    matplotlib.use("Agg")
    saved_env = {key: value for key, value in os.environ.items() if key.startswith("LENET_")}
    saved_threads = torch.get_num_threads()
    namespace = {"__name__": "__main__"} if namespace is None else namespace
    runs, exit_code = [], None
    try:
        for key in saved_env:
            del os.environ[key]
        os.environ.update(settings or {})
        torch.set_num_threads(threads)
        for cell in cells:
            run = CellRun(list(cell.metadata.get("tags", [])))
            runs.append(run)
            out, err = io.StringIO(), io.StringIO()
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    exec(compile(cell.source, str(PAGE), "exec"), namespace)
            except SystemExit as stop:
                exit_code = stop.code
            finally:
                run.stdout, run.stderr = out.getvalue(), err.getvalue()
                figures = _figures()
                run.figures = figures if keep_figures else []
            if exit_code is not None:
                break
    finally:
        for key in [k for k in os.environ if k.startswith("LENET_")]:
            del os.environ[key]
        os.environ.update(saved_env)
        torch.set_num_threads(saved_threads)
    return NotebookRun(runs, namespace, exit_code)


def mask_volatile(text):
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def stored_outputs(notebook=NOTEBOOK):
    """For each code cell of the stored notebook: (its stdout text, the number of figures)."""
    stored = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code":
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            figures = sum(1 for o in cell.outputs if o.output_type == "display_data")
            stored.append((text, figures))
    return stored


def output_run(workdir, trust=None):
    """The run the page shows: the generated data set in workdir, OUTPUT_SETTINGS, one thread.
    trust(checksums_file) makes torchvision's CIFAR10 accept the generated files (default:
    fake_cifar.trust_checksums, for good; the tests pass one that they undo)."""
    from tools.fake_cifar import trust_checksums, write_fake_cifar

    workdir = Path(workdir)
    checksums = write_fake_cifar(workdir / OUTPUT_FOLDER, **OUTPUT_DATA, extracted=False)
    (trust or trust_checksums)(checksums)
    settings = {**OUTPUT_SETTINGS, "LENET_DATA_DIR": OUTPUT_FOLDER}  # checkpoint and figures: the defaults
    cwd = Path.cwd()
    os.chdir(workdir)
    try:
        return run_cells(code_cells(), settings)
    finally:
        os.chdir(cwd)


def write_notebook(run, path=NOTEBOOK):
    notebook = jupytext.read(PAGE)
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["language_info"] = {"name": "python"}
    count = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        result = run.cells[count]
        count += 1
        cell.metadata.pop("tags", None)  # they name cells for tools (bench_lenet); the page would show them as labels
        cell.execution_count = count
        cell.outputs = []
        if result.stdout:
            cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=mask_volatile(result.stdout)))
        for png in result.figures:
            cell.outputs.append(nbformat.v4.new_output(
                "display_data", data={"image/png": base64.b64encode(png).decode("ascii"),
                                      "text/plain": "<Figure>"}))
    nbformat.validate(notebook)
    nbformat.write(notebook, path)


def main():
    with tempfile.TemporaryDirectory(prefix="lenet_outputs_") as tmp:
        run = output_run(tmp)
    if run.exit_code is not None:
        raise SystemExit(f"the notebook stopped early ({run.exit_code!r}):\n{run.stderr[-3000:]}")
    write_notebook(run)
    print(f"wrote {NOTEBOOK.relative_to(ROOT)} ({len(run.cells)} code cells)")


if __name__ == "__main__":
    main()
