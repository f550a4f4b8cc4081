"""[tool.botoloom] botocore: the botocore a project pins.  The build steps (the pre-commit
hooks' commands, the hatch build hook) generate from the environment's botocore only when it
satisfies the pin, and otherwise fail in one line with nothing written; real runs on a real
project directory, the pre-commit command read from .pre-commit-hooks.yaml itself."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.app import config, hatch_hook
from generator.errors import UserError

from .helpers import REPO

PINNED = version("botocore")  # the botocore this environment has
PROJECT = """\
[project]
name = "userapp"
version = "1.0"

[tool.botoloom]
services = ["sts"]
output = "src"
jobs = 1
{pin}
"""


def project(tmp_path: Path, pin: str | None) -> Path:
    text = PROJECT.format(pin=f'botocore = "{pin}"' if pin is not None else "")
    (tmp_path / "pyproject.toml").write_text(text)
    return tmp_path


def pre_commit(hook_id: str, where: Path) -> subprocess.CompletedProcess[str]:
    """The entry of `hook_id` in .pre-commit-hooks.yaml, run as pre-commit runs a
    language: system hook (in the project directory, no file names)."""
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    [entry] = [hook["entry"] for hook in hooks if hook["id"] == hook_id]
    argv = shlex.split(entry)
    assert argv[0] == "botoloom"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | {"PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *argv[1:]], capture_output=True, text=True, cwd=where, env=env
    )


def one_error_line(stderr: str, *needles: str) -> None:
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("botoloom: error: "), stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize(
    ("written", "kept"),
    [("==1.43.11", "==1.43.11"), ("1.43.11", "==1.43.11"), (">=1.40, <2", "<2,>=1.40"), ("~=1.43.0", "~=1.43.0")],
)
def test_the_pin_is_a_version_specifier(tmp_path: Path, written: str, kept: str) -> None:
    assert config.load(project(tmp_path, written)).botocore == kept


@pytest.mark.parametrize("bad", ["", "latest", "==1.43.11 or so", "1.43.*"])
def test_a_pin_that_is_not_a_specifier_is_one_line(tmp_path: Path, bad: str) -> None:
    with pytest.raises(UserError, match=r"\[tool.botoloom\] botocore") as caught:
        config.load(project(tmp_path, bad))
    assert "\n" not in str(caught.value)


def test_pre_commit_check_refuses_another_botocore(tmp_path: Path) -> None:
    where = project(tmp_path, "==1.0.0")
    result = pre_commit("botoloom-check", where)
    assert result.returncode == 2
    one_error_line(result.stderr, 'botocore = "==1.0.0"', f"this environment has botocore {PINNED}")
    result = pre_commit("botoloom", where)
    assert result.returncode == 2
    one_error_line(result.stderr, 'botocore = "==1.0.0"')
    assert not (where / "src").exists()  # nothing generated from the wrong botocore


def test_pre_commit_generates_from_the_pinned_botocore(tmp_path: Path) -> None:
    where = project(tmp_path, f"=={PINNED}")
    result = pre_commit("botoloom", where)
    assert result.returncode == 0, result.stderr
    assert f'"botocore": "{PINNED}"' in (where / "src" / "aws_typed" / ".botoloom-manifest.json").read_text()
    result = pre_commit("botoloom-check", where)
    assert result.returncode == 0, result.stderr


def hook(root: Path) -> hatch_hook.BotoloomBuildHook:
    return hatch_hook.BotoloomBuildHook(str(root), {}, None, None, str(root / "dist"), "wheel")


def test_hatch_hook_refuses_another_botocore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_data: dict[str, Any] = {"force_include": {}}
    with pytest.raises(RuntimeError, match=r"generation failed \(exit 2\)"):
        hook(project(tmp_path, "<1.0")).initialize("standard", build_data)
    one_error_line(capsys.readouterr().err, 'botocore = "<1.0"', f"this environment has botocore {PINNED}")
    assert build_data["force_include"] == {}


@pytest.mark.parametrize("pin", [f"=={PINNED}", None])
def test_hatch_hook_generates_from_the_pinned_botocore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pin: str | None
) -> None:
    build_data: dict[str, Any] = {"force_include": {}}
    built = hook(project(tmp_path, pin))
    built.initialize("standard", build_data)
    try:
        assert "aws_typed/sts/client.py" in build_data["force_include"].values()
        err = capsys.readouterr().err
        if pin is None:  # no pin: generated anyway, and said in one line from which botocore
            assert err.splitlines() == [
                f"botoloom: warning: no [tool.botoloom] botocore pin: generated from botocore {PINNED}, "
                "whichever the build environment installed"
            ]
        else:
            assert err == ""
    finally:
        built.finalize("standard", build_data, "")
