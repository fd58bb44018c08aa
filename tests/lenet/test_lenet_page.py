"""The LeNet / CIFAR-10 page: its notebook runs top to bottom on a tiny synthetic data set in the
real CIFAR-10 format, learns, resumes, survives Ctrl-C, and answers bad input with one message."""

import hashlib
import json
import signal
import time
import urllib.error
from pathlib import Path

import jupytext
import pytest
import torch
import torch.nn as nn

from tests.lenet.conftest import N_TEST, N_TRAIN, NOTEBOOK, start_script
from tests.lenet.fake_cifar import ARCHIVE, BASE

URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def load(path):
    return torch.load(path, weights_only=True)


# --- the page is a notebook -----------------------------------------------------------

def test_page_is_a_percent_notebook_without_main_guard():
    text = NOTEBOOK.read_text("utf-8")
    notebook = jupytext.read(NOTEBOOK)
    assert not [c for c in notebook.cells if c.cell_type == "code" and "__main__" in c.source]
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds.count("markdown") >= 10 and kinds.count("code") >= 10
    assert notebook.cells[0].source.startswith("# 五、综合案例")
    # the figures the page shows are the ones the notebook writes
    for name in ("lenet_curves.png", "lenet_predictions.png"):
        assert f"../img/{name}" in text and f'IMG_DIR / "{name}"' in text


# --- a full run, then a resumed one -----------------------------------------------------

def test_runs_top_to_bottom_learns_and_resumes(lenet_env, run_notebook, tmp_path):
    """Run All, as in Jupyter: the archive alone is enough, the loss falls, accuracy beats chance."""
    done = run_notebook(lenet_env)
    assert done.exit_code is None, done.exit_code
    out = done.out
    assert "使用设备: cpu" in out
    assert "解压" in out  # the archive was checked and extracted, no network
    assert f"训练集 {N_TRAIN} 张，测试集 {N_TEST} 张" in out and "合成数据" in out
    assert "[epoch 2/2]" in out and "Finished Training" in out
    assert "epochs: 100%" in done.err and "batch/s" in done.err  # progress bars
    assert "测试集准确率" in out and "airplane:" in out and "truck:" in out  # accuracy per class

    state = load(lenet_env["LENET_CHECKPOINT"])
    assert state["epoch"] == 2
    history = state["history"]
    assert history["train_loss"][1] < history["train_loss"][0] < 2.5
    assert history["test_acc"][-1] >= 0.5, history  # chance is 0.1
    for name in ("lenet_curves.png", "lenet_predictions.png"):
        assert (tmp_path / "img" / name).stat().st_size > 10_000

    # the data set preprocessed once equals the per-image ToTensor + Normalize of the original
    ns = done.ns
    for dataset, cached in ((ns["train_set"], ns["train_data"]), (ns["test_set"], ns["test_data"])):
        assert len(cached) == len(dataset)
        for index in (0, 1, len(dataset) - 1):
            image, label = dataset[index]
            assert torch.equal(cached[index][0], image) and cached[index][1].item() == label

    resumed = run_notebook({**lenet_env, "LENET_EPOCHS": "3"})
    assert resumed.exit_code is None
    assert "已完成 2 轮，从第 3 轮继续" in resumed.out
    assert "[epoch 3/3]" in resumed.out and "[epoch 1/3]" not in resumed.out
    state = load(lenet_env["LENET_CHECKPOINT"])
    assert state["epoch"] == 3 and len(state["history"]["test_acc"]) == 3
    assert state["history"]["train_loss"][:2] == history["train_loss"]

    again = run_notebook({**lenet_env, "LENET_EPOCHS": "3"})
    assert again.exit_code is None and "跳过训练" in again.out and "[epoch" not in again.out


