"""Run an example as `python snippets/…/file.py` would, and a chapter's notebook as Jupyter would.

An example runs in a new process and empty folder, forked from a server that imported the heavy
modules once (engine.warm). There pytest-codeblocks' own runner (`TestBlock.runtest`) executes it and
compares its stdout with the shown output, a `Shown` whose `!=` knows the `...` wildcard and keeps what
was printed. As in a new interpreter, the block runs in a fresh module `__main__` (pickle finds its
classes); torch, `random` and NumPy start from seeds drawn from os.urandom, and the hash seed is drawn
once per test process (so an unseeded output differs on the next run); the warnings that importing a
preloaded module emitted are written to stderr again when the block imports that module.

A notebook runs top to bottom in a real Jupyter kernel (nbclient), forked from the same server.
"""

from __future__ import annotations

import ast
import builtins
import copy
import functools
import json
import linecache
import multiprocessing
import os
import sys
import tempfile
import traceback
import types
import warnings
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from jupyter_client.manager import AsyncKernelManager

from engine.outputs import matches


class Shown(str):
    """A shown output as pytest-codeblocks' runner compares it: `...` is a wildcard; the printed output is kept."""

    printed: str | None = None

    def __ne__(self, printed):
        self.printed = printed
        return not matches(self, printed)


@dataclass
class Run:
    printed: str | None  # stdout; None when the block raised before its output was compared
    stray: str  # what reached the file descriptors 1 and 2 outside the captured stdout: stderr
    error: str | None  # the traceback of the exception the block raised, in the snippet's terms


@functools.cache
def _server():
    os.environ.update(MPLBACKEND="Agg", PYTHONIOENCODING="utf-8", PYTHONHASHSEED=str(int.from_bytes(os.urandom(4))))
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["engine.warm"])
    return context


def _reseed() -> None:
    """torch, `random` and NumPy from new seeds, as in a new interpreter."""
    import random

    import numpy
    import torch

    torch.manual_seed(int.from_bytes(os.urandom(8)))
    random.seed(os.urandom(16))
    numpy.random.seed(int.from_bytes(os.urandom(4)))


