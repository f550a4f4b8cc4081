"""Code that ends up in the output: hostile names from definitions and their directories."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.naming.rules import module_name

from .conftest import TINY, Models, assert_error, run, tiny

EVIL = 'evil"+str(__import__("os").mkdir("PWNED"))+"'


def _import_all(out: Path, package: str = "aws_typed") -> subprocess.CompletedProcess[str]:
    """Import every generated module in a fresh interpreter, with `out` as the cwd."""
    code = (
        "import importlib, pathlib, sys\n"
        f"root = pathlib.Path({package!r})\n"
        "for path in sorted(root.rglob('*.py')):\n"
        "    name = '.'.join(path.with_suffix('').parts).removesuffix('.__init__')\n"
        "    importlib.import_module(name)\n"
    )
    return subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, check=False)


def test_service_directory_name_cannot_inject_code(models: Models, tmp_path: Path) -> None:
    models.add(EVIL)
    out = tmp_path / "out"
    result = run("--services", EVIL, "--output", str(out), "--quiet", models=models)
    assert result.returncode == 0, result.stderr
    imported = _import_all(out)
    assert imported.returncode == 0, imported.stderr
    assert not (out / "PWNED").exists()
    client = (out / "aws_typed" / module_name(EVIL) / "client.py").read_text()
    compile(client, "client.py", "exec")
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from aws_typed.{module_name(EVIL)}.client import TinyServiceClient as c; print(c._service_name)",
        ],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.stdout.strip() == EVIL and not (out / "PWNED").exists()


def test_hostile_waiter_and_paginator_names_make_valid_code(models: Models, tmp_path: Path) -> None:
    """Waiter and paginator names go into class names through the naming authority."""
    service = tiny()
    service["operations"]['Q"uote'] = {
        "name": 'Q"uote',
        "http": {"method": "POST", "requestUri": "/"},
        "input": {"shape": "ListIn"},
        "output": {"shape": "ListOut"},
    }
    acceptors = [{"state": "success", "matcher": "status", "expected": 200}]
    waiters = {
        "version": 2,
        "waiters": {
            name: {"operation": "ListThings", "delay": 1, "maxAttempts": 2, "acceptors": acceptors}
            for name in ['Q"uote', "Sp ace", "New\nLine", "class", "9Lives"]
        },
    }
    paginators = {
        "pagination": {'Q"uote': {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Things"}}
    }
    models.add("tiny", service, waiters_2=waiters, paginators_1=paginators)
    out = tmp_path / "out"
    result = run("--services", "tiny", "--output", str(out), "--quiet", models=models)
    assert result.returncode == 0, result.stderr
    for path in (out / "aws_typed" / "tiny").glob("*.py"):
        compile(path.read_text(), str(path), "exec")
    imported = _import_all(out)
    assert imported.returncode == 0, imported.stderr
    waiters_py = (out / "aws_typed" / "tiny" / "waiters.py").read_text()
    assert "class QuoteWaiter(Waiter)" in waiters_py and "class SpaceWaiter(Waiter)" in waiters_py


def test_service_named_like_python_keyword_module(models: Models, tmp_path: Path) -> None:
    models.add("import", tiny())
    out = tmp_path / "out"
    assert run("--services", "import", "--output", str(out), "--quiet", models=models).returncode == 0
    assert _import_all(out).returncode == 0
    assert (out / "aws_typed" / "import_" / "client.py").is_file()


def test_tiny_model_is_valid(models: Models, tmp_path: Path) -> None:
    """The base model of these tests generates cleanly (so each failure above is its own)."""
    models.add("tiny", TINY)
    result = run("--services", "tiny", "--output", str(tmp_path / "out"), "--quiet", models=models)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def _resources(
    thing: str = "Thing", collection: str = "Things", action: str = "ListAll", identifier: str = "Name"
) -> dict[str, object]:
    """A boto3 resources-1 document for the tiny service."""
    ids = [{"target": identifier, "source": "input"}]
    return {
        "service": {
            "actions": {action: {"request": {"operation": "ListThings"}}},
            "has": {thing: {"resource": {"type": thing, "identifiers": ids}}},
            "hasMany": {
                collection: {
                    "request": {"operation": "ListThings"},
                    "resource": {
                        "type": thing,
                        "identifiers": [{"target": identifier, "source": "response", "path": "Things[]"}],
                    },
                }
            },
        },
        "resources": {thing: {"identifiers": [{"name": identifier}]}},
    }


def test_resource_definition_generates(models: Models, tmp_path: Path) -> None:
    models.add("tiny", resources_1=_resources())
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    assert _import_all(out).returncode == 0
    assert "class Thing(" in (out / "aws_typed" / "tiny" / "service_resource.py").read_text()


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"thing": 'Th"ing'}, 'ServiceResource.related.Th"ing'),
        ({"collection": "Sp ace"}, "ServiceResource.collections.Sp ace"),
        ({"action": 'Do"It'}, 'ServiceResource.actions.Do"It'),
        ({"action": "Import"}, "ServiceResource.actions.Import"),
        ({"identifier": "Na me"}, "Thing.identifiers.Na me"),
    ],
)
def test_hostile_resource_names_are_refused_naming_the_file(
    models: Models, tmp_path: Path, changes: dict[str, str], where: str
) -> None:
    directory = models.add("tiny", resources_1=_resources(**changes))
    out = tmp_path / "out"
    assert_error(
        run("--services", "tiny", "--output", str(out), models=models), str(directory / "resources-1.json"), where
    )
    assert not out.exists()
