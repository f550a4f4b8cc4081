"""--aio and [tool.botoloom] aio: what they add, that nothing else changes, bad input, and
that the generated package needs aiobotocore only where a client is made without a session."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.model.service import build
from generator.options import Options
from generator.render.files import render_package, render_service, render_service_entry

from ..helpers import GENERATED, botoloom, stub_module
from ..test_cli import assert_error, snapshot
from .checks import AioChecker


@pytest.mark.parametrize("service", ["s3", "lambda", "sqs"])
def test_aio_adds_files_and_changes_no_other(service: str) -> None:
    model = build(pipeline.source().load(service))
    plain = render_service(model, "v", Options())
    with_aio = render_service(model, "v", Options(aio=True))
    added = sorted(set(with_aio) - set(plain))
    assert {path.rsplit("/", 1)[1] for path in added} <= {"aio.py", "aio.pyi", "aio_type_defs.py"} and added
    assert {k: with_aio[k] for k in plain} == plain  # every other file byte-identical
    entry = render_service_entry(model, "v", Options())[1]
    assert set(render_package("p", [entry], "v", aio=True)) - set(render_package("p", [entry], "v")) == {"_aio.py"}
    streaming = service in ("s3", "lambda")  # get_object's Body, invoke_with_response_stream's EventStream
    assert any(path.endswith("aio_type_defs.py") for path in added) == streaming


def test_cli_flag_and_config_key(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sqs"]\noutput = "src"\naio = true\n')
    assert botoloom(cwd=project).returncode == 0
    assert (project / "src" / "aws_typed" / "sqs" / "aio.py").is_file()
    assert (project / "src" / "aws_typed" / "_aio.py").is_file()
    (project / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sqs"]\noutput = "src"\n')
    assert botoloom(cwd=project).returncode == 0  # without aio the aio files go again
    assert not (project / "src" / "aws_typed" / "sqs" / "aio.py").exists()
    assert not (project / "src" / "aws_typed" / "_aio.py").exists()
    out = tmp_path / "out"
    assert botoloom("--services", "sqs", "--aio", "--output", str(out)).returncode == 0
    assert (out / "aws_typed" / "sqs" / "aio.py").is_file()


def test_config_aio_must_be_a_boolean(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sqs"]\naio = "yes"\n')
    before = snapshot(tmp_path)
    assert_error(botoloom(cwd=tmp_path), "[tool.botoloom] aio must be true or false")
    assert snapshot(tmp_path) == before


def test_the_package_imports_without_aiobotocore() -> None:
    code = (
        "import sys; sys.modules['aiobotocore'] = None\n"  # import aiobotocore now fails
        "from aws_typed import s3\nfrom aws_typed.s3 import aio\nfrom aws_typed.lambda_ import aio as l\n"
        "context = aio.client(session=type('S', (), {'create_client': lambda self, name, **kw: name})())\n"
        "try:\n    aio.client(region_name='us-east-1')\nexcept ImportError:\n    print('needs aiobotocore')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(GENERATED))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "needs aiobotocore\n"


def test_the_parity_check_finds_a_wrong_aio_module() -> None:
    """The aio parity check (checks.py) against the committed s3 module, then a broken copy."""
    import aiobotocore.session
    from aiobotocore.config import AioConfig
    from aws_typed.s3 import aio

    async def check() -> list[str]:
        session = aiobotocore.session.get_session()
        config = AioConfig(parameter_validation=False, retries={"max_attempts": 0})
        async with session.create_client("s3", region_name="us-east-1", config=config) as raw:
            checker = AioChecker("aws_typed", "s3", raw)
            checker.operations()
            checker.getters("paginator")
            checker.getters("waiter")
            await checker.exceptions()
            return checker.failures

    assert asyncio.run(check()) == []
    declared = stub_module(aio.__name__).S3Client  # the class as checkers read it (aio.pyi)
    saved = dict(declared.get_object.__annotations__), dict(aio.WAITERS)
    try:
        declared.get_object.__annotations__["return"] = "GetObjectOutputTypeDef"  # a missing Coroutine
        del aio.WAITERS["object_exists"]
        failures = asyncio.run(check())
    finally:
        declared.get_object.__annotations__.update(saved[0])
        aio.WAITERS.update(saved[1])
    assert any("get_object: returns 'GetObjectOutputTypeDef'" in f for f in failures), failures
    assert any("waiters: ['object_exists'] differ from the sync module's" in f for f in failures), failures
