"""End to end: migrate tests/migrate/project (a small boto3 + boto3-stubs application), then

(a) both versions run against the moto server and give the same results,
(b) the migrated one type-checks with mypy --strict and pyright against generated/,
(c) a second run changes nothing (--check exits 0).

The unmigrated version imports boto3-stubs names at run time in one module (as code with
boto3-stubs installed may): a minimal stand-in for those two modules is put on its path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import _reset_moto
from ..helpers import BIN, GENERATED, botoloom

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parent / "project"
STUBS_AT_RUN_TIME = {  # what shop/orders.py imports from boto3-stubs outside TYPE_CHECKING
    "mypy_boto3_sqs/__init__.py": "SQSClient = object\n",
    "mypy_boto3_sqs/type_defs.py": "MessageTypeDef = dict\n",
}


@dataclass(frozen=True)
class Copies:
    before: Path
    after: Path
    stand_ins: Path
    run: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Copies]:
    root = tmp_path_factory.mktemp("project")
    before, after, stand_ins = root / "before", root / "after", root / "stand_ins"
    for copy in (before, after):
        shutil.copytree(PROJECT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for name, text in STUBS_AT_RUN_TIME.items():
        (stand_ins / name).parent.mkdir(parents=True, exist_ok=True)
        (stand_ins / name).write_text(text)
    run = botoloom("migrate", "--output", str(GENERATED), "--write-config", ".", cwd=after)
    yield Copies(before, after, stand_ins, run)


def test_the_migration_reports_what_it_did(copies: Copies) -> None:
    assert copies.run.returncode == 0, copies.run.stderr
    assert copies.run.stderr == "shop/notices.py:21: the service name `service` is not a string literal\n"
    assert copies.run.stdout.splitlines() == [
        "services found: dynamodb s3 sns sqs",
        "4 files rewritten, 3 unchanged, 1 place left as it is (listed on stderr)",
        f"{copies.after / 'pyproject.toml'}: added to [tool.botoloom] services: dynamodb sns sqs",
    ]
    old = (PROJECT / "pyproject.toml").read_text()
    assert (copies.after / "pyproject.toml").read_text() == old.replace(
        'services = ["s3"]', 'services = ["dynamodb", "s3", "sns", "sqs"]'
    )
    migrated = {p.relative_to(copies.after).as_posix(): p.read_text() for p in (copies.after / "shop").glob("*.py")}
    assert "mypy_boto3" not in "".join(migrated.values())
    assert (
        "boto3.client(service, region_name=REGION, endpoint_url=ENDPOINT)" in migrated["shop/notices.py"]
    )  # left alone
    assert "import boto3" not in migrated["shop/storage.py"] + migrated["shop/stock.py"]
    assert "    return s3.client(  # the service\n        region_name=REGION,\n" in migrated["shop/storage.py"]
    assert "    sqs = typed_sqs.client(session=session, endpoint_url=ENDPOINT)\n" in migrated["shop/orders.py"]
    assert (  # lazy stays lazy, comments kept
        "    # boto3 only when this is called (a cold-start path)\n    from aws_typed import s3  # lazy: not at module level\n"
        in migrated["shop/storage.py"]
    )
    assert (
        "from aws_typed import ClientError, dynamodb\nfrom aws_typed.dynamodb.conditions import Key\n"
        in (migrated["shop/stock.py"])
    )


def _run_app(directory: Path, extra_path: Path, endpoint: str) -> dict[str, object]:
    env = dict(os.environ, SHOP_AWS_ENDPOINT=endpoint, PYTHONPATH=os.pathsep.join([str(directory), str(extra_path)]))
    script = "import json, shop.app, shop.storage; print(json.dumps([shop.app.run(), type(shop.storage.make_client()).__module__]))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=directory, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-4000:]
    result, client_module = json.loads(done.stdout)
    return {"result": result, "client_module": client_module}


def test_both_versions_behave_the_same_on_moto(copies: Copies, moto_reset: str) -> None:
    before = _run_app(copies.before, copies.stand_ins, moto_reset)
    _reset_moto(moto_reset)
    after = _run_app(copies.after, GENERATED, moto_reset)
    assert before["result"] == after["result"]
    assert after["result"] == {
        "listed": [f"catalog/{n}.txt" for n in range(5)],
        "first": "item 0",
        "orders": [{"sku-1": 2}],
        "stock": 8,
        "notice_sent": True,
        "account": "123456789012",
        "matching": 1,
        "no_table": None,
        "buckets": 1,
    }
    # the typed client is boto3's own object (ARCHITECTURE.md: one object, two views)
    assert (before["client_module"], after["client_module"]) == ("botocore.client", "botocore.client")


@pytest.mark.typing
def test_the_migrated_project_type_checks(copies: Copies, tmp_path: Path) -> None:
    mypy_config = tmp_path / "mypy.ini"
    mypy_config.write_text("[mypy]\n[mypy-boto3,boto3.*,botocore,botocore.*]\nignore_missing_imports = True\n")
    pyright_config = tmp_path / "pyrightconfig.json"
    pyright_config.write_text(
        json.dumps({"extraPaths": [str(GENERATED)], "pythonVersion": "3.11", "typeCheckingMode": "standard"})
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPY_FORCE_COLOR", "FORCE_COLOR")}
    env.update(MYPYPATH=str(GENERATED), NO_COLOR="1")
    commands = {
        "mypy": [
            str(BIN / "mypy"),
            "--strict",
            "--config-file",
            str(mypy_config),
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            "shop",
        ],
        "pyright": [str(BIN / "pyright"), "--project", str(pyright_config), "--pythonpath", sys.executable, "shop"],
    }
    started = {
        name: subprocess.Popen(
            command, cwd=copies.after, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for name, command in commands.items()
    }
    outputs = {name: (process.communicate(timeout=300)[0], process.returncode) for name, process in started.items()}
    assert outputs["mypy"][1] == 0 and "Success: no issues found in 7 source files" in outputs["mypy"][0], outputs[
        "mypy"
    ][0]
    assert outputs["pyright"][1] == 0 and "0 errors" in outputs["pyright"][0], outputs["pyright"][0]


def test_a_second_run_changes_nothing(copies: Copies) -> None:
    again = botoloom("migrate", "--check", "--output", str(GENERATED), ".", cwd=copies.after)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.splitlines() == [
        "services found: dynamodb s3 sns sqs",
        "0 files would be rewritten, 7 unchanged, 1 place left as it is (run without --check to list them)",
    ]
