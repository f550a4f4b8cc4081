"""Unchanged boto3 code under botoloom's boto3 stubs (issue 30, must-show 1), with the five
checkers and the markers of test_typing.py (same grammar, same comparison).

The snippets under stubs_snippets/ import boto3, botocore and boto3.dynamodb.conditions as
code written for plain boto3 does.  They are checked against an environment as
`botoloom install --stubs` leaves it: a virtual environment whose site-packages holds the
stub trees `boto3-stubs/`, `botocore-stubs/` and `aiobotocore-stubs/` that
generator.app.boto3_stubs makes from the golden package (generated/aws_typed) and this
botocore, and a `.pth` file that puts generated/ and this environment's site-packages (boto3,
botocore) on its path.  Skipped where typed boto3 (types-boto3, botocore-stubs) is installed:
botoloom's stubs refuse to go beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import boto3
import botocore
import pytest

from generator.app.boto3_stubs import stub_files

from .test_typing import CHECKERS, GENERATED, HERE, CheckerRun, Snippet, compare, load_snippet, run_checkers
from .test_typing import _typed_boto3_installed as typed_boto3_installed

pytestmark = pytest.mark.typing

SNIPPETS = HERE / "stubs_snippets"
STUBS_SNIPPETS = [load_snippet(p, kind) for kind in ("pass", "fail") for p in sorted((SNIPPETS / kind).glob("*.py"))]


def stub_environment(base: Path) -> Path:
    """A virtual environment as `install --stubs` leaves it (module docstring); its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(base / "venv")], check=True)
    python = base / "venv" / "bin" / "python"
    site = next((base / "venv" / "lib").glob("python*/site-packages"))
    data = [os.path.join(os.path.dirname(m.__file__ or ""), "data") for m in (botocore, boto3)]
    for rel, text in stub_files(GENERATED / "aws_typed", data).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    (site / "botoloom_typing.pth").write_text(f"{GENERATED}\n{sysconfig.get_paths()['purelib']}\n", encoding="utf-8")
    return python


@pytest.fixture(scope="module")
def stub_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CheckerRun]:
    if typed_boto3_installed():
        pytest.skip("typed boto3 is installed here: botoloom's boto3 stubs refuse to go beside it")
    base = tmp_path_factory.mktemp("boto3-stubs-typing")
    return run_checkers(base, STUBS_SNIPPETS, CHECKERS, str(stub_environment(base)))


@pytest.mark.parametrize(
    ("snippet", "checker"),
    [pytest.param(s, c, id=f"{s.id}-{c}") for s in STUBS_SNIPPETS for c in CHECKERS],
)
def test_unchanged_boto3_snippet(snippet: Snippet, checker: str, stub_runs: dict[str, CheckerRun]) -> None:
    assert not snippet.problems, f"{snippet.rel} is malformed: " + "; ".join(snippet.problems)
    run = stub_runs[checker]
    assert run.fatal is None, f"{checker} did not run properly: {run.fatal}\n{run.transcript()}"
    assert not run.outside, f"{checker} reported errors outside the snippets:\n" + "\n".join(
        d.render() for d in run.outside
    )
    diagnostics = run.diagnostics.get(snippet.path.resolve(), [])
    problems = compare(snippet, checker, diagnostics)
    output = "\n".join(d.render() for d in diagnostics) or "  (no diagnostics)"
    assert not problems, "\n".join(f"  - {p}" for p in problems) + f"\n\n{checker} output:\n{output}"


def test_the_stub_snippets_cover_every_kind_of_object() -> None:
    text = "\n".join(s.path.read_text(encoding="utf-8") for s in STUBS_SNIPPETS)
    for needed in ("Session()", "resource(", ".objects.", "get_paginator", "get_waiter", "exceptions.", "Key("):
        assert needed in text, needed
    assert {s.kind for s in STUBS_SNIPPETS} == {"pass", "fail"}
