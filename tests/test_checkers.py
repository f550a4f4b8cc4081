"""The committed output passes mypy --strict and pyright with no errors."""

from __future__ import annotations

import subprocess

import pytest

from .helpers import BIN, GENERATED

pytestmark = pytest.mark.typing


def test_mypy_strict_on_generated(tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = tmp_path_factory.mktemp("mypy-cache")
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--cache-dir", str(cache), "aws_typed"],
        cwd=GENERATED, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-8000:]
    assert "Success: no issues found" in result.stdout


def test_pyright_on_generated() -> None:
    result = subprocess.run([str(BIN / "pyright"), "aws_typed"], cwd=GENERATED, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-8000:]
    assert "0 errors" in result.stdout
