"""Values that change from run to run: clock readings, object ids, memory addresses.

A page must show `...` where a snippet prints one. Printing it once proves nothing (`用时 0.0 秒` prints the
same today and something else on a slower machine), so a block that reads such a value runs a second time
with every clock, id and data pointer moved, and must still print what the page shows. The shift keeps
equalities and order (`a.data_ptr() == b.data_ptr()`, `t1 < t2`): only the values themselves change.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import datetime
import itertools
import os
import time
import timeit

# What reads a clock, an object id, a process id or a memory address, called or imported under any name.
VOLATILE_NAMES = {"time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time",
                  "process_time_ns", "now", "utcnow", "today", "id", "data_ptr", "getpid", "timeit", "default_timer"}
CLOCKS = ["time", "perf_counter", "monotonic", "process_time"]
CLOCK_STEP = 137.25  # seconds between two readings of a shifted clock
ADDRESS_SHIFT = 0x5A5A_0000_0000  # added to every id and data pointer
DATE_SHIFT = datetime.timedelta(days=3653, seconds=4321)


def reads_volatile_values(code: str) -> bool:
    """Whether the code calls a clock, `id()`, `.data_ptr()`, `os.getpid()` or `datetime.now()`-like,
    or imports one (`from time import perf_counter as clock`, `import timeit`)."""
    for node in ast.walk(ast.parse(code)):
        func = getattr(node, "func", None)
        names = [a.name.rpartition(".")[2] for a in node.names] if isinstance(node, ast.Import | ast.ImportFrom) \
            else [getattr(func, "id", None) or getattr(func, "attr", None)]
        if VOLATILE_NAMES.intersection(names):
            return True
    return False


class _ShiftedTimer(timeit.Timer):
    """`timeit` reads the clock bound when it was imported: here, the shifted one."""

    def __init__(self, stmt="pass", setup="pass", timer=None, globals=None):
        super().__init__(stmt, setup, time.perf_counter, globals)


class _ShiftedDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return super().now(tz) + DATE_SHIFT

    @classmethod
    def utcnow(cls):
        return super().now(datetime.UTC).replace(tzinfo=None) + DATE_SHIFT

    today = now


@contextlib.contextmanager
def shifted_volatile_values():
    """Within the block: clocks (timeit's too) tick CLOCK_STEP seconds a reading from a far-off start, ids and
    data pointers are ADDRESS_SHIFT higher, process ids 7919, `datetime.now()` ten years later (`date.today()`
    reads the shifted `time.time()`)."""
    import torch  # here, so that the page rules can import this module without torch

    ticks = itertools.count(1)
    replaced = []

    def replace(owner, name, value):
        replaced.append((owner, name, vars(owner).get(name)))
        setattr(owner, name, value)

    for clock in CLOCKS:
        start = 4.0e9 if clock == "time" else 1.0e6
        replace(time, clock, lambda start=start: start + CLOCK_STEP * next(ticks))
        replace(time, f"{clock}_ns", lambda start=start: int((start + CLOCK_STEP * next(ticks)) * 1e9))
    replace(timeit, "Timer", _ShiftedTimer)
    replace(timeit, "default_timer", time.perf_counter)
    replace(builtins, "id", lambda obj, real=builtins.id: real(obj) + ADDRESS_SHIFT)
    replace(os, "getpid", lambda real=os.getpid: real() + 7919)
    for owner in (torch.Tensor, torch.UntypedStorage):
        replace(owner, "data_ptr", lambda self, real=owner.data_ptr: real(self) + ADDRESS_SHIFT)
    replace(datetime, "datetime", _ShiftedDatetime)
    try:
        yield
    finally:
        for owner, name, value in reversed(replaced):
            if value is None:  # inherited: uncover it again
                delattr(owner, name)
            else:
                setattr(owner, name, value)
