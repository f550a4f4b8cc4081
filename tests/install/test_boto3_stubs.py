"""`botoloom install --stubs`: unchanged boto3 code typed by the generated package's own classes
(mypy --strict and pyright over real installed distributions), the stubs a distribution pip
installs and uninstalls, a rival boto3 stubs package refused, `build --stubs` reproducible."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import PINNED, install_into, make_venv, run_botoloom

pytestmark = pytest.mark.slow

SERVICES = ("--services", "s3", "sqs", "dynamodb")

GOOD = """\
import boto3
import boto3.session
import botocore.exceptions
from botocore.client import BaseClient
from botocore.config import Config
from botocore.response import StreamingBody
from botocore.stub import Stubber
from boto3.dynamodb.conditions import Attr, Key
from aws_typed.boto3 import ClientServiceName, Session
from aws_typed.s3.client import S3Client
from aws_typed.sqs.client import SQSClient


def typed(c: S3Client) -> None:
    c.put_object(Bucket="b", Key="k", Body=b"x")


def raw_back() -> S3Client:
    return boto3.client("s3")


def back(c: S3Client) -> None:
    typed(c)


def any_client(name: ClientServiceName) -> object:  # README: a str variable, annotated
    return boto3.client(name)


def with_session(s: Session) -> SQSClient:
    return s.client("sqs")


with_session(boto3.session.Session())


c = boto3.client("s3", region_name="us-east-1")
c.put_object(Bucket="b", Key="k", Body=b"x")
typed(c)
typed(boto3.session.Session().client("s3"))
q: SQSClient = boto3.session.Session().client("sqs")
url = q.get_queue_url(QueueName="q").get("QueueUrl")
name: str = boto3.resource("s3").Bucket("b").name
cond = Key("pk").eq("x") & Attr("n").gt(1)
table = boto3.resource("dynamodb").Table("t")
rows = table.query(KeyConditionExpression=Key("pk").eq("x"))
other = boto3.client("athena")  # botocore has it, the package was not generated for it: untyped, no error
boto3.setup_default_session(region_name="us-east-1")
typed(boto3.Session(region_name="eu-west-1").client("s3"))
c.get_waiter("bucket_exists").wait(Bucket="b")
try:
    c.get_object(Bucket="b", Key="k")
except c.exceptions.NoSuchKey:
    pass
for page in c.get_paginator("list_objects_v2").paginate(Bucket="b"):
    for obj in page.get("Contents", []):
        key: str = obj.get("Key", "")
try:
    boto3.client("s3", config=Config(retries={"max_attempts": 2})).head_bucket(Bucket="b")
except botocore.exceptions.ClientError as err:  # the package's typed ClientError
    code: str = err.response["Error"]["Code"]
except botocore.exceptions.NoCredentialsError:
    pass
body: StreamingBody = c.get_object(Bucket="b", Key="k")["Body"]
base: BaseClient = c
with Stubber(c) as stubber:
    stubber.add_response("head_bucket", {})
"""

# One mistake a line; the line numbers are what both checkers must report.
BAD = """\
import boto3
c = boto3.client("s3")
c.put_object(Buckett="b", Key="k", Body=b"x")
boto3.client("s4")
boto3.session.Session().client("sqs").get_queue_url(QueueNam="q")
boto3.resource("s3").Bukcet("b")
n: int = boto3.resource("s3").Bucket("b").name
c.get_waiter("bucket_exist")
import botocore.exceptions, botocore.config
try:
    pass
except botocore.exceptions.ClientError as err:
    n = err.response["Error"]["Cod"]