def test_script_ctrl_c_saves_and_exits_cleanly(lenet_env, tmp_path):
    """python docs/lenet-cifar10.py, then a real SIGINT once the first epoch is saved."""
    checkpoint = tmp_path / "model" / "lenet_cifar10.pt"
    process = start_script({**lenet_env, "LENET_EPOCHS": "1000"}, tmp_path)
    try:
        deadline = time.monotonic() + 90
        while not checkpoint.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert checkpoint.exists(), "no checkpoint after the first epoch"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err[-3000:]
    assert "Traceback" not in err
    assert "使用设备: cpu" in out  # (the SIGINT may land before the epoch line is printed)
    assert "训练被中断" in out and "重新运行即从这里继续" in out
    state = load(checkpoint)
    assert state["epoch"] >= 1 and len(state["history"]["test_acc"]) == state["epoch"]
    assert [p.name for p in checkpoint.parent.iterdir()] == [checkpoint.name]  # no temp files left


# --- bad input: one clear message, nothing lost -----------------------------------------

def assert_data_message(run, *phrases):
    assert isinstance(run.exit_code, str), run.exit_code  # SystemExit(message): no traceback
    message = run.exit_code
    assert message.startswith("数据集不可用：")
    for phrase in phrases:
        assert phrase in message, message


def test_missing_data_says_what_to_download_and_where(lenet_env, run_notebook, tmp_path):
    empty = tmp_path / "nothing-here"
    run = run_notebook({**lenet_env, "LENET_DATA_DIR": str(empty)})
    assert_data_message(run, "找不到", URL, str(empty.resolve() / ARCHIVE), "LENET_DATA_DIR")
    assert "训练集" not in run.out


def test_failed_download_says_what_to_download_and_where(lenet_env, run_notebook, tmp_path, monkeypatch):
    def offline(*args, **kwargs):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr("torchvision.datasets.utils.download_url", offline)
    empty = tmp_path / "nothing-here"
    run = run_notebook({**lenet_env, "LENET_DATA_DIR": str(empty), "LENET_DOWNLOAD": "1"})
    assert_data_message(run, "自动下载也失败了", "no network", URL, str(empty.resolve() / ARCHIVE))


def test_truncated_archive_is_reported_not_used(lenet_env, run_notebook, data_dir):
    archive = data_dir / ARCHIVE
    archive.write_bytes(archive.read_bytes()[:5000])
    run = run_notebook(lenet_env)
    assert_data_message(run, "已损坏", "MD5 不符", URL, str(archive.resolve()))
    assert archive.stat().st_size == 5000  # left for the reader to look at


def test_archive_that_cannot_be_extracted(lenet_env, run_notebook, data_dir, tmp_path):
    """Even an archive whose MD5 matches the manifest can be broken: that is reported too."""
    archive = data_dir / ARCHIVE
    archive.write_bytes(archive.read_bytes()[:5000])
    manifest = tmp_path / "checksums.json"
    original = json.loads(open(lenet_env["LENET_CHECKSUMS"], encoding="utf-8").read())
    manifest.write_text(json.dumps({**original, ARCHIVE: hashlib.md5(archive.read_bytes()).hexdigest()}))
    run = run_notebook({**lenet_env, "LENET_CHECKSUMS": str(manifest)})
    assert_data_message(run, "无法解压", URL)


def test_damaged_extracted_files_are_reported(lenet_env, run_notebook, extracted_dir):
    (extracted_dir / BASE / "data_batch_3").write_bytes(b"not a pickle")
    run = run_notebook({**lenet_env, "LENET_DATA_DIR": str(extracted_dir)})
    assert_data_message(run, "不完整或已损坏", "MD5 不符", URL)


def test_garbage_pickle_that_passes_md5_is_reported(lenet_env, run_notebook, extracted_dir, tmp_path):
    batch = extracted_dir / BASE / "data_batch_3"
    batch.write_bytes(b"\x80\x04garbage")
    original = json.loads(open(lenet_env["LENET_CHECKSUMS"], encoding="utf-8").read())
    manifest = tmp_path / "checksums.json"
    manifest.write_text(json.dumps({**original, "data_batch_3": hashlib.md5(batch.read_bytes()).hexdigest()}))
    run = run_notebook({**lenet_env, "LENET_DATA_DIR": str(extracted_dir), "LENET_CHECKSUMS": str(manifest)})
    assert_data_message(run, "内容无法读取", "删除或移走")


