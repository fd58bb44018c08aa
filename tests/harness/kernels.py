"""Jupyter kernels started in a fraction of the usual time.

A new kernel spends seconds importing torch. Like the snippet runner (running.py), each
kernel here is a new process forked from a server that has imported the heavy modules once:
its own process, its own empty namespace, its own folder, and nothing run before it.
SNIPPET_RUNNER=python starts every kernel as a new `python -m ipykernel_launcher` instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

from jupyter_client.manager import AsyncKernelManager

from tests.harness import running

PRELOAD = [*running.PRELOAD, "ipykernel.kernelapp"]
_server = None


def _run_kernel(argv: list[str], cwd: str, env: dict[str, str]) -> None:
    """In the forked process: become the kernel that `python -m ipykernel_launcher argv` starts."""
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from ipykernel.kernelapp import IPKernelApp

    IPKernelApp.launch_instance(argv=argv)


class _Process:
    """A forked kernel process, as the provisioner expects a `subprocess.Popen`."""

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


class ForkedKernelManager(AsyncKernelManager):
    async def _async_launch_kernel(self, kernel_cmd, **kw):
        global _server
        if _server is None:
            os.environ.update(running._env())
            _server = multiprocessing.get_context("forkserver")
            _server.set_forkserver_preload(PRELOAD)
        argv = kernel_cmd[kernel_cmd.index("ipykernel_launcher") + 1:]
        process = _server.Process(target=_run_kernel, args=(argv, str(kw.get("cwd") or os.getcwd()),
                                                            dict(kw.get("env") or os.environ)))
        process.start()
        provisioner = self.provisioner
        provisioner.process, provisioner.pid, provisioner.pgid = _Process(process), process.pid, None
        self._reconcile_connection_info(provisioner.connection_info)


def kernel_manager_class():
    if os.environ.get("SNIPPET_RUNNER") == "python":
        return AsyncKernelManager
    return ForkedKernelManager
