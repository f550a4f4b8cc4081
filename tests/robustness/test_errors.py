"""Tracebacks where one line and exit 2 are promised; the output stays as it was."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

from .conftest import Models, assert_error, paused, run, snapshot, start, tiny


@pytest.fixture
def made(tmp_path: Path, models: Models) -> Path:
    models.add("tiny")
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    models.add("tiny", tiny(documentation="<p>Changed, so that files are written.</p>"))
    return out


@pytest.mark.parametrize(
    ("code", "where"),
    [
        ("ENOSPC", "temp:tiny/client.py"),
        ("EROFS", "temp:tiny/client.py"),
        ("EACCES", "temp:.botoloom-manifest.json"),
        ("EDQUOT", "temp:.botoloom-manifest.json"),
    ],
)
def test_disk_errors_leave_the_output_as_it_was(made: Path, models: Models, code: str, where: str) -> None:
    before = snapshot(made)
    result = run(
        "--services",
        "tiny",
        "--output",
        str(made),
        "--quiet",
        models=models,
        seam=f"{where}={code}".replace("=", "=oserror:", 1),
    )
    target = made / "aws_typed" / where.removeprefix("temp:")
    assert_error(result, f"cannot write {target}: ")
    assert os.strerror(getattr(errno, code)).lower() in result.stderr.lower()
    assert ".tmp" not in result.stderr
    assert snapshot(made) == before


def test_disk_full_on_a_new_directory_leaves_nothing(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    out = tmp_path / "out"
    result = run(
        "--services", "tiny", "--output", str(out), "--quiet", models=models, seam="temp:tiny/client.py=oserror:ENOSPC"
    )
    assert_error(result, "no space left on device")
    assert not out.exists()


@pytest.mark.parametrize("output", ["/proc/botoloom-x", "/proc/self/botoloom", "/dev/null/x"])
def test_output_that_cannot_be_a_directory(output: str) -> None:
    assert_error(run("--services", "sqs", "--output", output))


def test_cache_of_the_wrong_shape_is_ignored(made: Path, models: Models) -> None:
    cache = made / "aws_typed" / ".botoloom-cache.json"
    for text in (
        '{"services": []}',
        '{"services": {"tiny": {"files": 5}}}',
        '{"outputs": {"a": "b"}}',
        "[1]",
        "\xff\xfe",
        "",
    ):
        cache.write_text(text, encoding="latin-1")
        result = run("--services", "tiny", "--output", str(made), "--quiet", models=models)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert run("--services", "tiny", "--output", str(made), "--check", "--quiet", models=models).returncode == 0


@pytest.mark.parametrize("jobs", ["0", "-3"])
def test_jobs_must_be_positive(tmp_path: Path, jobs: str) -> None:
    assert_error(
        run("--services", "sqs", "--output", str(tmp_path / "out"), "--jobs", jobs), "--jobs must be at least 1"
    )


def test_broken_pipe_is_quiet() -> None:
    """`botoloom --list-services | head -1`"""
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "--list-services"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode()
    assert proc.wait() in (0, 141) and "Traceback" not in err and err == "", err


def test_ctrl_c_during_start_up(tmp_path: Path) -> None:
    release = tmp_path / "release"
    proc = start(["--services", "sqs", "--output", str(tmp_path / "out")], seam=f"startup=wait:{release}")
    paused(proc, release)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err == "botoloom: interrupted\n", err
    assert not (tmp_path / "out").exists()


def test_ctrl_c_while_writing_leaves_no_temp_files(made: Path, models: Models, tmp_path: Path) -> None:
    release = tmp_path / "release"
    before = snapshot(made)
    proc = start(
        ["--services", "tiny", "--output", str(made), "--quiet"], models, f"temp:tiny/client.py=wait:{release}"
    )
    paused(proc, release)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert snapshot(made) == before


def test_version_names_the_installed_botocore() -> None:
    import botocore

    result = run("--version")
    assert result.returncode == 0 and f"botocore {botocore.__version__}" in result.stdout


def test_check_says_which_botocore_generated_the_files(made: Path, models: Models) -> None:
    import botocore

    manifest = made / "aws_typed" / ".botoloom-manifest.json"
    data = json.loads(manifest.read_text())
    data["botocore"] = "1.2.3"
    manifest.write_text(json.dumps(data))
    result = run("--services", "tiny", "--output", str(made), "--check", models=models)
    assert result.returncode == 1
    assert f"generated from botocore 1.2.3, installed is botocore {botocore.__version__}" in result.stderr


def test_file_in_place_of_a_service_directory_in_the_output(made: Path, models: Models) -> None:
    """A file where botoloom needs the directory of a new service."""
    models.add("other")
    blocker = made / "aws_typed" / "other"
    blocker.write_text("a file, not a directory")
    before = snapshot(made)
    result = run("--services", "tiny", "other", "--output", str(made), "--quiet", models=models)
    assert_error(result, str(blocker))
    assert snapshot(made) == before
