"""What the README says is and is not typed, checked (issue 29, item 5), and how it says to
install botoloom with the aio extra (item 4).

Each claim is a sentence of the README (so changing the README without the test, or the other
way round, fails here) and a line of a snippet that mypy --strict reads against the golden
package `generated/` (and an rds package generated for the test: no reference service has a
method botocore injects that is not typed)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from .helpers import BIN, GENERATED, REPO, botoloom

README = (REPO / "README.md").read_text(encoding="utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


# (README sentence, snippet line, what mypy must say about that line)
CLAIMS = [
    (
        "The methods boto3 injects are typed: s3's transfers (`upload_file`, `download_file`, "
        "`upload_fileobj`, `download_fileobj`, `copy`, on the client, `Bucket` and `Object`)",
        [
            ("reveal_type(client.upload_file)", "def (Filename: str | os.PathLike[str], Bucket: str, Key: str"),
            ("reveal_type(client.download_file)", "def (Bucket: str, Key: str, Filename: str | os.PathLike[str]"),
            ("reveal_type(client.upload_fileobj)", "def (Fileobj: typing.IO[Any], Bucket: str, Key: str"),
            ("reveal_type(client.download_fileobj)", "def (Bucket: str, Key: str, Fileobj: typing.IO[Any]"),
            ("reveal_type(client.copy)", "def (CopySource: "),
            ("reveal_type(bucket.upload_file)", "def (Filename: str | os.PathLike[str], Key: str"),
            ("reveal_type(bucket.Object('k').download_file)", "def (Filename: str | os.PathLike[str]"),
        ],
    ),
    (
        "and presigned POST (`generate_presigned_post`)",
        [("reveal_type(client.generate_presigned_post('b', 'k'))", "TypedDict(aws_typed._types.PresignedPostTypeDef")],
    ),
    (
        "dynamodb's `Table.batch_writer`",
        [("reveal_type(table.batch_writer())", '"aws_typed._injected.BatchWriter"')],
    ),
    (
        "ec2's `create_tags` (returning `Tag` resources) and `Instance.delete_tags`",
        [
            (
                "reveal_type(ec2.resource().create_tags(Resources=['i-1'], Tags=[]))",
                '"list[aws_typed.ec2.service_resource.Tag]"',
            ),
            ("reveal_type(ec2.resource().Instance('i-1').delete_tags)", "DeleteTagsRequestInstanceDeleteTagsTypeDef"),
        ],
    ),
    (
        "Methods botocore injects into other clients (rds `generate_db_auth_token`, ...) are not declared: they "
        "are there at run time (the typed client is boto3's own client), but a checker reports them "
        '(`"RDSClient" has no attribute "generate_db_auth_token"`)',
        [("rds.client().generate_db_auth_token('h', 5432, 'u')", 'error: "RDSClient" has no attribute')],
    ),
    (
        '(Quickstart) bucket.upload_file("local.txt", "a/1.txt") # boto3\'s injected methods, typed',
        [("bucket.upload_file('local.txt', 'a/1.txt', ExtraArgs=1)", 'has incompatible type "int"')],
    ),
    (
        "returns the client's paginators, typed with AttributeValue pages",
        [("reveal_type(scan_page['Items'])", "AttributeValueOutputTypeDef")],
    ),
    (
        "s3's transfer methods (`upload_file`, `download_fileobj`, ...) are boto3's, not aiobotocore's",
        [("typed_aio.upload_file", 'error: "S3Client" has no attribute "upload_file"')],
    ),
]

HEAD = """\
from typing import Any

from aws_typed import dynamodb, ec2, s3
from aws_typed.s3 import aio
from rds_typed import rds

client = s3.client()
bucket = s3.resource().Bucket("b")
table = dynamodb.resource().Table("t")
scan_page = next(iter(table.meta.client.get_paginator("scan").paginate(TableName="t")))


def in_async(typed_aio: aio.S3Client) -> Any:
"""


@pytest.fixture(scope="module")
def rds_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("rds")
    result = botoloom("--services", "rds", "--package", "rds_typed", "--output", str(where), "--quiet")
    assert result.returncode == 0, result.stderr
    return where


@pytest.mark.typing
def test_readme_claims_about_what_is_typed(rds_package: Path, tmp_path: Path) -> None:
    lines = [line for _, checks in CLAIMS for line, _ in checks]
    snippet = HEAD + "".join(f"    {line}\n" for line in lines)
    (tmp_path / "snippet.py").write_text(snippet)
    first = snippet.count("\n", 0, snippet.index(lines[0])) + 1
    env = dict(os.environ, MYPYPATH=f"{GENERATED}{os.pathsep}{rds_package}")
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "--hide-error-context", "snippet.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    said: dict[int, list[str]] = {}
    for out in result.stdout.splitlines():
        match = re.match(r"snippet\.py:(\d+): (.*)", out)
        if match:
            said.setdefault(int(match[1]), []).append(match[2])
    expected = [(sentence, line, want) for sentence, checks in CLAIMS for line, want in checks]
    for number, (sentence, line, want) in enumerate(expected, first):
        assert flat(sentence.removeprefix("(Quickstart) ")) in flat(README), f"README no longer says: {sentence}"
        assert any(want in message for message in said.get(number, [])), (line, want, said.get(number))
    unexpected = {n: m for n, m in said.items() if n < first}
    assert not unexpected, unexpected


def test_untyped_botocore_method_works_at_run_time(rds_package: Path) -> None:
    """The other half of the rds claim: at run time the typed client has the method."""
    code = (
        "from rds_typed import rds; print(rds.client(region_name='us-east-1').generate_db_auth_token('h', 5432, 'u'))"
    )
    env = dict(os.environ, PYTHONPATH=str(rds_package))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("h:5432/?Action=connect&DBUser=u&")


def test_readme_installs_botoloom_only_from_a_checkout_or_git() -> None:
    """botoloom is not on the package index: every `pip install` of it in the README names a
    checkout path or a git URL (with the aio extra too), and the extra it names exists."""
    installs = re.findall(r'pip install ("[^"]*"|\S+)', README)
    ours = [spec.strip('"') for spec in installs if "botoloom" in spec]
    assert ours, "the README no longer says how to install botoloom"
    extras = set()
    for spec in ours:
        if spec.startswith("./"):
            name, _, extra = spec.removeprefix("./").partition("[")
            assert name == "botoloom", spec
            extras |= {extra.rstrip("]")} - {""}
            continue
        placeholders = {"<botoloom repository URL>": "https://example.invalid/botoloom.git", "<commit>": "0" * 40}
        for placeholder, value in placeholders.items():
            spec = spec.replace(placeholder, value)
        requirement = Requirement(spec)
        assert requirement.name == "botoloom" and requirement.url, f"from the package index: {spec}"
        assert requirement.url.startswith("git+"), spec
        extras |= requirement.extras
    assert extras == {"aio"}
    pyproject = (REPO / "pyproject.toml").read_text()
    assert re.search(r'^aio = \["aiobotocore', pyproject, re.M)
    assert 'pip install "botoloom[aio]"' not in README
