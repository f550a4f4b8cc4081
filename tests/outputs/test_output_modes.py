"""Output presence modes on real services: the same user code under --outputs sound
(default) and --outputs present, type-checked with pyright (which reports indexing a
NotRequired key; mypy does not) and mypy --strict.

present accepts what boto3-stubs accepts on common calls (sts Account, kms KeyMetadata,
dynamodb Table); sound still catches the members that really are absent on empty results
(sqs Messages, s3 Contents) -- and, knowingly, flags the always-sent ones too."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ..helpers import BIN, botoloom

pytestmark = pytest.mark.typing

SERVICES = ["sts", "kms", "dynamodb", "sqs", "s3"]
USER_CODE = """\
from aws_typed import dynamodb, kms, s3, sqs, sts


def main() -> list[str]:
    account: str = sts.client(region_name="us-east-1").get_caller_identity()["Account"]
    key_id: str = kms.client(region_name="us-east-1").create_key()["KeyMetadata"]["KeyId"]
    table = dynamodb.client(region_name="us-east-1").describe_table(TableName="t")["Table"].get("TableName", "")
    messages = sqs.client(region_name="us-east-1").receive_message(QueueUrl="q")["Messages"]
    contents = s3.client(region_name="us-east-1").list_objects_v2(Bucket="b")["Contents"]
    return [account, key_id, table, *[m.get("MessageId", "") for m in messages], *[c.get("Key", "") for c in contents]]
"""
ALWAYS_SENT = {5, 6, 7}  # lines: sts Account, kms KeyMetadata, dynamodb Table
ABSENT_WHEN_EMPTY = {8, 9}  # sqs Messages, s3 Contents


def _pyright_error_lines(work: Path) -> dict[int, list[str]]:
    (work / "pyrightconfig.json").write_text(
        json.dumps({"include": ["user.py"], "typeCheckingMode": "strict", "pythonVersion": "3.11"})
    )
    run = subprocess.run(
        [str(BIN / "pyright"), "--outputjson", "--project", str(work / "pyrightconfig.json")],
        cwd=work,
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    lines: dict[int, list[str]] = {}
    for diag in report["generalDiagnostics"]:
        if diag["severity"] == "error":
            lines.setdefault(diag["range"]["start"]["line"] + 1, []).append(diag["message"])
    return lines


@pytest.fixture(scope="module", params=["sound", "present"])
def package(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    work = tmp_path_factory.mktemp(f"outputs-{request.param}")
    result = botoloom("--services", *SERVICES, "--output", str(work), "--outputs", request.param, "--quiet")
    assert result.returncode == 0, result.stderr
    (work / "user.py").write_text(USER_CODE)
    return request.param, work


def test_pyright_sees_the_chosen_presence(package: tuple[str, Path]) -> None:
    mode, work = package
    lines = _pyright_error_lines(work)
    assert all("is not a required key" in m for ms in lines.values() for m in ms), lines
    if mode == "sound":
        assert set(lines) == ALWAYS_SENT | ABSENT_WHEN_EMPTY, lines
    else:
        assert set(lines) == set(), lines  # as with boto3-stubs: the absent ones go unseen too


def test_mypy_strict_is_clean_in_both_modes(package: tuple[str, Path]) -> None:
    _, work = package
    run = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(work / ".mypy_cache"), "user.py"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-3000:]


def test_per_operation_overrides_from_pyproject(tmp_path: Path) -> None:
    """[tool.botoloom.required]: the members a user knows better, in sound mode."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.botoloom]\nservices = ["sts", "sqs"]\noutput = "src"\n\n'
        '[tool.botoloom.required]\n"sts.GetCallerIdentity" = ["Account", "Arn"]\n'
    )
    result = botoloom(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    work = tmp_path / "src"
    (work / "user.py").write_text(
        "from aws_typed import sqs, sts\n\n"
        'account: str = sts.client(region_name="us-east-1").get_caller_identity()["Account"]\n'
        'user: str = sts.client(region_name="us-east-1").get_caller_identity()["UserId"]\n'
        'messages = sqs.client(region_name="us-east-1").receive_message(QueueUrl="q")["Messages"]\n'
    )
    assert set(_pyright_error_lines(work)) == {4, 5}
