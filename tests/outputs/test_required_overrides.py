"""[tool.botoloom.required] beyond operations: a resource's attributes and references
("cloudformation.Stack", "iam.Policy" as boto3 names the resource) and a nested output
structure's members ("iam.Policy", "lambda.FunctionConfiguration" as the model names the
shape), in the default (sound) mode, read from pyproject.toml and checked with pyright
(which reports indexing a NotRequired key and using an Optional) and mypy --strict."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ..helpers import BIN, botoloom
from .test_output_modes import _pyright_error_lines

pytestmark = pytest.mark.typing

PYPROJECT = """\
[tool.botoloom]
services = ["cloudformation", "iam", "lambda"]
output = "src"

[tool.botoloom.required]
"cloudformation.Stack" = ["outputs"]
"cloudformation.Output" = ["OutputKey", "OutputValue"]
"iam.Policy" = ["DefaultVersion", "PolicyName", "Arn"]
"lambda.FunctionConfiguration" = ["FunctionName"]
"""
USER_CODE = """\
from aws_typed import cloudformation, iam, lambda_


def main() -> list[str]:
    stack = cloudformation.resource(region_name="us-east-1").Stack("s")
    first: str = stack.outputs[0]["OutputKey"] + stack.outputs[0]["OutputValue"]
    policy = iam.resource().Policy("arn")
    document = policy.default_version.document
    names = [p["PolicyName"] + p["Arn"] for p in iam.client().list_policies().get("Policies", [])]
    functions = [f["FunctionName"] for f in lambda_.client(region_name="us-east-1").list_functions().get("Functions", [])]
    status: str = stack.stack_status
    reason = stack.stack_status_reason.upper()
    path = policy.path.upper()
    runtime = [f["Runtime"] for f in lambda_.client(region_name="us-east-1").list_functions().get("Functions", [])]
    return [first, str(document), *names, *functions, status, reason, path, *runtime]
"""
LISTED = {6, 8, 9, 10}  # the members listed above: present
NOT_LISTED = {12, 13, 14}  # stack_status_reason, policy.path (Optional), Runtime (NotRequired)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("required-overrides")
    (root / "pyproject.toml").write_text(PYPROJECT)
    result = botoloom(cwd=root)
    assert result.returncode == 0, result.stderr
    (root / "src" / "user.py").write_text(USER_CODE)
    return root / "src"


def test_pyright_sees_listed_members_as_present(work: Path) -> None:
    lines = _pyright_error_lines(work)
    assert not set(lines) & LISTED, lines
    assert set(lines) == NOT_LISTED, lines


def test_mypy_sees_listed_attributes_as_present(work: Path) -> None:
    run = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(work / ".mypy_cache"), "user.py"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    reported = {int(line.split(":")[1]) for line in run.stdout.splitlines() if ": error:" in line}
    assert reported == {12, 13}, run.stdout  # mypy does not report NotRequired keys (line 14)
