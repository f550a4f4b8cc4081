"""Names that collide or shadow: refused with exit 2 and the reason, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Models, assert_error, run, snapshot


def test_services_that_become_one_module(models: Models, tmp_path: Path) -> None:
    models.add("a-b")
    models.add("a_b")
    out = tmp_path / "out"
    assert_error(
        run("--services", "a-b", "a_b", "--output", str(out), models=models), "'a-b' and 'a_b'", "module 'a_b'"
    )
    assert not out.exists()


@pytest.mark.parametrize("name", ["_types", "_runtime", "_resources", "_injected"])
def test_service_shadowing_the_runtime(models: Models, tmp_path: Path, name: str) -> None:
    models.add(name)
    out = tmp_path / "out"
    assert_error(run("--services", name, "--output", str(out), models=models), repr(name))
    assert not out.exists()


@pytest.mark.parametrize("package", ["boto3", "botocore", "typing", "json", "os", "sys", "pytest", "typing_extensions"])
def test_package_shadowing_a_module(tmp_path: Path, package: str) -> None:
    out = tmp_path / "out"
    assert_error(run("--services", "sqs", "--output", str(out), "--package", package), repr(package))
    assert not out.exists()


def test_package_name_from_pyproject_must_be_a_string(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.botoloom]\nservices = ["sqs"]\npackage = 5\n')
    before = snapshot(tmp_path)
    assert_error(run(cwd=tmp_path), "pyproject.toml", "package must be a string")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "table", ['services = "sqs"', "services = [1]", "output = 5", "jobs = 0", 'jobs = "2"', "[tool.botoloom.x]"]
)
def test_wrong_pyproject_values(tmp_path: Path, table: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.botoloom]\n{table}\n")
    assert_error(run(cwd=tmp_path), "pyproject.toml")


def test_regenerating_an_installed_botoloom_package_is_allowed(tmp_path: Path) -> None:
    """generated/ is on the tests' path: a botoloom package of the same name is not a clash."""
    assert run("--services", "sqs", "--output", str(tmp_path / "out"), "--quiet").returncode == 0


@pytest.mark.parametrize("output", ["../elsewhere", "/tmp/botoloom-elsewhere", "src/../../elsewhere"])
def test_pyproject_output_must_stay_in_the_project(tmp_path: Path, output: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text(f'[tool.botoloom]\nservices = ["sqs"]\noutput = "{output}"\n')
    assert_error(run(cwd=project), "outside the project")
    assert not (tmp_path / "elsewhere").exists() and not Path("/tmp/botoloom-elsewhere").exists()
