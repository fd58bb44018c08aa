"""The repository's own tooling, checked offline: ruff on all code, the GitHub Actions workflow against its schema,
for security mistakes (zizmor) and for what it must do (run `make test`; deploy from main, least permissions)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPLOY = "github.ref == 'refs/heads/main' && (github.event_name == 'push' || github.event_name == 'workflow_dispatch')"
ON_SITE = ".venv/bin/pytest -p no:xdist tests/test_site.py tests/test_browser.py tests/test_search.py --site-dir site"


def run(name: str, *args: str) -> subprocess.CompletedProcess:
    """The command `name` from this environment's bin/ or the PATH; skip the test without it."""
    found = shutil.which(name, path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found is None:
        pytest.skip(f"{name} is not installed (it is in pyproject.toml's test group: pip install --group test)")
    return subprocess.run([found, *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


@pytest.mark.parametrize("command", [  # ruff on all code (pyproject.toml); the workflows: their schema, zizmor
    ["ruff", "check", "--no-cache", "--output-format", "concise", "."],
    ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
    ["zizmor", "--offline", "--no-progress", ".github/workflows"],
], ids=lambda command: command[0])
def test_tool_finds_nothing(command):
    result = run(*command)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"


def test_ci_deploys_main_only_after_the_tests_the_audit_and_the_site_checks_on_what_it_uploads():
    (workflow,) = [yaml.safe_load(path.read_text("utf-8")) for path in WORKFLOWS]
    jobs, triggers = workflow["jobs"], workflow[True]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {} and workflow["concurrency"]["cancel-in-progress"] is False
    assert "schedule" in workflow["concurrency"]["group"], "the weekly audit must not replace a pending deploy"
    assert triggers["push"] == {"branches": ["main"]} and "workflow_dispatch" in triggers
    assert [s["run"] for s in jobs["test"]["steps"] if "run" in s][-1] == "make test"
    assert "make test" in (ROOT / ".ci/run").read_text("utf-8")
    assert jobs["site"]["if"] == jobs["deploy"]["if"] == DEPLOY
    assert (jobs["site"]["needs"], jobs["deploy"]["needs"]) == ("test", ["test", "audit", "site"])
    steps = [s.get("run", s.get("uses", "")) for s in jobs["site"]["steps"]]
    order = [next(i for i, s in enumerate(steps) if s.startswith(start)) for start in
             (".venv/bin/python -m tools.lenet_notebook --data", "make build", ON_SITE, "actions/upload-pages")]
    assert order == sorted(order) and jobs["site"]["steps"][order[-1]]["with"]["path"] == "site"
    assert "--output docs/lenet-cifar10.ipynb" in steps[order[0]]
    assert {"SITE_URL", "REPO_URL", "EDIT_URI"} == set(jobs["site"]["env"]), "the build and the checks read them"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    images = [job["container"] for job in jobs.values() if "container" in job and "${{" not in job["container"]]
    images += [m["image"] for m in jobs["test"]["strategy"]["matrix"]["include"]]
    assert [i for i in images if not re.fullmatch(r"python:3\.\d+-bookworm@sha256:[0-9a-f]{64}", i)] == []


def test_the_lock_matches_pyproject_the_readers_requirements_and_the_cpu_wheels():
    result = run("uv", "lock", "--check", "--offline")
    assert result.returncode == 0, f"uv.lock is stale: run `make lock`\n{result.stderr}"
    lock = (ROOT / "uv.lock").read_text("utf-8")
    locked = {m[1]: m[2] for m in re.finditer(r'^name = "([^"]+)"\nversion = "([^"]+)"', lock, re.M)}
    # the versions the pages' outputs depend on, exactly; tqdm (progress bars only) by name
    lines = [line for line in (ROOT / "snippets/requirements.txt").read_text("utf-8").split("\n")
             if line and not line.startswith("#")]
    pins = dict(line.split("==") for line in lines if "==" in line)
    assert pins.keys() == {"torch", "torchvision", "numpy", "matplotlib"} and lines[len(pins):] == ["tqdm>=4.66"]
    assert {name: locked[name] for name in pins} == pins
    cpu = re.findall(r"^(torch(?:vision)?)==(.+)\+cpu\b", (ROOT / ".ci/torch-cpu-requirements.txt").read_text(), re.M)
    assert dict(cpu) == {name: locked[name] for name in ("torch", "torchvision")}, "run `make torch-cpu-lock`"
