"""Run an example as a reader who copied it would, and a chapter's notebook as Jupyter would.

An example runs once, in a new process started in an empty folder, forked from a server that
has imported the heavy modules (PRELOAD) once: its own process, namespace and folder, nothing run
before it, in a fraction of a new interpreter's start-up time. In that process pytest-codeblocks'
own runner (`TestBlock.runtest`) executes the block (`exec(code, {"__MODULE__": "__main__"})`, its
stdout captured) and compares what it printed with the shown output. The shown output is given as
`Shown`, whose `!=` knows the `...` wildcard and keeps what was printed, for the report.

A notebook runs top to bottom in a real Jupyter kernel (nbclient), forked from the same server.
"""

from __future__ import annotations

import copy
import json
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import traceback
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from jupyter_client.manager import AsyncKernelManager

from engine.outputs import matches

PRELOAD = ["numpy", "torch", "torchvision", "matplotlib.pyplot", "pytest_codeblocks.plugin", "ipykernel.kernelapp"]
ENV = {"MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
# jupyter_client's private methods that ForkedKernelManager relies on: fail loudly if they go.
KERNEL_INTERNALS = ["_async_launch_kernel", "_reconcile_connection_info"]


class Shown(str):
    """An output shown on a page, as pytest-codeblocks' runner compares it with the printed one:
    `...` is a wildcard, and the printed output is kept."""

    printed: str | None = None

    def __ne__(self, printed):
        self.printed = printed
        return not matches(self, printed)

    __hash__ = str.__hash__


@dataclass
class Run:
    printed: str | None  # stdout; None when the block raised before its output was compared
    stray: str  # what reached the file descriptors 1 and 2 outside the captured stdout: stderr
    error: str | None  # the traceback of the exception the block raised, in the snippet's terms


def _server():
    context = multiprocessing.get_context("forkserver")
    if not getattr(_server, "started", False):
        os.environ.update(ENV)
        context.set_forkserver_preload(PRELOAD)
        _server.started = True
    return context


def _traceback(error: BaseException, code: str, snippet: str) -> str:
    """The traceback with the block's frames named after its snippet file, source lines shown."""
    lines = code.splitlines()

    def frame(match: re.Match) -> str:
        number = int(match[1])
        source = lines[number - 1].strip() if 0 < number <= len(lines) else ""
        return f'File "{snippet}", line {number}{match[2]}\n    {source}'

    text = "".join(traceback.format_exception(error))
    start = text.find('File "<string>"')  # the frames above it are the runner's own
    if start > 0:
        text = "Traceback (most recent call last):\n  " + text[start:]
    return re.sub(r'File "<string>", line (\d+)(.*)', frame, text)


def _run_in_child(code: str, snippet: str, shown: str, cwd: str, files: str, shifted: bool) -> None:
    """In the forked process: pytest-codeblocks runs the block; the result goes to `files`."""
    from pytest_codeblocks.main import CodeBlock
    from pytest_codeblocks.plugin import TestBlock

    from engine.volatile import shifted_volatile_values

    os.chdir(cwd)
    stray = os.open(f"{files}/stray", os.O_WRONLY | os.O_CREAT)
    os.dup2(stray, 1)
    os.dup2(stray, 2)
    sys.stdout = sys.stderr = open(stray, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    expected = Shown(shown)
    error = None
    try:
        with shifted_volatile_values() if shifted else nullcontext():
            TestBlock.runtest(SimpleNamespace(obj=CodeBlock(code, 1, "python", expected), name=snippet))
    except RuntimeError as failure:  # the runner's report: the block raised, or printed otherwise
        if failure.__context__ is not None:
            error = _traceback(failure.__context__, code, snippet)
    except BaseException as raised:  # SystemExit and the like, raised past the runner
        error = _traceback(raised, code, snippet)
    sys.stdout.flush()
    Path(files, "result.json").write_text(json.dumps({"printed": expected.printed, "error": error}), "utf-8")
    os._exit(0)


def run_example(code: str, snippet: str, shown: str, cwd: Path, shifted: bool = False, timeout: float = 300) -> Run:
    """Run an example's code from the folder `cwd` in a fresh process; `shifted`: with clocks, ids
    and data pointers moved (engine.volatile)."""
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


# --- notebooks --------------------------------------------------------------------------------

def _run_kernel(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    """In the forked process: become the kernel that `python -m ipykernel_launcher argv` starts."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=argv)


class _Process:
    """A forked kernel process, as jupyter_client's provisioner expects a `subprocess.Popen`."""

    stdin = stdout = stderr = None

    def __init__(self, process):
        self._process, self.pid = process, process.pid

    def poll(self):
        return self._process.exitcode

    def wait(self, timeout=None):
        self._process.join(timeout)
        return self._process.exitcode

    def send_signal(self, signum):
        os.kill(self.pid, signum)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def terminate(self):
        self.send_signal(signal.SIGTERM)


missing = [name for name in KERNEL_INTERNALS if not hasattr(AsyncKernelManager, name)]
if missing:
    raise ImportError(f"jupyter_client's AsyncKernelManager has no {', '.join(missing)}: engine/running.py "
                      "forks kernels through them; adapt ForkedKernelManager to this jupyter_client")


class ForkedKernelManager(AsyncKernelManager):
    """Starts each kernel as a process forked from the server instead of a new interpreter."""

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        argv = kernel_cmd[kernel_cmd.index("ipykernel_launcher") + 1:]
        env = dict(kw.get("env") or os.environ)
        process = _server().Process(target=_run_kernel, args=(argv, str(kw.get("cwd") or os.getcwd()), env))
        process.start()
        provisioner = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid = _Process(process), process.pid, None
        self._reconcile_connection_info(provisioner.connection_info)


def run_notebook(notebook, folder: Path, timeout: float = 300):
    """A copy of the notebook, run top to bottom in a fresh kernel started in `folder`."""
    from nbclient import NotebookClient

    executed = copy.deepcopy(notebook)
    for cell in executed.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        executed, timeout=timeout, kernel_name="python3", allow_errors=True,
        kernel_manager_class=ForkedKernelManager, resources={"metadata": {"path": str(folder)}},
    ).execute()
    return executed
