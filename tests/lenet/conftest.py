"""Fixtures for the LeNet page: a tiny synthetic CIFAR-10 in the real on-disk format, and two
ways to run the page's notebook (docs/lenet-cifar10.py) top to bottom: as a script in a
subprocess, or in this process (faster: torch is imported once)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from tests.lenet.fake_cifar import ARCHIVE, BASE, write_fake_cifar

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "lenet-cifar10.py"
N_TRAIN, N_TEST = 500, 200


@pytest.fixture(scope="session")
def fake_cifar(tmp_path_factory):
    """Both the archive and the extracted folder, with checksums.json listing their MD5s."""
    root = tmp_path_factory.mktemp("fake_cifar")
    write_fake_cifar(root, N_TRAIN, N_TEST)
    return root


@pytest.fixture
def data_dir(tmp_path, fake_cifar):
    """A fresh copy of the data set that a test may damage: the archive only, as a reader
    who downloaded it by hand would have it."""
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(fake_cifar / ARCHIVE, root)
    return root


@pytest.fixture
def extracted_dir(tmp_path, fake_cifar):
    """A fresh copy holding only the extracted cifar-10-batches-py/ folder."""
    root = tmp_path / "extracted"
    shutil.copytree(fake_cifar / BASE, root / BASE)
    return root


@pytest.fixture
def lenet_env(tmp_path, fake_cifar, data_dir):
    """Settings for a short CPU run on the tiny data set, everything written under tmp_path."""
    return {
        "LENET_DATA_DIR": str(data_dir),
        "LENET_CHECKSUMS": str(fake_cifar / "checksums.json"),
        "LENET_DOWNLOAD": "0",
        "LENET_EPOCHS": "2",
        "LENET_BATCH_SIZE": "50",
        "LENET_DEVICE": "cpu",
        "LENET_CHECKPOINT": str(tmp_path / "model" / "lenet_cifar10.pt"),
        "LENET_IMG_DIR": str(tmp_path / "img"),
    }


def script_env(settings):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LENET_")}
    # one thread: the suite runs on 2 cores with xdist, and oversubscribed OpenMP threads crawl
    env.update(settings, OMP_NUM_THREADS="1", MPLBACKEND="Agg", PYTHONUNBUFFERED="1")
    return env


@pytest.fixture
def run_script(tmp_path):
    """Run the notebook as a script (python docs/lenet-cifar10.py) with these settings."""

    def run(settings, timeout=120):
        return subprocess.run([sys.executable, str(NOTEBOOK)], env=script_env(settings), cwd=tmp_path,
                              capture_output=True, text=True, encoding="utf-8", timeout=timeout)

    return run


def start_script(settings, cwd):
    """Start the notebook as a script; the caller talks to the process."""
    return subprocess.Popen([sys.executable, str(NOTEBOOK)], cwd=cwd, env=script_env(settings),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


class Run:
    def __init__(self, namespace, exit_code, out, err):
        self.ns, self.exit_code, self.out, self.err = namespace, exit_code, out, err


@pytest.fixture
def run_notebook(monkeypatch, capsys, tmp_path):
    """Execute the notebook's code top to bottom in this process, as Jupyter's "Run All" would.
    Returns the namespace, the SystemExit code (None when it ran to the end) and stdout."""

    def run(settings):
        for key in [k for k in os.environ if k.startswith("LENET_")]:
            monkeypatch.delenv(key)
        for key, value in settings.items():
            monkeypatch.setenv(key, value)
        monkeypatch.chdir(tmp_path)
        code = compile(NOTEBOOK.read_text("utf-8"), str(NOTEBOOK), "exec")
        namespace = {"__name__": "__main__"}
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        exit_code = None
        try:
            exec(code, namespace)
        except SystemExit as stop:
            exit_code = stop.code
        finally:
            torch.set_num_threads(threads)
            import matplotlib.pyplot as plt
            plt.close("all")
        captured = capsys.readouterr()
        return Run(namespace, exit_code, captured.out, captured.err)

    return run
