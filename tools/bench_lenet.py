"""Benchmark: where LeNet's training time goes, from the original tutorial's loop to the page's,
one change at a time (an ablation).

    python -m tools.bench_lenet --train 4000 --test 1000 --epochs 3    # the page's figures, about a minute
    python -m tools.bench_lenet                                        # 50000/10000 images, 5 epochs

Rows, each adding one change to the row above, all on the same device, data and seed:
  original         the original's code: per-image PIL -> ToTensor -> Normalize in the DataLoader,
                   batch 36, softmax in forward, Adam lr 0.0001, loss.item() every step
  page loop        the page's LeNet and train_one_epoch, still per-image transform, batch 36,
                   default memory layout
  + preprocess     the data set preprocessed once (the page's preprocess_once; its time counted)
  + batch 128      the page's batch size
  + channels_last  the page's memory layout: this row is the page
Epochs alternate between the rows, so that load from other processes hits all alike, and each
row's figure is its fastest epoch (as timeit takes the best of several runs: other processes only
ever add time). For each row: images per second in that epoch, its data wait (blocked on the
DataLoader) and compute, the one-time preprocessing, the speed-up over the row above, and its share
of the time saved: the seconds per epoch it saves over the row above, as a part of all the seconds
the page saves over the original (so the shares add up to 100%; a row that is slower has a negative
share). One run's figures vary with the load on the machine: compare several runs before trusting a
small difference.

The page's code is not copied: its code cells tagged PAGE_CELLS are run (tools/lenet_notebook.py),
and a missing tag stops the benchmark with a message. The data set is generated in CIFAR-10's
on-disk format (tools/fake_cifar.py); its figures say nothing about accuracy on real CIFAR-10.
"""

import argparse
import functools
import os
import tempfile
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from tools.fake_cifar import trust_checksums, write_fake_cifar
from tools.lenet_notebook import code_cells, run_cells

PAGE_CELLS = ["imports", "settings", "data", "preprocess", "model", "loss", "train", "evaluate"]


def page_definitions():
    """Run the page's cells tagged PAGE_CELLS (definitions only, no training); return their namespace."""
    cells = {tag: cell for cell in code_cells() for tag in cell.metadata.get("tags", [])}
    missing = [tag for tag in PAGE_CELLS if tag not in cells]
    if missing:
        raise SystemExit(f"docs/lenet-cifar10.py has no code cell tagged {missing}: "
                         "update PAGE_CELLS in tools/bench_lenet.py")
    run = run_cells([cells[tag] for tag in PAGE_CELLS], settings={}, threads=torch.get_num_threads())
    if run.exit_code is not None:
        raise SystemExit(f"the page's cells stopped: {run.exit_code!r}")
    run.namespace["tqdm"] = functools.partial(run.namespace["tqdm"], disable=True)  # no progress bars here
    return run.namespace


class OriginalLeNet(nn.Module):
    """The original's network (section 五), softmax in forward included."""

    def __init__(self):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.Conv2d(3, 16, 5), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2),
            nn.Conv2d(16, 32, 5), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(32 * 5 * 5, 120), nn.ReLU(inplace=True),
            nn.Linear(120, 84), nn.ReLU(inplace=True),
            nn.Linear(84, 10),
        )

    def forward(self, x):
        features = self.conv_block(x)
        flat_features = torch.flatten(features, start_dim=1)
        out = torch.nn.Softmax(dim=1)(self.classifier(flat_features))
        return out


def original_epoch(net, loader, loss_function, optimizer, device):
    """One epoch of the original's loop (its evaluation every 500 steps left out of the timing)."""
    net.train()
    running_loss = 0.0
    for inputs, labels in loader:
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()


