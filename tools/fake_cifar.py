"""A small generated data set in the real CIFAR-10 on-disk format, for the tests, the benchmark
and the stored outputs of the LeNet page.

`cifar-10-python.tar.gz` holding `cifar-10-batches-py/` with the pickles data_batch_1..5,
test_batch and batches.meta, exactly as the real archive lays them out (dicts with `data`, a
uint8 array of shape (N, 3072) in R, G, B planes, and `labels`). Each class is a distinct colour
and stripe pattern plus noise, so a network can learn it; `noise` and `jitter` make it harder.

Since these files are not the official ones, their MD5s differ from those torchvision has
built in. `checksums.json` lists the MD5 of every file written here, and `trust_checksums`
puts them into torchvision's `CIFAR10` class in the running process, from outside the page:
the page still verifies every file, with torchvision's class unchanged but for its MD5 table.

    python -m tools.fake_cifar OUT_DIR [--train N] [--test N]           # write a data set
    python -m tools.fake_cifar --run OUT_DIR/checksums.json SCRIPT.py    # run a script that reads it
"""

import argparse
import hashlib
import json
import pickle
import runpy
import shutil
import sys
import tarfile
from pathlib import Path

import numpy as np

CLASSES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
BASE = "cifar-10-batches-py"
ARCHIVE = "cifar-10-python.tar.gz"


def make_images(labels, rng, noise=40.0, jitter=0.0):
    """uint8 images (N, 32, 32, 3): class colour + class stripe pattern + Gaussian noise.

    jitter in [0, 1] mixes a random colour into each image and weakens the pattern, so the
    classes overlap and accuracy climbs over several epochs instead of at once."""
    n = len(labels)
    hues = np.linspace(0, 2 * np.pi, len(CLASSES), endpoint=False)
    colours = 128 + 90 * np.stack([np.cos(hues), np.cos(hues - 2.1), np.cos(hues + 2.1)], axis=1)
    yy, xx = np.mgrid[0:32, 0:32]
    patterns = []
    for k in range(len(CLASSES)):
        angle = np.pi * k / len(CLASSES)
        freq = 0.35 + 0.08 * (k % 3)
        patterns.append(np.sin(freq * (np.cos(angle) * xx + np.sin(angle) * yy)))
    patterns = np.stack(patterns)  # (10, 32, 32)
    base = colours[labels] * (1 - jitter) + rng.uniform(40, 215, (n, 3)) * jitter
    pattern = patterns[labels] * 45 * (1 - 0.6 * jitter)
    shift = rng.integers(0, 8, n)  # random phase: the pattern is not a fixed template
    pattern = np.stack([np.roll(p, s, axis=1) for p, s in zip(pattern, shift)])
    images = base[:, None, None, :] + pattern[..., None] + rng.normal(0, noise, (n, 32, 32, 3))
    return np.clip(images, 0, 255).astype(np.uint8)


def md5(path):
    return hashlib.md5(Path(path).read_bytes()).hexdigest()


def write_fake_cifar(root, n_train=500, n_test=200, seed=0, noise=40.0, jitter=0.0,
                     archive=True, extracted=True):
    """Write the data set under root; return the path of checksums.json."""
    root = Path(root)
    folder = root / BASE
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)

    def batch(n, name):
        labels = np.arange(n) % len(CLASSES)
        rng.shuffle(labels)
        data = make_images(labels, rng, noise, jitter).transpose(0, 3, 1, 2).reshape(n, 3072)
        entry = {"batch_label": name, "labels": labels.tolist(), "data": data,
                 "filenames": [f"img_{i}.png" for i in range(n)]}
        with open(folder / name, "wb") as f:
            pickle.dump(entry, f, protocol=2)

    sizes = [n_train // 5 + (1 if i < n_train % 5 else 0) for i in range(5)]
    for i, n in enumerate(sizes, start=1):
        batch(n, f"data_batch_{i}")
    batch(n_test, "test_batch")
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump({"label_names": CLASSES, "num_cases_per_batch": sizes[0], "num_vis": 3072}, f, protocol=2)

    sums = {p.name: md5(p) for p in sorted(folder.iterdir())}
    with tarfile.open(root / ARCHIVE, "w:gz") as tar:
        tar.add(folder, arcname=BASE)
    sums[ARCHIVE] = md5(root / ARCHIVE)
    checksums = root / "checksums.json"
    checksums.write_text(json.dumps(sums, indent=1), encoding="utf-8")
    if not archive:
        (root / ARCHIVE).unlink()
    if not extracted:
        shutil.rmtree(folder)
    return checksums


def checksum_attributes(checksums):
    """The attributes of torchvision's CIFAR10 that hold MD5s, set to those in checksums.json."""
    from torchvision.datasets import CIFAR10

    md5s = json.loads(Path(checksums).read_text(encoding="utf-8"))
    return {
        "tgz_md5": md5s[CIFAR10.filename],
        "train_list": [[name, md5s[name]] for name, _ in CIFAR10.train_list],
        "test_list": [[name, md5s[name]] for name, _ in CIFAR10.test_list],
        "meta": {**CIFAR10.meta, "md5": md5s[CIFAR10.meta["filename"]]},
    }


def trust_checksums(checksums):
    """Make torchvision's CIFAR10 (in this process) accept the files listed in checksums.json."""
    from torchvision.datasets import CIFAR10

    for name, value in checksum_attributes(checksums).items():
        setattr(CIFAR10, name, value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", help="folder to write the data set to")
    parser.add_argument("--train", type=int, default=500)
    parser.add_argument("--test", type=int, default=200)
    parser.add_argument("--noise", type=float, default=40.0)
    parser.add_argument("--jitter", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run", nargs=2, metavar=("CHECKSUMS", "SCRIPT"),
                        help="run SCRIPT as __main__ with CIFAR10 trusting the MD5s in CHECKSUMS")
    args = parser.parse_args()
    if args.run:
        checksums, script = args.run
        trust_checksums(checksums)
        sys.argv = [script]
        runpy.run_path(script, run_name="__main__")
    elif args.out:
        print(write_fake_cifar(args.out, args.train, args.test, args.seed, args.noise, args.jitter))
    else:
        parser.error("give OUT_DIR or --run")


if __name__ == "__main__":
    main()
