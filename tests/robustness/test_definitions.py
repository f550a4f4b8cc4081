"""Definitions that are odd or wrong: valid code, or exit 2 naming the file and the place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import Models, assert_error, run, tiny


def _nested(depth: int) -> dict[str, Any]:
    service = tiny()
    shapes = service["shapes"]
    shapes["ListIn"]["members"]["Deep"] = {"shape": "L0"}
    for i in range(depth):
        shapes[f"L{i}"] = {"type": "list", "member": {"shape": f"L{i + 1}" if i + 1 < depth else "S"}}
    return service


def test_nesting_that_python_accepts_generates(models: Models, tmp_path: Path) -> None:
    models.add("tiny", _nested(40))
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    compile((out / "aws_typed" / "tiny" / "type_defs.py").read_text(), "type_defs.py", "exec")


@pytest.mark.parametrize("depth", [300, 500, 2000])
def test_deeper_nesting_is_refused_naming_the_shape(models: Models, tmp_path: Path, depth: int) -> None:
    directory = models.add("tiny", _nested(depth))
    out = tmp_path / "out"
    assert_error(
        run("--services", "tiny", "--output", str(out), models=models),
        str(directory / "service-2.json"),
        "shapes.L0",
        "nest",
    )
    assert not out.exists()


def _without(key: str) -> dict[str, Any]:
    service = tiny()
    del service[key]
    return service


def _shape(**changes: Any) -> dict[str, Any]:
    service = tiny()
    service["shapes"]["Kind"] = {"type": "string", **changes}
    service["shapes"]["ListIn"]["members"]["Kind"] = {"shape": "Kind"}
    return service


def _structure(**changes: Any) -> dict[str, Any]:
    service = tiny()
    service["shapes"]["ListIn"].update(changes)
    return service


WRONG = {
    "no metadata": (_without("metadata"), "metadata: must be an object"),
    "metadata list": (tiny(metadata=[]), "metadata: must be an object"),
    "enum string": (_shape(enum="abc"), "shapes.Kind.enum: must be a list of strings"),
    "enum numbers": (_shape(enum=[1, 2]), "shapes.Kind.enum: must be a list of strings"),
    "required string": (_structure(required="NextToken"), "shapes.ListIn.required: must be a list of strings"),
    "members list": (_structure(members=[]), "shapes.ListIn.members: must be an object"),
    "unknown type": (_shape(type="strnig"), "shapes.Kind.type: unknown shape type 'strnig'"),
    "operations list": (tiny(operations=[]), "operations: must be an object"),
    "shape ref number": (_structure(members={"A": {"shape": 5}}), "shapes.ListIn.members.A.shape: must be a string"),
    "docs number": (tiny(documentation=5), "service.documentation: must be a string"),
    "undefined shape": (_structure(members={"A": {"shape": "Nope"}}), "'Nope'"),
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_wrong_schema_is_refused_naming_file_and_place(models: Models, tmp_path: Path, case: str) -> None:
    service, where = WRONG[case]
    directory = models.add("tiny", service)
    out = tmp_path / "out"
    assert_error(
        run("--services", "tiny", "--output", str(out), models=models), str(directory / "service-2.json"), where
    )
    assert not out.exists()


def test_paginators_and_waiters_for_unknown_operations_are_reported(models: Models, tmp_path: Path) -> None:
    acceptors = [{"state": "success", "matcher": "status", "expected": 200}]
    directory = models.add(
        "tiny",
        paginators_1={
            "pagination": {
                "ListGhosts": {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Things"}
            }
        },
        waiters_2={
            "version": 2,
            "waiters": {
                "GhostGone": {"operation": "DescribeGhost", "delay": 1, "maxAttempts": 2, "acceptors": acceptors}
            },
        },
    )
    result = run("--services", "tiny", "--output", str(tmp_path / "out"), "--quiet", models=models)
    assert result.returncode == 0
    assert (
        f"botoloom: warning: {directory / 'paginators-1.json'}: pagination.ListGhosts: no such operation"
        in result.stderr
    )
    assert (
        f"botoloom: warning: {directory / 'waiters-2.json'}: waiters.GhostGone: operation 'DescribeGhost' does not exist"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("kind", "document", "where"),
    [
        ("paginators-1", {"pagination": {"ListThings": {"input_token": 5}}}, "pagination.ListThings.input_token"),
        ("paginators-1", {"pagination": []}, '"pagination" must be an object'),
        (
            "waiters-2",
            {"version": 2, "waiters": {"W": {"operation": "ListThings", "delay": "1", "acceptors": []}}},
            "waiters.W.delay",
        ),
        ("waiters-2", {"version": 2, "waiters": {"W": {"delay": 1, "acceptors": []}}}, "waiters.W.operation"),
        (
            "waiters-2",
            {"version": 2, "waiters": {"W": {"operation": "ListThings", "acceptors": {}}}},
            "waiters.W.acceptors",
        ),
    ],
)
def test_errors_in_other_files_name_that_file(
    models: Models, tmp_path: Path, kind: str, document: Any, where: str
) -> None:
    directory = models.add("tiny", **{kind.replace("-", "_"): document})
    result = run("--services", "tiny", "--output", str(tmp_path / "out"), models=models)
    assert_error(result, str(directory / f"{kind}.json"), where)
    assert "service-2" not in result.stderr


def test_corrupt_compressed_definition(models: Models, tmp_path: Path) -> None:
    directory = models.root / "tiny" / "2020-01-01"
    directory.mkdir(parents=True)
    (directory / "service-2.json.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    assert_error(run("--services", "tiny", "--output", str(tmp_path / "out"), models=models), "tiny", "service-2")


def test_file_in_place_of_a_service_directory(models: Models, tmp_path: Path) -> None:
    models.root.mkdir(parents=True)
    (models.root / "tiny").write_text("not a directory")
    result = run("--services", "tiny", "--output", str(tmp_path / "out"), models=models)
    assert_error(result, "tiny")
    assert not (tmp_path / "out").exists()


def test_file_in_place_of_a_version_directory(models: Models, tmp_path: Path) -> None:
    (models.root / "tiny").mkdir(parents=True)
    (models.root / "tiny" / "2020-01-01").write_text("not a directory")
    assert_error(run("--services", "tiny", "--output", str(tmp_path / "out"), models=models), "tiny")
