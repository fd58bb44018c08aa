"""The tools around the LeNet page: the benchmark runs the page's own cells."""

import pytest
import torch

from tools import bench_lenet


def test_benchmark_runs_the_pages_cells_on_a_tiny_size(capsys):
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        results = bench_lenet.main(["--train", "36", "--test", "20", "--epochs", "1", "--device", "cpu",
                                    "--batch-size", "36"])
    finally:
        torch.set_num_threads(threads)
    assert list(results) == ["original", "page loop", "+ preprocess", "+ batch 128", "+ channels_last"]
    report = capsys.readouterr().out
    assert "36 train / 20 test images" in report and "page / original:" in report
    shares = [r["share"] for name, r in results.items() if name != "original"]
    assert abs(sum(shares) - 1) < 1e-6  # the steps' shares make up the whole speed-up


def test_benchmark_names_a_missing_cell(monkeypatch):
    monkeypatch.setattr(bench_lenet, "PAGE_CELLS", [*bench_lenet.PAGE_CELLS, "no-such-cell"])
    with pytest.raises(SystemExit, match="no-such-cell"):
        bench_lenet.page_definitions()

