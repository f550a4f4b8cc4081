"""Shared test helpers: paths and running the generator / checkers as a user would."""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated"
BIN = Path(sys.executable).parent
REFERENCE = [
    "s3",
    "sqs",
    "dynamodb",
    "ec2",
    "iam",
    "sns",
    "cloudformation",
    "cloudwatch",
    "glacier",
    "lambda",
    "apigatewayv2",
    "wafv2",
    "glue",
]


def botoloom(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the botoloom command line in a fresh process."""
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or REPO,
        check=False,
    )


def on_moto(endpoint: str, factory: str, close: Callable[[Any], None]) -> Iterator[Callable[..., Any]]:
    """Body of the typed_client/typed_resource fixtures: yields make(service_module, **kwargs),
    which calls the generated package's `factory` (client or resource) against the local
    moto server only; closes what it made at teardown.

    `service_module` is a generated service package (or its name, e.g. "lambda_")."""
    made: list[Any] = []

    def make(service_module: ModuleType | str, **kwargs: Any) -> Any:
        if isinstance(service_module, str):
            service_module = importlib.import_module(f"aws_typed.{service_module}")
        if "endpoint_url" in kwargs and kwargs["endpoint_url"] != endpoint:
            raise ValueError(f"typed_{factory} only talks to the local moto server")
        kwargs["endpoint_url"] = endpoint
        kwargs.setdefault("region_name", "us-east-1")
        obj = getattr(service_module, factory)(**kwargs)
        made.append(obj)
        return obj

    yield make
    for obj in made:
        close(obj)


def stub_module(module_name: str) -> ModuleType:
    """The .pyi stub beside a generated module, executed as a module of its own package:
    its classes are what type checkers read (the .py is the run-time shim), so tests that
    inspect methods and annotations inspect these. The module itself when it has no stub."""
    module = importlib.import_module(module_name)
    path = Path(str(module.__file__)).with_suffix(".pyi")
    if not path.is_file():
        return module
    name = f"{module_name}__stub"
    if name in sys.modules:
        return sys.modules[name]
    loader = importlib.machinery.SourceFileLoader(name, str(path))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    stub = importlib.util.module_from_spec(spec)
    sys.modules[name] = stub
    loader.exec_module(stub)
    return stub
