"""Fixtures for the LeNet page (docs/lenet-cifar10.py, stored with its outputs as .ipynb): a small data set in
CIFAR-10's on-disk format (tools/fake_cifar.py), whose MD5s torchvision's CIFAR10 trusts for the duration of a
test; the page run cell by cell in this process (tools/lenet_notebook.py)."""

import shutil

import pytest
from torchvision.datasets import CIFAR10

from tools.fake_cifar import ARCHIVE, checksum_attributes, write_fake_cifar
from tools.lenet_notebook import OUTPUT_DATA, OUTPUT_FOLDER, code_cells, output_run, run_cells, write_notebook


@pytest.fixture(scope="session")
def fake_cifar(tmp_path_factory):
    """The data set of the page's stored outputs: the archive, the extracted folder and checksums.json."""
    root = tmp_path_factory.mktemp("fake_cifar")
    write_fake_cifar(root, **OUTPUT_DATA)
    return root


def trust(monkeypatch, checksums):
    for name, value in checksum_attributes(checksums).items():
        monkeypatch.setattr(CIFAR10, name, value)


@pytest.fixture
def trusted(monkeypatch, fake_cifar):
    """torchvision's CIFAR10 accepts the generated files, for this test only."""
    trust(monkeypatch, fake_cifar / "checksums.json")
    return lambda checksums: trust(monkeypatch, checksums)


@pytest.fixture(scope="session")
def page_run(tmp_path_factory):
    """The run the committed notebook comes from, repeated by the same tool once for all tests
    that read it: (the NotebookRun, its working folder, where the tool wrote notebook.ipynb)."""
    workdir = tmp_path_factory.mktemp("page_run")
    with pytest.MonkeyPatch.context() as monkeypatch:
        recorded = output_run(workdir, trust=lambda checksums: trust(monkeypatch, checksums))
    run = recorded.run
    assert run.exit_code is None, f"the page stopped early: {run.exit_code!r}\n{run.stderr[-3000:]}"
    write_notebook(recorded, workdir / "notebook.ipynb")
    return run, workdir


@pytest.fixture
def data_dir(tmp_path, fake_cifar):
    """A fresh copy of the data set that a test may damage: the archive only, as a reader downloads it by hand."""
    root = tmp_path / OUTPUT_FOLDER
    root.mkdir()
    shutil.copy(fake_cifar / ARCHIVE, root)
    return root


@pytest.fixture
def lenet_env(data_dir):
    """Settings for a short CPU run on the small data set; paths relative to the test's folder."""
    return {"LENET_DATA_DIR": data_dir.name, "LENET_DOWNLOAD": "0", "LENET_EPOCHS": "1",
            "LENET_BATCH_SIZE": "50", "LENET_DEVICE": "cpu", "LENET_CHECKPOINT": "model/lenet_cifar10.pt"}


@pytest.fixture
def run_notebook(monkeypatch, tmp_path, trusted):
    """Run the page's cells top to bottom in this process, in tmp_path, as Jupyter's "Run All"; up to `until`."""

    def run(settings, until=None):
        monkeypatch.chdir(tmp_path)
        cells = code_cells()
        if until:
            cells = cells[:next(i for i, c in enumerate(cells) if until in c.metadata.get("tags", [])) + 1]
        return run_cells(cells, settings, keep_figures=False)

    return run

