"""botoloom's bookkeeping in a package generated into the source tree (`--output src`: the
cache, the lock of a killed run, temp files) stays out of the user's commits and wheels: a
real `git init` repository (`git add -A` takes none of it) and a real wheel built by
hatchling with the botoloom build hook (none of it inside)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.output.package_dir import CACHE, GITIGNORE, IGNORES, MANIFEST

from .helpers import REPO

PYPROJECT = """\
[project]
name = "userapp"
version = "1.0"

[tool.botoloom]
services = ["sts"]
output = "src"
jobs = 1
"""
HATCH = """
[tool.hatch.build.targets.wheel]
packages = ["src/userapp", "src/aws_typed"]

[tool.hatch.build.hooks.botoloom]
"""
USER_GITIGNORE = "__pycache__/\n.venv/\n"


def run(*argv: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "GIT_"))} | {"PYTHONPATH": str(REPO)}
    result = subprocess.run(list(argv), capture_output=True, text=True, cwd=cwd, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def generate(project: Path) -> Path:
    run(sys.executable, "-m", "generator", "--quiet", cwd=project)
    return project / "src" / "aws_typed"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "src" / "userapp").mkdir(parents=True)
    (tmp_path / "src" / "userapp" / "__init__.py").write_text("from aws_typed import sts\n")
    return tmp_path


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_add_takes_the_package_and_none_of_the_bookkeeping(project: Path) -> None:
    (project / ".gitignore").write_text(USER_GITIGNORE)
    run("git", "init", "--quiet", cwd=project)
    package = generate(project)
    (package / ".botoloom.lock").write_bytes(b"")  # what a run killed with SIGKILL leaves
    (package / ".client.py.abcd1234.botoloom-tmp").write_text("half")
    assert (package / CACHE).is_file() and (package / GITIGNORE).read_text() == IGNORES
    run("git", "add", "-A", cwd=project)
    status = run("git", "status", "--porcelain", cwd=project).splitlines()
    assert f"A  src/aws_typed/{MANIFEST}" in status and "A  src/aws_typed/sts/client.py" in status
    for name in (CACHE, ".botoloom.lock", "botoloom-tmp", f"aws_typed/{GITIGNORE}"):
        assert not any(name in line for line in status), status
    ignored = run("git", "status", "--porcelain", "--ignored", cwd=project)
    assert f"!! src/aws_typed/{CACHE}" in ignored
    assert (project / ".gitignore").read_text() == USER_GITIGNORE  # the user's own: untouched


def test_a_gitignore_botoloom_did_not_write_is_left_alone(project: Path) -> None:
    package = generate(project)
    (package / GITIGNORE).write_text("# mine\n*.log\n")
    (package / "sts" / "client.py").write_text("changed\n")  # the rerun writes again
    generate(project)
    assert (package / GITIGNORE).read_text() == "# mine\n*.log\n"
    (package / GITIGNORE).write_text(IGNORES.replace(f"/{CACHE}\n", ""))  # an older botoloom's: rewritten
    generate(project)
    assert (package / GITIGNORE).read_text() == IGNORES


# Without the hook: the exclude README "Installed or in your source tree" gives for it.
EXCLUDE = """
[tool.hatch.build.targets.wheel]
packages = ["src/userapp", "src/aws_typed"]
exclude = [".botoloom-cache.json", ".botoloom.lock", "*.botoloom-tmp", "src/aws_typed/.gitignore"]
"""


@pytest.mark.parametrize("build", [HATCH, EXCLUDE], ids=["hook", "readme-exclude"])
def test_a_wheel_hatchling_builds_holds_none_of_the_bookkeeping(project: Path, build: str) -> None:
    """In-source package and the build hook: the wheel carries the package, not the cache,
    the lock or the .gitignore lying beside it in src/ (hatchling reads only the top .gitignore)."""
    (project / "pyproject.toml").write_text(PYPROJECT + build)
    assert EXCLUDE.splitlines()[-1] in (REPO / "README.md").read_text().splitlines()
    package = generate(project)
    (package / ".botoloom.lock").write_bytes(b"")
    (package / "sts" / ".client.py.abcd1234.botoloom-tmp").write_text("half")  # a killed run's
    assert (package / CACHE).is_file()
    run(sys.executable, "-m", "hatchling", "build", "--target", "wheel", cwd=project)
    [built] = (project / "dist").glob("*.whl")
    names = zipfile.ZipFile(built).namelist()
    assert "aws_typed/sts/client.py" in names and f"aws_typed/{MANIFEST}" in names and "userapp/__init__.py" in names
    assert not [n for n in names if n.endswith((CACHE, ".botoloom.lock", GITIGNORE, ".botoloom-tmp"))], names
