"""The botocore and aiobotocore parts of `install --stubs` (generator/app/library_stubs.py,
skeleton.py), read as text against the botocore that runs here: every name botocore's modules
have is declared (nothing invented, nothing left out), the package's typed classes are
re-exported, Config takes exactly botocore's options, and create_client is overloaded for the
services the package has aio for."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import boto3
import botocore
import botocore.config
import botocore.exceptions
import botocore.stub
import pytest

from generator.app import boto3_stubs

from ..helpers import GENERATED

DATA = [os.path.join(os.path.dirname(m.__file__ or ""), "data") for m in (botocore, boto3)]


def files(parts: tuple[str, ...] = boto3_stubs.PARTS) -> dict[str, str]:
    return boto3_stubs.stub_files(GENERATED / "aws_typed", DATA, parts)


def declared(text: str) -> dict[str, ast.stmt]:
    tree = ast.parse(text)
    names: dict[str, ast.stmt] = {}
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.ImportFrom):
            names.update({a.asname or a.name: node for a in node.names})
    return names


def test_every_exception_class_of_botocore_is_declared_and_client_error_is_the_packages() -> None:
    stub = declared(files()["botocore-stubs/exceptions.pyi"])
    classes = {
        n
        for n, v in vars(botocore.exceptions).items()
        if inspect.isclass(v) and v.__module__ == "botocore.exceptions" and not n.startswith("_")
    }
    assert classes <= set(stub), sorted(classes - set(stub))
    client_error = stub["ClientError"]
    assert isinstance(client_error, ast.ImportFrom) and client_error.module == "aws_typed._types"
    event_stream = stub["EventStreamError"]
    assert isinstance(event_stream, ast.ClassDef) and [ast.unparse(b) for b in event_stream.bases] == ["ClientError"]


def test_config_takes_botocores_options_by_keyword() -> None:
    (config,) = [n for n in ast.parse(files()["botocore-stubs/config.pyi"]).body if getattr(n, "name", "") == "Config"]
    assert isinstance(config, ast.ClassDef)
    (init,) = [n for n in config.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"]
    assert [a.arg for a in init.args.kwonlyargs] == list(botocore.config.Config.OPTION_DEFAULTS)
    assert init.args.kwarg is None  # an unknown keyword is a type error, as botocore raises TypeError


def test_stubber_and_the_re_exported_classes() -> None:
    made = files()
    stub = declared(made["botocore-stubs/stub.pyi"])
    assert "ANY" in stub
    # botocore's Stubber is the package's BaseStubber (the typed service stubbers' base, so
    # that they are Stubbers for the checker), and it declares every public method of botocore's
    assert (
        "from aws_typed._stubber import BaseStubber as _Stubber\nStubber = _Stubber\n"
        in made["botocore-stubs/stub.pyi"]
    )
    tree = ast.parse((GENERATED / "aws_typed" / "_stubber.py").read_text(encoding="utf-8"))
    base = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "BaseStubber")
    public = {n for n in vars(botocore.stub.Stubber) if not n.startswith("_")}
    methods = {n.name for n in ast.walk(base) if isinstance(n, ast.FunctionDef)}
    assert public <= methods, sorted(public - methods)
    assert "from aws_typed._types import StreamingBody as StreamingBody" in made["botocore-stubs/response.pyi"]
    assert "from aws_typed._runtime import BaseClient as BaseClient" in made["botocore-stubs/client.pyi"]
    assert "from botocore.config import Config as Config" in made["botocore-stubs/client.pyi"]
    assert "PageIterator = _PageIterator[Any, Any]" in made["botocore-stubs/paginate.pyi"]
    assert "from aws_typed._runtime import Waiter as Waiter" in made["botocore-stubs/waiter.pyi"]
    assert "def get_session(" in made["botocore-stubs/session.pyi"]
    base = made["boto3-stubs/resources/base.pyi"]
    assert "from aws_typed._resources import BaseResource as _BaseResource\n" in base
    assert "\nServiceResource = _BaseResource\n" in base
    assert "from aws_typed._resources import ResourceMeta as ResourceMeta\n" in base


def test_create_client_is_overloaded_for_the_aio_services() -> None:
    session = files()["aiobotocore-stubs/session.pyi"]
    aio = sorted(p.parent.name for p in Path(GENERATED / "aws_typed").glob("*/aio.pyi"))
    assert aio, "the golden package has aio modules"
    assert session.count("def create_client(") == len(aio) + 1  # one per service, one fallback
    assert "service_name: Literal['s3']" in session and "ClientContext[" in session


def test_a_part_left_out_is_not_written() -> None:
    made = files(("boto3-stubs",))
    assert made and all(path.startswith("boto3-stubs/") for path in made)


@pytest.mark.slow
def test_the_stubs_themselves_pass_mypy_strict(tmp_path: Path) -> None:
    """Each stub tree as a package of its own (no duplicate names, every base and import
    resolves), against the golden package."""
    for rel, text in files().items():
        top, _, rest = rel.partition("/")
        target = tmp_path / top.removesuffix("-stubs") / rest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(GENERATED)}
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", os.devnull]
    done = subprocess.run(
        [*command, "-p", "botocore", "-p", "aiobotocore"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
