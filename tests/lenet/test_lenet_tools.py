"""The tools around the LeNet page: the benchmark runs the page's own cells, and the hook that
gives the notebook page's headings the site's Chinese anchors."""

import notebook_anchors  # hooks/notebook_anchors.py (pytest pythonpath, as MkDocs imports it)
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


def test_notebook_headings_keep_their_chinese_text():
    html = notebook_anchors.heading_with_anchor("<h2>第一部分：核心步骤</h2>")
    assert 'id="第一部分核心步骤"' in html and 'href="#第一部分核心步骤"' in html
    tokens = notebook_anchors.markdown_toc("# 五、综合案例：LeNet 与 CIFAR-10\n\n### 1. 数据：CIFAR-10 与预处理\n", 6)
    assert tokens[0]["id"] == "五综合案例lenet-与-cifar-10"
    assert tokens[0]["children"][0]["id"] == "1-数据cifar-10-与预处理"
