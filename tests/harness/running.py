"""Run an example the two ways a reader does: as a copied block, and as a file."""

from __future__ import annotations

import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from pytest_codeblocks.main import stdout_io

# Modules a new interpreter spends seconds importing. The fork server imports them once;
# each snippet then runs in a fresh process forked from it, with its own empty namespace.
PRELOAD = ["numpy", "torch", "torchvision", "matplotlib.pyplot"]


def run_block(code: str, filename: Path) -> str:
    """Run a block in this process as pytest-codeblocks does (a fresh namespace, stdout
    captured) and return what it printed. Tracebacks point at the snippet file."""
    with stdout_io() as out:
        exec(compile(code, str(filename), "exec"), {"__MODULE__": "__main__"})
    return out.getvalue()


def _env() -> dict[str, str]:
    return {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}


def run_script(snippet: Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run a snippet file with a new Python interpreter from the folder `cwd`."""
    return subprocess.run(
        [sys.executable, str(snippet)],
        cwd=cwd, env=_env(), capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )


def _run_as_main(snippet: str, cwd: str, out_path: str, err_path: str) -> None:
    """In the forked process: run the file as `python snippet` would, output to files."""
    os.chdir(cwd)
    sys.argv = [snippet]
    sys.path[0] = os.path.dirname(snippet)  # noqa: TID251 - as `python snippet` sets it
    with open(out_path, "w", encoding="utf-8") as out, open(err_path, "w", encoding="utf-8") as err:
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        sys.stdout, sys.stderr = out, err
        try:
            runpy.run_path(snippet, run_name="__main__")
        except BaseException:
            traceback.print_exc()
            err.flush()
            os._exit(1)
        out.flush()
        err.flush()


_forkserver = None


def run_forked(snippet: Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Like `run_script`, in a process forked from a server that has the heavy modules
    imported already: the same isolation (own process, own namespace, own folder) in a
    fraction of the start-up time. SNIPPET_RUNNER=python selects `run_script` instead."""
    global _forkserver
    if os.environ.get("SNIPPET_RUNNER") == "python":
        return run_script(snippet, cwd, timeout)
    if _forkserver is None:
        os.environ.update(_env())
        _forkserver = multiprocessing.get_context("forkserver")
        _forkserver.set_forkserver_preload(PRELOAD)
    with tempfile.TemporaryDirectory() as tmp:
        out_path, err_path = os.path.join(tmp, "stdout"), os.path.join(tmp, "stderr")
        process = _forkserver.Process(target=_run_as_main, args=(str(snippet), str(cwd), out_path, err_path))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            raise TimeoutError(f"{snippet} ran longer than {timeout} s")
        return subprocess.CompletedProcess(
            [str(snippet)],
            process.exitcode,
            Path(out_path).read_text("utf-8"),
            Path(err_path).read_text("utf-8"),
        )
