"""The repository's own tooling, checked offline: ruff on all code, and the GitHub Actions
workflow against its schema (check-jsonschema), for security mistakes (zizmor) and for what it
must do (run the README's test command; deploy from main with the least permissions)."""

import os
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


def test_the_workflow_tests_every_change_and_deploys_main_only():
    (workflow,) = [yaml.safe_load(path.read_text("utf-8")) for path in WORKFLOWS]
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert {"push", "pull_request"} <= set(triggers)
    assert workflow["permissions"] == {}, "no permission unless a job asks for it"
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]
    assert test["permissions"] == {"contents": "read"}
    assert [step["run"] for step in test["steps"] if step.get("name") == "make test"] == ["make test"]
    assert "download.pytorch.org/whl/cpu" in test["env"]["PIP_EXTRA_INDEX_URL"]
    assert any("pip_audit" in step.get("run", "") for step in test["steps"])
    assert deploy["needs"] == "test" and deploy["if"] == MAIN_PUSH
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