class Timed:
    """Wraps a DataLoader; adds up the time spent waiting for the next batch."""

    def __init__(self, loader):
        self.loader, self.wait = loader, 0.0

    def __len__(self):
        return len(self.loader)

    def __iter__(self):
        iterator = iter(self.loader)
        while True:
            start = time.perf_counter()
            try:
                batch = next(iterator)
            except StopIteration:
                return
            finally:
                self.wait += time.perf_counter() - start
            yield batch


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def build_rows(page, train_set, device, batch_size):
    """(name, model, optimizer, loader, one-epoch function, seconds spent before the first epoch)."""
    loss_function = page["loss_function"]
    pin = device.type == "cuda"
    rows = []

    torch.manual_seed(0)
    net = OriginalLeNet().to(device)
    loader = Timed(DataLoader(train_set, batch_size=36, shuffle=True))
    opt = optim.Adam(net.parameters(), lr=0.0001)
    rows.append(("original", net, loader,
                 lambda n=net, lo=loader, o=opt: original_epoch(n, lo, loss_function, o, device), 0.0))

    start = time.perf_counter()
    preprocessed = page["preprocess_once"](train_set)
    preprocess_seconds = time.perf_counter() - start
    for name, data, batch, layout, setup in (
        ("page loop", train_set, 36, torch.contiguous_format, 0.0),
        ("+ preprocess", preprocessed, 36, torch.contiguous_format, preprocess_seconds),
        ("+ batch 128", preprocessed, batch_size, torch.contiguous_format, preprocess_seconds),
        ("+ channels_last", preprocessed, batch_size, torch.channels_last, preprocess_seconds),
    ):
        torch.manual_seed(0)
        net = page["LeNet"]().to(device, memory_format=layout)
        loader = Timed(DataLoader(data, batch_size=batch, shuffle=True, pin_memory=pin))
        opt = optim.Adam(net.parameters(), lr=0.001)

        def epoch(n=net, lo=loader, o=opt, layout=layout):
            page["train_one_epoch"](n, lo, loss_function, o, device, memory_format=layout)

        rows.append((name, net, loader, epoch, setup))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=50000, help="training images (default 50000)")
    parser.add_argument("--test", type=int, default=10000, help="test images (default 10000)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    parser.add_argument("--data", help="folder for the generated data set (default: a temporary folder)")
    parser.add_argument("--noise", type=float, default=70.0)
    parser.add_argument("--jitter", type=float, default=0.7)
    parser.add_argument("--batch-size", type=int, default=128, help="the page's batch size (default 128)")
    args = parser.parse_args(argv)

    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda: no CUDA device on this machine")
    device = torch.device("cuda" if args.device != "cpu" and torch.cuda.is_available() else "cpu")
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{torch.get_num_threads()} threads"
    print(f"device: {device} ({name}); torch {torch.__version__}; {os.cpu_count()} CPU cores")

    page = page_definitions()
    with tempfile.TemporaryDirectory(prefix="bench_lenet_") as tmp:
        data = Path(args.data or tmp)
        if not (data / "checksums.json").exists():
            write_fake_cifar(data, args.train, args.test, seed=0, noise=args.noise, jitter=args.jitter, archive=False)
        trust_checksums(data / "checksums.json")
        train_set, test_set = page["open_cifar10"](data, download=False)
        print(f"data: generated, CIFAR-10 format, {len(train_set)} train / {len(test_set)} test images; "
              f"{args.epochs} epochs")

        rows = build_rows(page, train_set, device, args.batch_size)
        epochs = {row[0]: [] for row in rows}  # (seconds, data wait) of each epoch
        for _ in range(args.epochs):
            for row_name, _, loader, epoch, _ in rows:
                sync(device)
                wait, start = loader.wait, time.perf_counter()
                epoch()
                sync(device)
                epochs[row_name].append((time.perf_counter() - start, loader.wait - wait))

        test_loader = DataLoader(page["preprocess_once"](test_set), batch_size=1000)
        results = {}
        print(f"\n{'row':<17}{'img/s':>8}{'epoch s':>9}{'data wait':>11}{'compute':>9}{'setup s':>9}"
              f"{'step':>7}{'share':>7}{'test acc':>10}")
        previous = None
        for row_name, net, _, _, setup in rows:
            seconds, wait = min(epochs[row_name])
            speed = len(train_set) / seconds
            _, accuracy, _, _ = page["evaluate"](net, test_loader, page["loss_function"], device)
            results[row_name] = {"img/s": speed, "seconds": seconds, "data wait": wait, "setup": setup,
                                 "step": speed / previous if previous else 1.0, "accuracy": accuracy}
            previous = speed
        total = results["+ channels_last"]["img/s"] / results["original"]["img/s"]
        saved = results["original"]["seconds"] - results["+ channels_last"]["seconds"]
        previous = None
        for row_name, r in results.items():
            share = (previous - r["seconds"]) / saved if previous is not None and saved else 0.0
            r["share"], previous = share, r["seconds"]
            print(f"{row_name:<17}{r['img/s']:>8.0f}{r['seconds']:>9.2f}{r['data wait']:>11.2f}"
                  f"{r['seconds'] - r['data wait']:>9.2f}{r['setup']:>9.2f}{r['step']:>6.2f}x{share:>7.0%}"
                  f"{r['accuracy']:>10.3f}")
        print(f"\npage / original: {total:.2f}x on {device}, fastest of {args.epochs} epochs per row. "
              "data wait = blocked on the DataLoader (per-image transform and collation, or batching from memory); "
              "compute = the rest (forward, backward, optimizer step); setup s = the one-time preprocessing; "
              "share = seconds per epoch saved over the row above / all seconds saved (original - page).")
    return results


if __name__ == "__main__":
    main()
