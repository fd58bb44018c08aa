"""Benchmark: the original tutorial's LeNet training loop vs. the page's (docs/lenet-cifar10.py).

Same device, same synthetic data set in the CIFAR-10 on-disk format (full-size 32x32 colour images,
read through torchvision's CIFAR10 class), same number of epochs, same seed. Epochs alternate
(original, page, original, page, ...) so that load from other processes hits both alike.
Reports images per second, where the time goes (waiting for the DataLoader vs. compute) and the
final test accuracy of each. The page's functions (LeNet, train_one_epoch, evaluate, the data
set class) are taken from the notebook itself, not copied.

    python tools/bench_lenet.py                                  # 50000/10000 images, 5 epochs
    python tools/bench_lenet.py --train 10000 --test 2000 --epochs 2   # a few minutes on 2 CPU cores

The synthetic classes are a colour and a stripe pattern, blurred by random colour (--jitter) and
noise (--noise) so that accuracy grows over epochs; these figures say nothing about real CIFAR-10.
"""

import argparse
import ast
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TQDM_DISABLE", "1")  # the page's progress bars would flood the report
os.environ.setdefault("MPLBACKEND", "Agg")

import jupytext  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.optim as optim  # noqa: E402
import torchvision.transforms as transforms  # noqa: E402
from torch.utils.data import DataLoader  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.lenet.fake_cifar import write_fake_cifar  # noqa: E402

NOTEBOOK = ROOT / "docs" / "lenet-cifar10.py"


def page_definitions():
    """The imports, functions and classes of the notebook's code cells, without running its training."""
    keep = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)
    namespace = {"__name__": "lenet_page"}
    for cell in jupytext.read(NOTEBOOK).cells:
        if cell.cell_type == "code":
            tree = ast.parse(cell.source)
            tree.body = [node for node in tree.body if isinstance(node, keep)]
            exec(compile(tree, str(NOTEBOOK), "exec"), namespace)
    return namespace


# --- the original's code (section 五), only the data folder and the epoch count are parameters ---

class OriginalLeNet(nn.Module):
    def __init__(self):
        super(OriginalLeNet, self).__init__()
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


