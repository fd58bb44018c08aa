"""GPU check for the LeNet / CIFAR-10 page, in one command on a machine with an NVIDIA GPU:

    python -m tools.gpu_check                          # about 2-4 minutes
    python -m tools.gpu_check --train 10000 --epochs 1   # shorter benchmark

1. runs the page (docs/lenet-cifar10.py) as a script on CUDA, on a small generated data set in
   CIFAR-10's format (tools/fake_cifar.py), and checks that it used CUDA, learned and saved;
2. runs the CUDA test of the suite (pytest -m cuda tests/lenet);
3. runs the benchmark (tools/bench_lenet.py) on CUDA: the ablation from the original's loop to the page's.

Everything it needs is in the repository; it writes only to a temporary folder. Without CUDA it
says so and exits with status 1, having checked nothing.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import torch

from engine import ROOT
from tools.fake_cifar import write_fake_cifar
from tools.lenet_notebook import DataSet

DOUBLE_SOFTMAX_FLOOR = 1.4612  # a model that applies softmax in forward cannot get below this loss


def step(title):
    print(f"\n=== {title} ===", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=50000, help="benchmark training images (default 50000)")
    parser.add_argument("--test", type=int, default=10000, help="benchmark test images (default 10000)")
    parser.add_argument("--epochs", type=int, default=2, help="benchmark epochs (default 2)")
    args = parser.parse_args()

    print(f"torch {torch.__version__}, CUDA build {torch.version.cuda}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPU cores")
    if not torch.cuda.is_available():
        print("NO CUDA: torch.cuda.is_available() is False on this machine. Nothing was checked; "
              "run this script on a machine with an NVIDIA GPU.")
        return 1
    print(f"CUDA device: {torch.cuda.get_device_name(0)} ({torch.cuda.device_count()} visible)")
    failures = []
    env = {k: v for k, v in os.environ.items() if not k.startswith("LENET_")}
    env.update(PYTHONPATH=str(ROOT), MPLBACKEND="Agg", TQDM_DISABLE="1")

    with tempfile.TemporaryDirectory(prefix="gpu_check_") as tmp:
        tmp = Path(tmp)
        step("1. the page as a script on CUDA, small generated data set (3 epochs)")
        checksums = write_fake_cifar(tmp / "data", 2000, 500, noise=40, jitter=0.3, extracted=False)
        run_env = {**env, "LENET_DATA_DIR": str(tmp / "data"), "LENET_DOWNLOAD": "0", "LENET_EPOCHS": "3",
                   "LENET_DEVICE": "cuda", "LENET_CHECKPOINT": str(tmp / "model" / "lenet.pt"),
                   "LENET_IMG_DIR": str(tmp / "img"),
                   "LENET_DATA_NAME": DataSet("", generated=True).name}  # the figures' titles
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "tools.fake_cifar", "--run", str(checksums),
                              str(ROOT / "docs" / "lenet-cifar10.py")],
                             cwd=tmp, env=run_env, capture_output=True, text=True, encoding="utf-8")
        shown = [line for line in run.stdout.splitlines()
                 if line.startswith(("使用设备", "训练集", "[epoch", "测试集准确率", "训练完成"))]
        print("\n".join(shown))
        print(f"(exit status {run.returncode}, {time.perf_counter() - start:.1f} s including start-up)")
        state = None
        if run.returncode == 0:
            state = torch.load(tmp / "model" / "lenet.pt", weights_only=True, map_location="cpu")
        if (run.returncode != 0 or "使用设备：cuda" not in run.stdout
                or state["history"]["test_loss"][-1] >= DOUBLE_SOFTMAX_FLOOR - 0.6):
            failures.append("page on CUDA")
            print(run.stderr[-3000:])

        step("2. the suite's CUDA test")
        test = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "cuda", "-p", "no:cacheprovider",
                               "-n", "0", "tests/lenet"], cwd=ROOT, capture_output=True, text=True)
        print(test.stdout.strip().splitlines()[-1] if test.stdout.strip() else test.stderr[-2000:])
        if test.returncode != 0:
            failures.append("pytest -m cuda")
            print(test.stdout[-3000:])

        step(f"3. benchmark on CUDA ({args.train} train / {args.test} test images, {args.epochs} epochs)")
        bench = subprocess.run([sys.executable, "-m", "tools.bench_lenet", "--device", "cuda",
                                "--train", str(args.train), "--test", str(args.test), "--epochs", str(args.epochs),
                                "--data", str(tmp / "bench")], cwd=ROOT, env=env)
        if bench.returncode != 0:
            failures.append("benchmark")

    print("\nGPU CHECK " + ("PASSED" if not failures else "FAILED: " + ", ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
