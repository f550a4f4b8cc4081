"""A directory of the package replaced by a link while a run is in flight (issue 26): the run
stops with one line and exit 2, and nothing outside the package is deleted or written.

Each test pauses a real run at a seam (generator/seams.py), swaps a directory for a link to
a copy of it elsewhere (as someone who can write the output directory could), lets the run
go on, and compares the copy with what it held right after the swap.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Models, assert_error, paused, run, snapshot, start, tiny, without_cache

PYC = "client.cpython-311.pyc"


def _swap(directory: Path, elsewhere: Path) -> dict[str, bytes]:
    """Replace `directory` by a link to a copy of it at `elsewhere`; the copy as it is then."""
    shutil.copytree(directory, elsewhere, symlinks=True)
    shutil.rmtree(directory)
    directory.symlink_to(elsewhere, target_is_directory=True)
    return snapshot(elsewhere)


def _swapped_run(
    models: Models, tmp_path: Path, services: list[str], point: str, place: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, bytes], Path]:
    """A run of `services` into tmp_path/out, paused at seam `point` while `place` (relative
    to the package directory) is swapped for a link to tmp_path/elsewhere; its result, the
    copy right after the swap, and the copy's path."""
    out = tmp_path / "out"
    release = tmp_path / "release"
    proc = start(
        ["--services", *services, "--output", str(out), "--quiet", "--prune"], models, f"{point}=wait:{release}"
    )
    paused(proc, release)
    elsewhere = tmp_path / "elsewhere"
    before = _swap(out / "aws_typed" / place, elsewhere)
    assert before, "the copy holds files"
    release.touch()
    stdout, stderr = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), before, elsewhere


def _generate(models: Models, tmp_path: Path, *services: str) -> Path:
    out = tmp_path / "out"
    assert run("--services", *services, "--output", str(out), "--quiet", "--parents", models=models).returncode == 0
    return out / "aws_typed"


@pytest.mark.parametrize("point", ["pending", "commit:other/client.py"])
def test_removal_never_reaches_through_a_service_directory_swapped_for_a_link(
    models: Models, tmp_path: Path, point: str
) -> None:
    """The issue's attack: `tiny other` generated, then `other` only; while the run stands
    between its pending manifest and the removal of tiny's files, tiny/ becomes a link to a
    copy: the copy keeps every file, and once the link is gone the next run repairs."""
    models.add("tiny")
    models.add("other")
    package = _generate(models, tmp_path, "tiny", "other")
    models.add("other", tiny(documentation="<p>Changed.</p>"))  # so that other/client.py is committed too
    result, before, elsewhere = _swapped_run(models, tmp_path, ["other"], point, "tiny")
    assert snapshot(elsewhere) == before
    assert_error(result, str(package / "tiny"), "symbolic link")
    (package / "tiny").unlink()
    assert (
        run("--services", "other", "--output", str(package.parent), "--quiet", "--prune", models=models).returncode == 0
    )
    clean = _generate(models, tmp_path / "clean", "other")
    assert without_cache(snapshot(package)) == without_cache(snapshot(clean))


def test_compiled_files_are_never_removed_through_a_pycache_swapped_for_a_link(models: Models, tmp_path: Path) -> None:
    """A nested directory: tiny/__pycache__ (whose compiled copy of client.py botoloom removes
    with client.py) swapped for a link to a copy holding such a file."""
    models.add("tiny")
    models.add("other")
    package = _generate(models, tmp_path, "tiny", "other")
    (package / "tiny" / "__pycache__").mkdir()
    (package / "tiny" / "__pycache__" / PYC).write_bytes(b"compiled")
    result, before, elsewhere = _swapped_run(models, tmp_path, ["other"], "pending", "tiny/__pycache__")
    assert snapshot(elsewhere) == before == {PYC: b"compiled"}
    assert_error(result, str(package / "tiny" / "__pycache__"), "symbolic link")


@pytest.mark.parametrize("point", ["temp:tiny/client.py", "staged", "commit:tiny/client.py", "removed"])
def test_writes_never_reach_through_a_service_directory_swapped_for_a_link(
    models: Models, tmp_path: Path, point: str
) -> None:
    """tiny's files change; tiny/ becomes a link to a copy while a temp file is half
    written, once everything is staged, right before tiny/client.py is renamed into place, or
    before the final manifest and the cache: nothing is renamed or created in the copy."""
    models.add("tiny")
    package = _generate(models, tmp_path, "tiny")
    models.add("tiny", tiny(documentation="<p>Changed.</p>"))
    result, before, elsewhere = _swapped_run(models, tmp_path, ["tiny"], point, "tiny")
    assert snapshot(elsewhere) == before
    assert_error(result, str(package / "tiny"), "symbolic link")


@pytest.mark.parametrize("point", ["locked", "staged", "pending"])
def test_the_package_directory_swapped_for_a_link_stops_the_run(models: Models, tmp_path: Path, point: str) -> None:
    """The package directory itself replaced (after the lock is taken, after staging, after
    the pending manifest): nothing is written or removed in the copy the link points to."""
    models.add("tiny")
    models.add("other")
    package = _generate(models, tmp_path, "tiny", "other")
    models.add("other", tiny(documentation="<p>Changed.</p>"))
    result, before, elsewhere = _swapped_run(models, tmp_path, ["other"], point, "")
    assert snapshot(elsewhere) == before
    assert_error(result, str(package))
