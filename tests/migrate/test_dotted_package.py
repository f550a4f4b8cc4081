"""--package mylib._aws: the package generated inside the user's own package `mylib`.

Generated into <output>/mylib/_aws (mylib/__init__.py untouched), importable as mylib._aws,
clean under mypy --strict and pyright, and the target of `botoloom migrate` (imports become
`from mylib._aws import sqs`), found with --output and without it (in the project).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import BIN, botoloom

INIT = '"""mylib: the user\'s own package."""\n\nVERSION = "1"\n'

QUEUE = '''\
"""Sends messages (written for boto3 and boto3-stubs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef


def make(session: boto3.Session | None = None) -> SQSClient:
    return (session or boto3.Session()).client("sqs", region_name="us-east-1")


def first(client: SQSClient, url: str) -> MessageTypeDef | None:
    found = client.receive_message(QueueUrl=url).get("Messages", [])
    return found[0] if found else None
'''

MIGRATED = '''\
"""Sends messages (written for boto3 and boto3-stubs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

from mylib._aws import sqs

if TYPE_CHECKING:
    from mylib._aws.sqs import SQSClient
    from mylib._aws.sqs.type_defs import MessageTypeDef


def make(session: boto3.Session | None = None) -> SQSClient:
    return sqs.client(session=(session or boto3.Session()), region_name="us-east-1")


def first(client: SQSClient, url: str) -> MessageTypeDef | None:
    found = client.receive_message(QueueUrl=url).get("Messages", [])
    return found[0] if found else None
'''

USE = """\
from __future__ import annotations

from mylib._aws import ClientError, boto3, sqs
from mylib._aws.sqs.type_defs import SendMessageResultTypeDef


def send(client: sqs.SQSClient, url: str) -> str:
    sent: SendMessageResultTypeDef = client.send_message(QueueUrl=url, MessageBody="m")
    return sent.get("MessageId", "")


def make() -> sqs.SQSClient:
    return boto3.client("sqs", region_name="us-east-1")


if __name__ == "__main__":
    made = sqs.client(region_name="us-east-1")
    print(type(made).__module__, isinstance(made, sqs.SQSClient), type(make()).__name__, ClientError.__module__)
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dotted")
    (root / "mylib").mkdir()
    (root / "mylib" / "__init__.py").write_text(INIT)
    run = botoloom("--services", "sqs", "--package", "mylib._aws", "--output", str(root), "--quiet")
    assert run.returncode == 0, run.stderr
    (root / "use.py").write_text(USE)
    return root


def test_generated_inside_the_users_package(project: Path) -> None:
    assert (project / "mylib" / "__init__.py").read_text() == INIT  # neither overwritten nor made
    package = project / "mylib" / "_aws"
    assert {"__init__.py", "_runtime.py", "boto3.py", ".botoloom-manifest.json", ".gitignore"} <= {
        p.name for p in package.iterdir()
    }
    assert json.loads((package / ".botoloom-manifest.json").read_text())["package"] == "mylib._aws"
    assert "from mylib._aws import boto3" in (package / "__init__.py").read_text()
    assert sorted(p.name for p in project.iterdir()) == ["mylib", "use.py"]  # nothing beside mylib


def test_a_second_run_changes_nothing(project: Path) -> None:
    check = botoloom("--services", "sqs", "--package", "mylib._aws", "--output", str(project), "--check")
    assert check.returncode == 0, check.stdout + check.stderr


def test_it_imports_and_makes_boto3s_objects(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "use.py"], cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout) == (0, "botocore.client True SQS botocore.exceptions\n"), done.stderr


@pytest.mark.typing
def test_mypy_strict(project: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    command = [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), "use.py", "mylib"]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.typing
def test_pyright(project: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(
        json.dumps({"extraPaths": [str(project)], "pythonVersion": "3.11", "typeCheckingMode": "standard"})
    )
    command = [str(BIN / "pyright"), "--project", str(config), "--pythonpath", sys.executable, "use.py", "mylib"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("output", [True, False], ids=["output", "found-in-project"])
def test_migrate_into_it(project: Path, tmp_path: Path, output: bool) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    (copy / "mylib" / "queue.py").write_text(QUEUE)
    where = ["--output", str(copy)] if output else []
    run = botoloom("migrate", "--package", "mylib._aws", *where, "mylib/queue.py", cwd=copy)
    assert (run.returncode, run.stderr) == (0, ""), run.stdout
    assert run.stdout.splitlines() == ["services found: sqs", "1 file rewritten, 0 unchanged"]
    assert (copy / "mylib" / "queue.py").read_text() == MIGRATED
    again = botoloom("migrate", "--check", "--package", "mylib._aws", *where, "mylib/queue.py", cwd=copy)
    assert again.returncode == 0, again.stdout + again.stderr


def test_migrate_refuses_a_bad_dotted_name(tmp_path: Path) -> None:
    for name in ("a..b", "mylib.", "mylib.class", "a/b"):
        run = botoloom("migrate", "--package", name, ".", cwd=tmp_path)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.strip() == f"botoloom: error: --package {name!r} is not a valid Python package name"


def test_a_migrated_file_counts_its_services(project: Path, tmp_path: Path) -> None:
    """`from mylib._aws.sqs.type_defs import ...` names service sqs (not `_aws`)."""
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    (copy / "mylib" / "types.py").write_text("from mylib._aws.sqs.type_defs import MessageTypeDef\n")
    run = botoloom("migrate", "--check", "--package", "mylib._aws", "mylib/types.py", cwd=copy)
    assert (run.returncode, run.stderr) == (0, ""), run.stdout
    assert run.stdout.splitlines() == ["services found: sqs", "0 files would be rewritten, 1 unchanged"]