def original_epoch(net, train_loader, val_image, val_label, loss_function, optimizer, device):
    """One epoch of the original's loop (device added so both run on the same device)."""
    eval_time = 0.0
    running_loss = 0.0
    for step, data in enumerate(train_loader, start=0):
        inputs, labels = data
        inputs, labels = inputs.to(device), labels.to(device)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = loss_function(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if step % 500 == 499:
            start = time.perf_counter()
            with torch.no_grad():
                outputs = net(val_image)
                predict_y = torch.max(outputs, dim=1)[1]
                accuracy = torch.eq(predict_y, val_label).sum().item() / val_label.size(0)
            running_loss = 0.0
            eval_time += time.perf_counter() - start
    return eval_time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=50000, help="training images (default 50000)")
    parser.add_argument("--test", type=int, default=10000, help="test images (default 10000)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    parser.add_argument("--data", help="folder for the synthetic data set (default: a temporary folder)")
    parser.add_argument("--noise", type=float, default=70.0)
    parser.add_argument("--jitter", type=float, default=0.7)
    parser.add_argument("--batch-size", type=int, default=128, help="the page's batch size (default 128)")
    parser.add_argument("--lr", type=float, default=0.001, help="the page's learning rate (default 0.001)")
    parser.add_argument("--orig-threads", type=int, default=torch.get_num_threads(),
                        help="torch threads for the original loop (default: torch's default, as a reader runs it)")
    args = parser.parse_args()

    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("--device cuda: no CUDA device on this machine")
    device = torch.device("cuda" if args.device != "cpu" and torch.cuda.is_available() else "cpu")
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{torch.get_num_threads()} threads"
    print(f"device: {device} ({name}); torch {torch.__version__}; {os.cpu_count()} CPU cores")

    page = page_definitions()
    tmp = None
    if args.data:
        data = Path(args.data)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="bench_lenet_")
        data = Path(tmp.name)
    if not (data / "checksums.json").exists():
        start = time.perf_counter()
        write_fake_cifar(data, args.train, args.test, seed=0, noise=args.noise, jitter=args.jitter, archive=False)
        print(f"wrote synthetic CIFAR-10 ({args.train} train / {args.test} test) to {data} "
              f"in {time.perf_counter() - start:.1f} s")
    dataset_class = page["cifar10_class"](str(data / "checksums.json"))
    transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))])
    train_set = dataset_class(data, train=True, transform=transform)
    test_set = dataset_class(data, train=False, transform=transform)
    n_train = len(train_set)

    # the original: batch 36, no workers, softmax in forward, Adam lr 1e-4, evaluation on 5000 test images
    orig_loader = Timed(DataLoader(train_set, batch_size=36, shuffle=True, num_workers=0))
    val_image, val_label = next(iter(DataLoader(test_set, batch_size=5000, shuffle=False, num_workers=0)))
    val_image, val_label = val_image.to(device), val_label.to(device)
    torch.manual_seed(0)
    orig_net = OriginalLeNet().to(device)
    orig_opt = optim.Adam(orig_net.parameters(), lr=0.0001)

    # the page: the data set preprocessed once into memory, its loader settings, model and training function
    use_cuda = device.type == "cuda"
    start = time.perf_counter()
    page_train, page_test = (page["preprocess_once"](ds, transform) for ds in (train_set, test_set))
    preprocess_seconds = time.perf_counter() - start
    options = dict(pin_memory=use_cuda)
    page_loader = Timed(DataLoader(page_train, batch_size=args.batch_size, shuffle=True, **options))
    page_loader.wait = preprocess_seconds  # preparing the data counts as data time, in the first epoch
    page_threads = torch.get_num_threads()
    torch.manual_seed(0)
    page_net = page["LeNet"]().to(device, memory_format=torch.channels_last)
    page_opt = optim.Adam(page_net.parameters(), lr=args.lr)
    loss_function = nn.CrossEntropyLoss()
    print(f"original: batch 36, num_workers=0, {args.orig_threads} torch threads, softmax in forward, Adam lr 0.0001")
    print(f"page:     batch {args.batch_size}, data preprocessed once in {preprocess_seconds:.1f} s (counted as data time), "
          f"{page_threads} torch threads, pin_memory={use_cuda}, channels_last, logits, Adam lr {args.lr}")

    totals = {"original": [0.0, 0.0], "page": [0.0, 0.0]}  # [train seconds, evaluation seconds]
    for epoch in range(1, args.epochs + 1):
        sync(device)
        torch.set_num_threads(args.orig_threads)
        start = time.perf_counter()
        orig_net.train()
        totals["original"][1] += original_epoch(orig_net, orig_loader, val_image, val_label, loss_function,
                                                orig_opt, device)
        sync(device)
        orig_seconds = time.perf_counter() - start
        totals["original"][0] += orig_seconds

        torch.set_num_threads(page_threads)
        start = time.perf_counter()
        page["train_one_epoch"](page_net, page_loader, loss_function, page_opt, device)
        sync(device)
        page_seconds = time.perf_counter() - start
        if epoch == 1:
            page_seconds += preprocess_seconds
        totals["page"][0] += page_seconds
        print(f"epoch {epoch}: original {n_train / orig_seconds:7.0f} img/s, page {n_train / page_seconds:7.0f} img/s")

    test_loader = DataLoader(page_test, batch_size=1000, shuffle=False, **options)
    print()
    print(f"{'loop':<10}{'img/s':>9}{'train s':>9}{'data wait':>11}{'compute':>9}{'eval s':>8}{'test acc':>10}")
    results = {}
    for name, net, loader in (("original", orig_net, orig_loader), ("page", page_net, page_loader)):
        seconds, eval_seconds = totals[name]
        train_seconds = seconds - eval_seconds
        _, accuracy, _, _ = page["evaluate"](net, test_loader, loss_function, device)
        results[name] = (n_train * args.epochs / train_seconds, accuracy)
        print(f"{name:<10}{results[name][0]:>9.0f}{train_seconds:>9.1f}{loader.wait:>11.1f}"
              f"{train_seconds - loader.wait:>9.1f}{eval_seconds:>8.1f}{accuracy:>10.3f}")
    speedup = results["page"][0] / results["original"][0]
    print(f"\nthroughput ratio page/original: {speedup:.2f}x on {device}; "
          f"test accuracy after {args.epochs} epochs: original {results['original'][1]:.3f}, "
          f"page {results['page'][1]:.3f}")
    print("data wait = time blocked on the DataLoader (original: per-image PIL -> ToTensor -> Normalize and collation; "
          "page: the one-time preprocessing plus batching from memory); "
          "compute = the rest of the training time (forward, backward, optimizer step, transfers); "
          "eval s = the original's in-loop evaluation every 500 steps, not counted in img/s.")
    if tmp:
        tmp.cleanup()
    return speedup, results


if __name__ == "__main__":
    main()
