"""The tools around the LeNet page: the benchmark runs the page's own cells; the notebook tool fails safely."""

import errno

import pytest
import torch

from tools import bench_lenet, lenet_notebook


def test_benchmark_runs_the_pages_cells_on_a_tiny_size_and_names_a_missing_one(capsys, monkeypatch):
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        results = bench_lenet.main("--train 36 --test 20 --epochs 1 --device cpu --batch-size 36".split())
    finally:
        torch.set_num_threads(threads)
    assert list(results) == ["original", "page loop", "+ preprocess", "+ batch 128", "+ channels_last"]
    report = capsys.readouterr().out
    assert "36 train / 20 test images" in report and "page / original:" in report
    shares = [r["share"] for name, r in results.items() if name != "original"]
    assert abs(sum(shares) - 1) < 1e-6  # the steps' shares make up the whole speed-up
    monkeypatch.setattr(bench_lenet, "PAGE_CELLS", [*bench_lenet.PAGE_CELLS, "no-such-cell"])
    with pytest.raises(SystemExit, match="no-such-cell"):
        bench_lenet.page_definitions()


@pytest.mark.parametrize("argument, message", [
    (["--min-accuracy", "nan"], "'nan' is not a test accuracy between 0 and 1"),
    (["--min-accuracy", "45"], "'45' is not a test accuracy between 0 and 1"),
    (["--output", "file/page.ipynb"], "file/page.ipynb: its folder is not writable"),
])
def test_deploy_tool_checks_its_arguments_before_running(monkeypatch, tmp_path, capsys, argument, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("a file, not a folder")
    (tmp_path / lenet_notebook.ARCHIVE).write_bytes(b"")
    monkeypatch.setattr(lenet_notebook, "data_run", lambda *args: pytest.fail("ran with bad arguments"))
    with pytest.raises(SystemExit) as stop:
        lenet_notebook.main(["--data", ".", "--output", "page.ipynb", *argument])
    assert stop.value.code == 2 and message in capsys.readouterr().err


def test_deploy_tool_leaves_the_previous_notebook_when_the_disk_is_full(monkeypatch, tmp_path, capsys, page_run):
    notebook, previous = tmp_path / "page.ipynb", '{"the previous": "notebook"}'
    notebook.write_text(previous)
    recorded = lenet_notebook.Recorded(page_run[0], lenet_notebook.DataSet("0" * 32, True), "record")
    monkeypatch.setattr(lenet_notebook, "output_run", lambda workdir: recorded)

    def full_disk(notebook, file):
        file.write("{ half a notebook")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(lenet_notebook.nbformat, "write", full_disk)
    with pytest.raises(SystemExit) as stop:
        lenet_notebook.main(["--output", str(notebook)])
    assert stop.value.code == 4 and "No space left on device" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["page.ipynb"] and notebook.read_text() == previous
