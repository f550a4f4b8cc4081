"""The committed output passes mypy --strict and pyright with no errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.text import pragma

from ..helpers import BIN, GENERATED, REPO

pytestmark = pytest.mark.typing


def test_every_generated_module_starts_with_the_pragma() -> None:
    root = GENERATED / "aws_typed"
    modules = [p for p in [*root.rglob("*.py"), *root.rglob("*.pyi")] if not p.name.startswith("_")]
    assert len(modules) > 100
    assert [p for p in modules if not p.read_text().startswith(pragma.PRAGMA + "\n")] == []


@pytest.mark.parametrize("what", ["stubs", "modules"])
def test_mypy_strict_on_generated(tmp_path: Path, what: str) -> None:
    """In full: on a copy without the pragma, so mypy checks bodies and overloads too; mypy
    reads a .pyi instead of its .py, so the modules themselves are checked on a copy without
    the stubs."""
    shutil.copytree(GENERATED / "aws_typed", tmp_path / "aws_typed")
    assert pragma.strip(tmp_path) > 100
    if what == "modules":
        assert pragma.drop_stubs(tmp_path) > 50
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path / ".mypy_cache"), "aws_typed"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-8000:]
    assert "Success: no issues found" in result.stdout


def test_pyright_on_generated() -> None:
    result = subprocess.run([str(BIN / "pyright"), "aws_typed"], cwd=GENERATED, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-8000:]
    assert "0 errors" in result.stdout


def test_mypy_strict_on_the_generator(tmp_path: Path) -> None:
    """botoloom's own code, with the settings of pyproject.toml ([tool.mypy] strict)."""
    result = subprocess.run(
        [str(BIN / "mypy"), "--cache-dir", str(tmp_path / ".mypy_cache"), "generator"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-8000:]
    assert "Success: no issues found" in result.stdout