class Other(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)


def other_model_state_dict(path):
    torch.save(Other().state_dict(), path)


def whole_model(path):
    torch.save(Other(), path)


def garbage(path):
    path.write_bytes(b"PK\x03\x04 this is not a checkpoint")


def lenet_format_other_shapes(path):
    state = {"format": "lenet-cifar10/1", "epoch": 1, "history": {}, "model": Other().state_dict(),
             "optimizer": {}}
    torch.save(state, path)


@pytest.mark.parametrize("write, phrase", [
    (other_model_state_dict, "不是本页 LeNet 的检查点"),
    (whole_model, "weights_only=True 不允许"),
    (garbage, "已损坏"),
    (lenet_format_other_shapes, "不匹配"),
], ids=["state_dict-of-another-model", "whole-pickled-model", "corrupt-file", "other-architecture"])
def test_unusable_checkpoint_gives_a_message_and_is_kept(lenet_env, run_notebook, write, phrase):
    checkpoint = lenet_env["LENET_CHECKPOINT"]
    path = Path(checkpoint)
    path.parent.mkdir(parents=True)
    write(path)
    before = path.read_bytes()
    run = run_notebook(lenet_env)
    assert isinstance(run.exit_code, str) and run.exit_code.startswith("检查点不可用："), run.exit_code
    assert phrase in run.exit_code and "文件没有被修改" in run.exit_code
    assert "[epoch" not in run.out
    assert path.read_bytes() == before


def test_checkpoint_write_interrupted_keeps_the_old_file(lenet_env, run_notebook, monkeypatch):
    """Writing goes to a temp file, then os.replace: an interruption mid-write leaves the old checkpoint."""
    path = Path(lenet_env["LENET_CHECKPOINT"])
    path.parent.mkdir(parents=True)
    garbage(path)
    run = run_notebook(lenet_env)  # stops at the (unusable) checkpoint, after defining save_checkpoint
    ns = run.ns
    ns["save_checkpoint"](path, ns["model"], ns["optimizer"], 1, {"test_acc": [0.5]})
    good = path.read_bytes()
    assert load(path)["epoch"] == 1

    def save_half_then_ctrl_c(obj, f):
        f.write(b"PK\x03\x04 half a checkpoint")
        raise KeyboardInterrupt

    monkeypatch.setattr(torch, "save", save_half_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        ns["save_checkpoint"](path, ns["model"], ns["optimizer"], 2, {"test_acc": [0.5, 0.6]})
    assert path.read_bytes() == good
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize("name, value", [("LENET_EPOCHS", "five"), ("LENET_BATCH_SIZE", "0"),
                                         ("LENET_DEVICE", "gpu"), ("LENET_DOWNLOAD", "yes")])
def test_bad_setting_names_the_variable(lenet_env, run_notebook, name, value):
    run = run_notebook({**lenet_env, name: value})
    assert isinstance(run.exit_code, str) and run.exit_code.startswith(f"环境变量 {name}={value!r} 不合法")


def test_asking_for_cuda_without_it_says_so(lenet_env, run_notebook, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    run = run_notebook({**lenet_env, "LENET_DEVICE": "cuda"})
    assert isinstance(run.exit_code, str) and "没有可用的 CUDA 设备" in run.exit_code


# --- CUDA -------------------------------------------------------------------------------

@pytest.mark.cuda
@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")
def test_runs_on_cuda(lenet_env, run_notebook):
    done = run_notebook({**lenet_env, "LENET_DEVICE": "auto"})
    assert done.exit_code is None, done.exit_code
    assert "使用设备: cuda" in done.out and "pin_memory=True" in done.out
    state = torch.load(lenet_env["LENET_CHECKPOINT"], weights_only=True, map_location="cpu")
    assert state["history"]["test_acc"][-1] >= 0.5
