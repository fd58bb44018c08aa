"""What the example server (engine.running) imports once, before it forks each example: the heavy
modules, with the warnings their import emitted kept (by top-level package) to be shown again."""

import importlib
import warnings

PRELOAD = ["numpy", "torch", "torchvision", "matplotlib.pyplot", "pytest_codeblocks.plugin", "ipykernel.kernelapp"]
WARNINGS: dict[str, list[warnings.WarningMessage]] = {}

for name in PRELOAD:
    with warnings.catch_warnings(record=True) as caught:
        importlib.import_module(name)
    WARNINGS.setdefault(name.partition(".")[0], []).extend(caught)
