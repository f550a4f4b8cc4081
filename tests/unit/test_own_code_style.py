"""The generator's own code is formatted and linted by ruff ([tool.ruff] in pyproject.toml),
as `make check` does, so that CI (make test) holds it too."""

from __future__ import annotations

import subprocess

import pytest

from ..helpers import BIN, REPO

OWN_CODE = ["generator", "tests", "tools", "bench"]


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]], ids=["format", "lint"])
def test_ruff(command: list[str]) -> None:
    result = subprocess.run(
        [str(BIN / "ruff"), *command, *OWN_CODE], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