def _run_in_child(code: str, snippet: str, shown: str, cwd: str, files: str, shifted: bool) -> None:
    """In the forked process: pytest-codeblocks runs the block; the result goes to `files`."""
    from pytest_codeblocks import plugin
    from pytest_codeblocks.main import CodeBlock

    from engine import warm
    from engine.volatile import shifted_volatile_values

    os.chdir(cwd)
    stray = os.open(f"{files}/stray", os.O_WRONLY | os.O_CREAT)
    os.dup2(stray, 1)
    os.dup2(stray, 2)
    sys.stdout = sys.stderr = open(stray, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    _reseed()  # and, as a new interpreter starts, import warnings shown and a new `__main__`
    imported = {(alias.name if isinstance(node, ast.Import) else node.module or "").partition(".")[0]
                for node in ast.walk(ast.parse(code)) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in node.names}
    for caught in (w for name in sorted(imported) for w in warm.WARNINGS.get(name, [])):
        sys.stderr.write(warnings.formatwarning(caught.message, caught.category, caught.filename, caught.lineno))
    main = sys.modules["__main__"] = types.ModuleType("__main__")
    linecache.cache[snippet] = (len(code), None, code.splitlines(keepends=True), snippet)
    # the runner's `exec(code, {...})` runs the block, compiled as the snippet file, in `__main__`
    ran = []
    plugin.exec = lambda _code, _globals: ran.append(builtins.exec(
        compile(code, snippet, "exec", dont_inherit=True), vars(main)))
    expected, error = Shown(shown), None
    try:
        with shifted_volatile_values() if shifted else nullcontext():
            plugin.TestBlock.runtest(SimpleNamespace(obj=CodeBlock(code, 1, "python", expected), name=snippet))
    except RuntimeError as failure:  # the runner's report: the block raised, or printed otherwise
        error = failure.__context__
    except BaseException as raised:  # SystemExit and the like, raised past the runner
        error = raised
    if error is not None:  # the traceback from the block's first frame on
        frames = traceback.extract_tb(error.__traceback__)
        start = next((i for i, frame in enumerate(frames) if frame.filename == snippet), 0)
        error = "Traceback (most recent call last):\n" + "".join(
            traceback.format_list(frames[start:]) + traceback.format_exception_only(error))
    if not ran and error is None:
        error = "pytest-codeblocks ran the block without `exec(code, globals)`: adapt engine/running.py to it"
    sys.stdout.flush()
    Path(files, "result.json").write_text(json.dumps({"printed": expected.printed, "error": error}), "utf-8")
    os._exit(0)


def run_example(code: str, snippet: str, shown: str, cwd: Path, shifted: bool = False, timeout: float = 300) -> Run:
    """Run an example's code from the folder `cwd` (made if missing) in a fresh process; `shifted`: with
    clocks, ids and data pointers moved (engine.volatile)."""
    cwd.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as files:
        process = _server().Process(target=_run_in_child, args=(code, snippet, shown, str(cwd), files, shifted))
        process.start()
        process.join(timeout)
        if process.is_alive():
            process.kill()
            return Run(None, "", f"{snippet} ran longer than {timeout} s")
        stray = Path(files, "stray").read_text("utf-8") if Path(files, "stray").exists() else ""
        if not Path(files, "result.json").exists():
            return Run(None, stray, f"{snippet}: its process ended with exit code {process.exitcode}")
        result = json.loads(Path(files, "result.json").read_text("utf-8"))
        return Run(result["printed"], stray, result["error"])


def _run_kernel(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    """In the forked process: become the kernel that `python -m ipykernel_launcher argv` starts.
    What cells print reaches the client as messages; the kernel's own start-up notes go nowhere."""
    os.chdir(cwd)
    for fd in (1, 2):
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    os.environ.clear()
    os.environ.update(env)
    _reseed()
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=argv)


class _KernelProcess(multiprocessing.context.ForkServerProcess):
    """A kernel forked from the server, with what jupyter_client's provisioner uses of a `subprocess.Popen`."""

    stdin = stdout = stderr = None

    def poll(self):
        return self.exitcode

    def wait(self, timeout=None):
        self.join(timeout)
        return self.exitcode

    def send_signal(self, signum):
        os.kill(self.pid, signum)


# jupyter_client's private methods that ForkedKernelManager relies on: fail loudly if they go
if missing := [n for n in ("_async_launch_kernel", "_reconcile_connection_info") if not hasattr(AsyncKernelManager, n)]:
    raise ImportError(f"jupyter_client's AsyncKernelManager has no {', '.join(missing)}: engine/running.py "
                      "forks kernels through them; adapt ForkedKernelManager to this jupyter_client")


class ForkedKernelManager(AsyncKernelManager):
    """Starts each kernel as a process forked from the server instead of a new interpreter."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        argv = kernel_cmd[kernel_cmd.index("ipykernel_launcher") + 1:]
        env = dict(kw.get("env") or os.environ)
        _server()
        process = _KernelProcess(target=_run_kernel, args=(argv, str(kw.get("cwd") or os.getcwd()), env))
        process.start()
        self.provisioner.process, self.provisioner.pid, self.provisioner.pgid = process, process.pid, None
        self._reconcile_connection_info(self.provisioner.connection_info)


def run_notebook(notebook, folder: Path, timeout: float = 300):
    """A copy of the notebook, run top to bottom in a fresh kernel started in `folder`."""
    from nbclient import NotebookClient

    executed = copy.deepcopy(notebook)
    for cell in (c for c in executed.cells if c.cell_type == "code"):
        cell.outputs = []
    NotebookClient(executed, timeout=timeout, kernel_name="python3", allow_errors=True,
                   kernel_manager_class=ForkedKernelManager, resources={"metadata": {"path": str(folder)}}).execute()
    return executed
