"""The LeNet page as built: outputs under its cells, no prompt gutter, both downloads valid."""

import jupytext
import nbformat
import pytest

from tools.lenet_notebook import PAGE

pytestmark = pytest.mark.xdist_group("site")  # shares the site build with tests/test_site.py


def test_page_is_built_with_outputs_and_its_downloads(built_site):
    site, _ = built_site
    html = (site / "lenet-cifar10" / "index.html").read_text("utf-8")
    assert "训练集 500 张，测试集 200 张" in html and "[epoch 3/3]" in html  # stored outputs rendered
    assert "<strong>运行记录</strong>" in html and "<li>数据：按 CIFAR-10 磁盘格式生成的数据集" in html
    assert html.count('<details class="success">\n<summary>参考答案</summary>') == 3  # folded answers
    assert html.count('src="data:image/png;base64,') == 2  # the two figures
    assert 'class="jp-InputPrompt' not in html and "In&nbsp;[" not in html  # no In [ ]: gutter
    assert 'href="lenet-cifar10.ipynb"' in html and 'href="../lenet-cifar10.py"' in html

    notebook = nbformat.read(site / "lenet-cifar10" / "lenet-cifar10.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert any(cell.get("outputs") for cell in notebook.cells)
    script = site / "lenet-cifar10.py"
    assert script.read_text("utf-8") == PAGE.read_text("utf-8")
    assert len(jupytext.read(script).cells) + 1 == len(notebook.cells)  # + the run record
