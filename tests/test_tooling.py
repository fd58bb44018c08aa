"""The repository's own tooling, checked offline: ruff on all code, and the GitHub Actions
workflow against its schema (check-jsonschema), for security mistakes (zizmor) and for what it
must do (run the README's test command; deploy from main with the least permissions)."""

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
MAIN_PUSH = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


def tool(name: str) -> str:
    """The command `name` from this environment's bin/ or the PATH; skip the test without it."""
    found = shutil.which(name, path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if found is None:
        pytest.skip(f"{name} is not installed (it is in pyproject.toml's test group: pip install --group test)")
    return found


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def test_ruff_finds_nothing():
    result = run(tool("ruff"), "check", "--no-cache", "--output-format", "concise", ".")
    assert result.returncode == 0, f"ruff check (configured in pyproject.toml):\n{result.stdout}{result.stderr}"


def test_workflows_match_the_github_schema():
    result = run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_pass_zizmor():
    result = run(tool("zizmor"), "--offline", "--no-progress", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_test_command_and_deploys_main_only_after_the_real_run():
    (workflow,) = [yaml.safe_load(path.read_text("utf-8")) for path in WORKFLOWS]
    jobs = workflow["jobs"]
    assert workflow["permissions"] == {} and workflow["concurrency"]["cancel-in-progress"] is False
    assert [s["run"] for s in jobs["test"]["steps"] if "run" in s] == ["make test"]
    assert "make test" in (ROOT / ".ci/run").read_text("utf-8")
    for name in ("lenet", "site", "deploy"):
        assert jobs[name]["if"] == MAIN_PUSH, name
    assert (jobs["lenet"]["needs"], jobs["site"]["needs"], jobs["deploy"]["needs"]) == ("test", "lenet", "site")
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    images = [job["container"] for job in jobs.values() if "container" in job and "${{" not in job["container"]]
    images += [m["image"] for m in jobs["test"]["strategy"]["matrix"]["include"]]
    assert [i for i in images if not re.fullmatch(r"python:3\.\d+-bookworm@sha256:[0-9a-f]{64}", i)] == []


def test_the_lock_matches_pyproject_and_the_readers_requirements():
    result = run(tool("uv"), "lock", "--check", "--offline")
    assert result.returncode == 0, f"uv.lock is stale: run `make lock`\n{result.stderr}"
    lock = (ROOT / "uv.lock").read_text("utf-8")
    locked = {m[1]: m[2] for m in re.finditer(r'^name = "([^"]+)"\nversion = "([^"]+)"', lock, re.M)}
    pins = dict(line.split("==") for line in (ROOT / "snippets/requirements.txt").read_text("utf-8").split("\n")
                if "==" in line and not line.startswith("#"))
    assert pins.keys() == {"torch", "torchvision", "numpy", "matplotlib", "tqdm"}
    assert {name: locked[name] for name in pins} == pins
