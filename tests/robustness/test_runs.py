"""Interrupted and concurrent runs: one run at a time per package directory, and after any
kill the next run gives exactly what a clean run gives."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from .conftest import MANIFEST, Models, assert_error, paused, run, snapshot, start, tiny, without_cache

KILLED = 137


def _clean(models: Models, tmp_path: Path, *services: str) -> dict[str, bytes]:
    clean = tmp_path / "clean"
    assert run("--services", *services, "--output", str(clean), "--quiet", models=models).returncode == 0
    return without_cache(snapshot(clean / "aws_typed"))


def test_second_run_waits_for_the_lock_then_gives_up(models: Models, tmp_path: Path) -> None:
    """Run A holds the lock (paused at a seam); run B on the same directory waits with a
    message and gives up after --lock-timeout; once A is done, B runs; the result is
    exactly B's clean output."""
    models.add("tiny")
    models.add("other")
    out = tmp_path / "out"
    release = tmp_path / "release"
    first = start(["--services", "tiny", "--output", str(out), "--quiet"], models, f"locked=wait:{release}")
    paused(first, release)
    second = run("--services", "other", "--output", str(out), "--lock-timeout", "0.5", models=models)
    assert_error(second, "another botoloom run holds", "--lock-timeout")
    assert "waiting for another botoloom run" in second.stderr
    release.touch()
    assert first.wait(timeout=120) == 0, first.communicate()
    assert run("--services", "other", "--prune", "--output", str(out), "--quiet", models=models).returncode == 0
    assert without_cache(snapshot(out / "aws_typed")) == _clean(models, tmp_path, "other")
    assert run("--services", "other", "--output", str(out), "--check", models=models).returncode == 0


def test_waiting_run_goes_on_when_the_lock_is_free(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    models.add("other")
    out = tmp_path / "out"
    release = tmp_path / "release"
    first = start(["--services", "tiny", "--output", str(out), "--quiet"], models, f"locked=wait:{release}")
    paused(first, release)
    second = start(["--services", "tiny", "other", "--output", str(out)], models)
    deadline = time.monotonic() + 60
    line = ""
    assert second.stderr is not None
    while "waiting" not in line and time.monotonic() < deadline:
        line = second.stderr.readline()
    assert "waiting for another botoloom run" in line
    release.touch()
    assert first.wait(timeout=120) == 0
    assert second.wait(timeout=120) == 0
    assert without_cache(snapshot(out / "aws_typed")) == _clean(models, tmp_path, "tiny", "other")


def test_a_missing_file_always_counts_as_changed(models: Models, tmp_path: Path) -> None:
    """A file missing when the cache was saved (two runs interleaved on old versions) is
    not 'unchanged': the next run writes it."""
    models.add("tiny")
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    package = out / "aws_typed"
    (package / "tiny" / "client.py").unlink()
    cache = json.loads((package / ".botoloom-cache.json").read_text())
    cache["outputs"]["tiny/client.py"] = None  # as saved by a run that found it missing
    (package / ".botoloom-cache.json").write_text(json.dumps(cache))
    again = run("--services", "tiny", "--output", str(out), models=models)
    assert "1 rendered" in again.stdout
    assert without_cache(snapshot(package)) == _clean(models, tmp_path, "tiny")


@pytest.mark.parametrize(
    "seam",
    [
        "temp:.botoloom-manifest.json=kill",
        "temp:tiny/client.py=kill",
        "staged=kill",
        "pending=kill",
        "commit:tiny/type_defs.py=kill",
        "removed=kill",
    ],
)
def test_first_run_killed_anywhere_is_repaired(models: Models, tmp_path: Path, seam: str) -> None:
    models.add("tiny")
    out = tmp_path / "out"
    killed = run("--services", "tiny", "--output", str(out), "--quiet", models=models, seam=seam)
    assert killed.returncode == KILLED
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    assert without_cache(snapshot(out / "aws_typed")) == _clean(models, tmp_path, "tiny")


def test_temp_files_of_killed_runs_fail_check_and_are_cleaned(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    models.add("tiny", tiny(documentation="<p>Changed.</p>"))
    assert (
        run(
            "--services", "tiny", "--output", str(out), "--quiet", models=models, seam="temp:tiny/client.py=kill"
        ).returncode
        == KILLED
    )
    temps = [p for p in (out / "aws_typed").rglob(".*tmp")]
    assert temps, "the kill left a temp file"
    check = run("--services", "tiny", "--output", str(out), "--check", models=models)
    assert check.returncode == 1 and "interrupted botoloom run" in check.stdout
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    assert not [p for p in (out / "aws_typed").rglob(".*tmp")]
    assert without_cache(snapshot(out / "aws_typed")) == _clean(models, tmp_path, "tiny")


def test_leftover_temp_manifest_of_botoloom_0_1_does_not_lock_the_directory_out(models: Models, tmp_path: Path) -> None:
    """0.1.0 killed while writing its first manifest left only `..botoloom-manifest.json.*.tmp`."""
    models.add("tiny")
    package = tmp_path / "out" / "aws_typed"
    package.mkdir(parents=True)
    (package / f".{MANIFEST}.k3j_x9ab.tmp").write_text('{"files": {')
    assert run("--services", "tiny", "--output", str(package.parent), "--quiet", models=models).returncode == 0
    assert without_cache(snapshot(package)) == _clean(models, tmp_path, "tiny")


def test_kill_after_pending_manifest_does_not_orphan_a_changed_file(models: Models, tmp_path: Path) -> None:
    """Run 2 changes tiny/client.py and is killed after its pending manifest; run 3 no
    longer generates tiny: botoloom's own old file is removed, not kept as a hand edit."""
    models.add("tiny")
    models.add("other")
    out = tmp_path / "out"
    assert run("--services", "tiny", "other", "--output", str(out), "--quiet", models=models).returncode == 0
    models.add("tiny", tiny(documentation="<p>Changed.</p>"))
    assert (
        run(
            "--services", "tiny", "other", "--output", str(out), "--quiet", models=models, seam="pending=kill"
        ).returncode
        == KILLED
    )
    third = run("--services", "other", "--prune", "--output", str(out), models=models)
    assert third.returncode == 0 and "kept" not in third.stdout, third.stdout
    assert without_cache(snapshot(out / "aws_typed")) == _clean(models, tmp_path, "other")


def test_interrupted_run_with_ctrl_c_cleans_its_temp_files(models: Models, tmp_path: Path) -> None:
    models.add("tiny")
    out = tmp_path / "out"
    stopped = run("--services", "tiny", "--output", str(out), "--quiet", models=models, seam="staged=oserror:EINTR")
    assert_error(stopped, "nothing in")
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]
