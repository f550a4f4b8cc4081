"""--all generates every service botocore lists; every package compiles and imports."""

from __future__ import annotations

import compileall
import subprocess
import sys
from pathlib import Path

import botocore.session
import pytest

from .helpers import botoloom


@pytest.fixture(scope="module")
def all_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`botoloom --all` once for this module's tests."""
    out = tmp_path_factory.mktemp("all")
    result = botoloom("--all", "--output", str(out))
    assert result.returncode == 0, result.stderr[-5000:]
    return out


def test_all_services_generate_compile_and_import(all_out: Path) -> None:
    out = all_out
    package = out / "aws_typed"
    expected = botocore.session.get_session().get_available_services()
    from generator.naming.rules import module_name

    for name in expected:
        assert (package / module_name(name) / "client.py").is_file(), name
    assert compileall.compile_dir(str(package), quiet=2, workers=1)
    script = (
        "import importlib, pkgutil, sys\n"
        "import aws_typed\n"
        "mods = [m.name for m in pkgutil.iter_modules(aws_typed.__path__) if m.ispkg]\n"
        "for m in mods:\n"
        "    for sub in ('', '.client', '.type_defs', '.literals', '.exceptions'):\n"
        "        importlib.import_module('aws_typed.' + m + sub)\n"
        "print(len(mods))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-5000:]
    assert int(run.stdout.strip()) == len(expected)


def test_every_paginator_and_waiter_has_its_class(all_out: Path) -> None:
    """get_paginator/get_waiter accept exactly botocore's names, each with its own class."""
    out = all_out
    script = r"""
import importlib, json, pathlib, sys, typing
import botocore.session
import pytest
from botocore import xform_name
from generator.naming.rules import module_name
session = botocore.session.get_session()
loader = session.get_component("data_loader")
report = {"paginators": 0, "waiters": 0, "problems": []}
for name in session.get_available_services():
    mod = module_name(name)
    shim = importlib.import_module(f"aws_typed.{mod}.client")  # its .pyi declares the methods
    stub = pathlib.Path(shim.__file__).with_suffix(".pyi").read_text(encoding="utf-8")
    lits = importlib.import_module(f"aws_typed.{mod}.literals")
    try:
        pag = loader.load_service_model(name, "paginators-1")["pagination"]
    except Exception:
        pag = {}
    try:
        wai = loader.load_service_model(name, "waiters-2")["waiters"]
    except Exception:
        wai = {}
    ops = {xform_name(o) for o in loader.load_service_model(name, "service-2")["operations"]}
    for kind, names, table_mod, table, alias in (
        ("paginators", {xform_name(p) for p in pag if xform_name(p) in ops}, "paginators", "PAGINATORS", "PaginatorName"),
        ("waiters", {xform_name(w) for w in wai}, "waiters", "WAITERS", "WaiterName"),
    ):
        report[kind] += len(names)
        if not names:
            if hasattr(lits, alias):
                report["problems"].append(f"{name}: {alias} defined but botocore has no {kind}")
            continue
        classes = getattr(importlib.import_module(f"aws_typed.{mod}.{table_mod}"), table)
        if set(classes) != names:
            report["problems"].append(f"{name}: {table} {sorted(set(classes) ^ names)}")
        if len(set(classes.values())) != len(classes):
            report["problems"].append(f"{name}: {table} classes are not distinct")
        if set(typing.get_args(getattr(lits, alias))) != names:
            report["problems"].append(f"{name}: {alias} differs from botocore")
        getter = "get_paginator" if kind == "paginators" else "get_waiter"
        if f"    {getter}: Final[" not in stub and f"def {getter}(" not in stub:  # a call Protocol, or one def
            report["problems"].append(f"{name}: client has no {getter}")
print(json.dumps(report))
"""
    import json
    import os

    env = dict(os.environ, PYTHONPATH=f"{out}{os.pathsep}{Path(__file__).resolve().parent.parent}")
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-5000:]
    report = json.loads(run.stdout)
    assert report["problems"] == []
    # botocore 1.43's census: 3,112 paginators and 363 waiters (fewer only if an
    # operation is removed from the client by botocore itself).
    assert report["paginators"] >= 3000 and report["waiters"] >= 350, report
