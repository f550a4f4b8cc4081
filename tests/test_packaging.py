"""The wheel works in a clean virtual environment, and its hatch build hook builds user wheels."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .helpers import REPO

pytestmark = pytest.mark.slow

USER_PYPROJECT = """\
[build-system]
requires = ["hatchling", "botoloom"]
build-backend = "hatchling.build"

[project]
name = "userapp"
version = "1.0"

[tool.hatch.build.targets.wheel]
packages = ["userapp"]

[tool.hatch.build.hooks.botoloom]
services = ["sqs"]
package = "userapp_aws"
"""


def run(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")},
    )
    assert result.returncode == 0, f"{args}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_wheel_in_clean_venv_and_hatch_hook(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(REPO), cwd=tmp_path)
    wheel = next(dist.glob("botoloom-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/templates/client.py.j2" in names
    assert "generator/runtime/_runtime.py" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = str(env_dir / "bin" / "python")
    run(
        py,
        "-m",
        "pip",
        "install",
        "--quiet",
        "-c",
        str(REPO / "constraints.txt"),
        str(wheel),
        "hatchling",
        cwd=tmp_path,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run(str(env_dir / "bin" / "botoloom"), "--services", "sqs", "--output", "out", "--quiet", cwd=elsewhere)
    code = (
        "from aws_typed import sqs; c = sqs.client(region_name='us-east-1');"
        " print(type(c).__module__, isinstance(c, sqs.SQSClient))"
    )  # boto3's own client, typed as SQSClient (ARCHITECTURE.md: one object)
    assert run(py, "-c", code, cwd=elsewhere / "out").split() == ["botocore.client", "True"]

    project = tmp_path / "userproj"
    (project / "userapp").mkdir(parents=True)
    (project / "userapp" / "__init__.py").write_text("")
    (project / "pyproject.toml").write_text(USER_PYPROJECT)
    run(
        py,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(dist),
        str(project),
        cwd=tmp_path,
    )
    user_wheel = next(dist.glob("userapp-*.whl"))
    assert "userapp_aws/sqs/client.py" in zipfile.ZipFile(user_wheel).namelist()
    run(py, "-m", "pip", "install", "--quiet", "--no-deps", str(user_wheel), cwd=tmp_path)
    code = "from userapp_aws import sqs; print(sqs.SQSClient.__name__, sqs.client(region_name='us-east-1').meta.region_name)"
    assert run(py, "-c", code, cwd=elsewhere).split() == ["SQSClient", "us-east-1"]