botocore.config.Config(regoin_name="x")
"""
BAD_LINES = {3, 4, 5, 6, 7, 8, 13, 14}


@pytest.fixture(scope="module")
def stubs_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_venv(tmp_path_factory.mktemp("venv") / "stubs", PINNED)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def site(python: Path) -> Path:
    return next((python.parent.parent / "lib").glob("python*/site-packages"))


def checked(tool: str, python: Path, where: Path) -> dict[str, set[int]]:
    """File name -> the lines `tool` reports an error on, for good.py and bad.py in `where`."""
    exe = str(Path(sys.executable).parent / tool)
    if tool == "mypy":
        command = [exe, "--strict", "--no-incremental", "--python-executable", str(python)]
    else:
        command = [exe, "--pythonpath", str(python)]
    result = subprocess.run([*command, "good.py", "bad.py"], capture_output=True, text=True, cwd=where)
    lines: dict[str, set[int]] = {"good.py": set(), "bad.py": set()}
    for match in re.finditer(r"(good|bad)\.py:(\d+):(?:\d+:? -)?\s*error", result.stdout):
        lines[f"{match[1]}.py"].add(int(match[2]))
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return lines


def test_unchanged_boto3_code_is_typed_by_the_generated_classes(stubs_env: Path, cache: Path, tmp_path: Path) -> None:
    ok(run_botoloom("install", "--python", str(stubs_env), *SERVICES, "--stubs", cache=cache))
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "bad.py").write_text(BAD)
    for tool in ("mypy", "pyright"):
        found = checked(tool, stubs_env, tmp_path)
        assert found == {"good.py": set(), "bad.py": BAD_LINES}, (tool, found)


def test_stubs_are_a_distribution_pip_installs_and_uninstalls(stubs_env: Path, cache: Path) -> None:
    args = ("install", "--python", str(stubs_env), *SERVICES)
    ok(run_botoloom(*args, cache=cache))
    subprocess.run([str(stubs_env), "-m", "pip", "uninstall", "-y", "aws_typed-boto3-stubs"], capture_output=True)
    stale = run_botoloom(*args, "--stubs", "--check", cache=cache)
    assert stale.returncode == 1 and "aws_typed-boto3-stubs is not installed" in stale.stderr, stale.stderr
    before = {p for p in site(stubs_env).rglob("*") if "__pycache__" not in p.parts}
    ok(run_botoloom(*args, "--stubs", cache=cache))  # the package is current: only the stubs are added
    stubs = site(stubs_env) / "boto3-stubs"
    assert (stubs / "py.typed").read_text() == "partial\n"
    assert "from aws_typed.s3.client import S3Client" in (stubs / "__init__.pyi").read_text()
    assert "is unchanged" in ok(run_botoloom(*args, "--stubs", cache=cache))
    assert "up to date" in ok(run_botoloom(*args, "--stubs", "--check", cache=cache))
    shown = ok(run_botoloom(*args, cache=cache))  # the package alone is current too
    assert "is unchanged" in shown
    gone = subprocess.run(
        [str(stubs_env), "-m", "pip", "uninstall", "-y", "aws_typed-boto3-stubs"], capture_output=True, text=True
    )
    assert gone.returncode == 0, gone.stderr
    assert {p for p in site(stubs_env).rglob("*") if "__pycache__" not in p.parts} == before


def test_another_boto3_stubs_package_is_refused(cache: Path, tmp_path: Path) -> None:
    python = make_venv(tmp_path / "rival", PINNED)
    install_into(python, "types-boto3", "botocore-stubs==1.43.126")
    owned = sorted(p.name for p in (site(python) / "boto3-stubs").iterdir())
    refused = run_botoloom("install", "--python", str(python), *SERVICES, "--stubs", cache=cache)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "types-boto3" in refused.stderr and "pip uninstall" in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.name for p in (site(python) / "boto3-stubs").iterdir()) == owned
    assert not list(site(python).glob("aws_typed*"))  # nothing installed
    ok(subprocess.run([str(python), "-m", "pip", "uninstall", "-y", "types-boto3"], capture_output=True, text=True))
    kept = ok(run_botoloom("install", "--python", str(python), *SERVICES, "--stubs", cache=cache))
    assert "botocore-stubs 1.43.126 keeps typing botocore" in kept
    assert (site(python) / "boto3-stubs" / "py.typed").read_text() == "partial\n"
    assert "aws_typed" not in (site(python) / "botocore-stubs" / "exceptions.pyi").read_text()  # theirs, untouched
    assert "is unchanged" in ok(run_botoloom("install", "--python", str(python), *SERVICES, "--stubs", cache=cache))
    ok(subprocess.run([str(python), "-m", "pip", "uninstall", "-y", "botocore-stubs"], capture_output=True, text=True))
    stale = run_botoloom("install", "--python", str(python), *SERVICES, "--stubs", "--check", cache=cache)
    assert stale.returncode == 1, stale.stdout + stale.stderr  # botoloom's botocore part is now wanted
    ok(run_botoloom("install", "--python", str(python), *SERVICES, "--stubs", cache=cache))
    assert (site(python) / "botocore-stubs" / "py.typed").read_text() == "partial\n"
    assert "aws_typed._types import ClientError" in (site(python) / "botocore-stubs" / "exceptions.pyi").read_text()


def test_build_writes_both_wheels_reproducibly(stubs_env: Path, cache: Path, tmp_path: Path) -> None:
    made = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        ok(run_botoloom("build", "--python", str(stubs_env), *SERVICES, "--stubs", "--output", str(out), cache=cache))
        made.append({p.name: p.read_bytes() for p in out.glob("*.whl")})
    assert made[0] == made[1] and len(made[0]) == 2
    (stubs,) = [name for name in made[0] if "boto3_stubs" in name]
    with zipfile.ZipFile(tmp_path / "out1" / stubs) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert {"boto3-stubs/py.typed", "boto3-stubs/session.pyi", "boto3-stubs/dynamodb/conditions.pyi"} <= names
    assert {"botocore-stubs/py.typed", "botocore-stubs/exceptions.pyi", "botocore-stubs/config.pyi"} <= names
    assert not [n for n in names if n.startswith("aiobotocore-stubs/")]  # no --aio: no aio services
    assert not [n for n in names if n.startswith("aws_typed/")]
    assert re.search(r"Requires-Dist: aws[-_]typed==", metadata), metadata


def test_types_aiobotocore_keeps_aiobotocore(cache: Path, tmp_path: Path) -> None:
    """Beside types-aiobotocore (which owns aiobotocore-stubs/), --aio --stubs leaves its aio part
    out and says so; boto3's part goes in; once it is gone, a rerun puts botoloom's in."""
    from importlib.metadata import version

    python = make_venv(tmp_path / "aio", PINNED)
    install_into(python, f"aiobotocore=={version('aiobotocore')}", "types-aiobotocore-lite")
    theirs = sorted(p.name for p in (site(python) / "aiobotocore-stubs").iterdir())
    done = ok(run_botoloom("install", "--python", str(python), "--services", "s3", "--aio", "--stubs", cache=cache))
    assert "types-aiobotocore-lite" in done and "keeps typing aiobotocore" in done, done
    assert sorted(p.name for p in (site(python) / "aiobotocore-stubs").iterdir()) == theirs
    assert "keeps typing botocore" in done  # types-aiobotocore brings botocore-stubs: theirs too
    assert (site(python) / "boto3-stubs" / "py.typed").read_text() == "partial\n"
    ok(
        subprocess.run(
            [str(python), "-m", "pip", "uninstall", "-y", "types-aiobotocore-lite"], capture_output=True, text=True
        )
    )
    ok(run_botoloom("install", "--python", str(python), "--services", "s3", "--aio", "--stubs", cache=cache))
    assert "get_session" in (site(python) / "aiobotocore-stubs" / "session.pyi").read_text()
