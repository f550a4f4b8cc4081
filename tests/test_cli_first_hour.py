"""A new user's first hour with the command line (issue 29): what botoloom says when botocore
is missing, what --help shows, and the stumbles of a first run (a typo in --output, a narrower
run over a wider package, a stale or missing package under --check, aiobotocore's botocore pin)."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .helpers import REPO, botoloom

# Runs the command line with the named top-level modules not importable, as in an environment
# where they are not installed: a meta path finder that finds them nowhere.
BLOCKED_RUN = """
import sys

BLOCKED = set(sys.argv[1].split(","))


class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NotInstalled())
sys.argv[0:2] = ["botoloom"]
from generator.app.cli import main

sys.exit(main())
"""


def without(modules: str, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, modules, *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("botoloom: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with nothing installed (no botocore, no boto3, no metadata of them)."""
    where = tmp_path_factory.mktemp("bare") / "venv"
    venv.EnvBuilder(with_pip=False).create(where)
    return where / "bin" / "python"


def test_version_without_botocore_installed(bare_python: Path) -> None:
    result = subprocess.run(
        [str(bare_python), "-m", "generator", "--version"], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "botoloom 0.1.0 (botocore not installed)"


def test_version_names_the_installed_botocore() -> None:
    import botocore

    result = botoloom("--version")
    assert result.stdout.strip() == f"botoloom 0.1.0 (botocore {botocore.__version__} installed)"


def test_generation_without_botocore_is_one_line(bare_python: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(bare_python), "-m", "generator", "--services", "s3", "--output", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    one_line_error(result, "botoloom needs botocore", "pip install botocore", str(bare_python))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("blocked", ["botocore", "boto3", "botocore,boto3"])
@pytest.mark.parametrize(
    "args",
    [["--services", "s3", "--output", "OUT"], ["--list-services"], ["migrate", "--check", "SRC"]],
    ids=["generate", "list", "migrate"],
)
def test_missing_botocore_or_boto3_is_one_line(blocked: str, args: list[str], tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text('import boto3\n\nboto3.client("s3")\n')
    argv = [{"OUT": str(tmp_path / "out"), "SRC": str(tmp_path / "src")}.get(a, a) for a in args]
    result = without(blocked, *argv)
    one_line_error(result, "botoloom needs ", " -m pip install ")
    named = result.stderr.split("botoloom needs ")[1].split(",")[0]
    assert named in blocked.split(",")
    assert f"-m pip install {named}`" in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_names_the_migrate_command() -> None:
    result = botoloom("--help")
    assert result.returncode == 0
    assert "botoloom migrate PATH" in result.stdout
    migrate = botoloom("migrate", "--help")
    assert migrate.returncode == 0 and "usage:" in migrate.stdout
