"""Virtual environments for `botoloom install`: made with `python -m venv` (pip inside, no
system site-packages), botocore and boto3 installed into them as tools/world.sh does (uv from
.venv when present, else the environment's own pip, from the machine's package index/cache).

PINNED is the botocore of constraints.txt (the one botoloom itself runs with here), OTHER a
different release (BOTOLOOM_TEST_OTHER_BOTOCORE, default 1.43.106), NEWER a later one still
(BOTOLOOM_TEST_NEWER_BOTOCORE, default 1.43.107): the botocore an environment gets upgraded to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import pytest

from ..helpers import REPO

PINNED = version("botocore")
OTHER = os.environ.get("BOTOLOOM_TEST_OTHER_BOTOCORE", "1.43.106")
NEWER = os.environ.get("BOTOLOOM_TEST_NEWER_BOTOCORE", "1.43.107")
UV = Path(sys.executable).parent / "uv"


def make_venv(where: Path, botocore: str | None, pip: bool = True) -> Path:
    """A fresh virtual environment at `where` with botocore==`botocore` and the boto3 of the
    same release (none when None); its interpreter."""
    subprocess.run([sys.executable, "-m", "venv", *([] if pip else ["--without-pip"]), str(where)], check=True)
    python = where / "bin" / "python"
    if botocore is not None:
        install_into(python, f"botocore=={botocore}", f"boto3=={botocore}")
    return python


def install_into(python: Path, *requirements: str) -> None:
    if UV.is_file():
        command = [str(UV), "pip", "install", "--quiet", "--python", str(python), *requirements]
    else:
        command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def run_botoloom(
    *args: str, cache: Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`botoloom ARGS` in a fresh process, as a user runs it: no active virtual environment
    unless `env` names one, botoloom's work directories under `cache`."""
    clean = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV" and not k.startswith("PYTHON")}
    clean["PYTHONPATH"] = str(REPO)  # the botoloom under test, whatever the working directory
    clean["BOTOLOOM_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        capture_output=True,
        text=True,
        env={**clean, **(env or {})},
        cwd=cwd or cache,
        timeout=600,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("botoloom-cache")


@pytest.fixture(scope="module")
def pinned_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_venv(tmp_path_factory.mktemp("venv") / "pinned", PINNED)


@pytest.fixture(scope="module")
def other_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_venv(tmp_path_factory.mktemp("venv") / "other", OTHER)
