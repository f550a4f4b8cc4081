"""Every input of the generator nested deeper than its parser goes, or otherwise unreadable
(issue 26): definitions, pyproject.toml, the manifest, the cache.  One line naming the file
and exit 2 (never a RecursionError, MemoryError or OSError traceback, never exit 1, which
`--check` uses for "stale"); a cache of any shape is only a cache: ignored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MANIFEST, TINY, Models, assert_error, run, snapshot, start, without_cache

DEPTH = 100_000
DEEP = "[" * DEPTH + "]" * DEPTH


def _deep_document(base: dict[str, object]) -> str:
    """`base` as JSON with one more key holding an array nested DEPTH deep: valid JSON."""
    return json.dumps(base)[:-1] + f', "deep": {DEEP}}}'


@pytest.mark.parametrize(
    ("kind", "base"),
    [
        ("service-2", TINY),
        ("paginators-1", {"pagination": {}}),
        ("waiters-2", {"version": 2, "waiters": {}}),
        ("resources-1", {"service": {"actions": {}}, "resources": {}}),
    ],
)
@pytest.mark.parametrize("check", [False, True])
def test_definition_nested_too_deeply_names_the_file(
    models: Models, tmp_path: Path, kind: str, base: dict[str, object], check: bool
) -> None:
    directory = models.add("tiny", resources_1={"service": {"actions": {}}, "resources": {}})
    if check:  # --check of a missing package says "missing" without reading definitions: make one
        assert run("--services", "tiny", "--output", str(tmp_path / "out"), models=models).returncode == 0
    (directory / f"{kind}.json").write_text(_deep_document(base))
    flags = ["--check"] if check else []
    result = run("--services", "tiny", "--output", str(tmp_path / "out"), *flags, models=models)
    assert_error(result, str(directory / f"{kind}.json"), "nested too deeply")


def _project(tmp_path: Path, extra: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_bytes(
        b'[tool.botoloom]\nservices = ["tiny"]\noutput = "gen"\n' + extra.encode("utf-8", "surrogateescape")
    )
    return project


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ("[tool.other]\nx = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
        ("[tool.botoloom.required]\n'tiny.ListThings' = " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
        ("[tool.other]\nx = 'caf\udce9'\n", "not UTF-8"),
    ],
    ids=["deep-other-table", "deep-botoloom-table", "latin-1"],
)
@pytest.mark.parametrize("check", [False, True])
def test_pyproject_that_cannot_be_read_names_the_file(
    models: Models, tmp_path: Path, extra: str, needle: str, check: bool
) -> None:
    project = _project(tmp_path, extra)
    result = run(*(["--check"] if check else []), models=models, cwd=project)
    assert_error(result, str(project / "pyproject.toml"), needle)
    assert not (project / "gen").exists()


def test_pyproject_whose_tool_is_not_a_table(models: Models, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('tool = "botoloom"\n')
    result = run(models=models, cwd=project)
    assert_error(result, "--services")  # no [tool.botoloom]: the usual hint, no traceback


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/mem is Linux's")
def test_pyproject_that_fails_to_read_names_the_file(models: Models, tmp_path: Path) -> None:
    """A link to a file whose read fails (EIO): one line naming the file."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").symlink_to("/proc/self/mem")
    assert_error(run(models=models, cwd=project), str(project / "pyproject.toml"), "cannot read it")


@pytest.fixture
def made(tmp_path: Path, models: Models) -> Path:
    models.add("tiny")
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    return out


@pytest.mark.parametrize("check", [False, True])
def test_manifest_nested_too_deeply_names_the_file(made: Path, models: Models, check: bool) -> None:
    manifest = made / "aws_typed" / MANIFEST
    manifest.write_text(f'{{"files": {{}}, "deep": {DEEP}}}')
    before = snapshot(made)
    result = run("--services", "tiny", "--output", str(made), *(["--check"] if check else []), models=models)
    assert_error(result, str(manifest), "nested too deeply")
    assert snapshot(made) == before


@pytest.mark.parametrize("value", [DEEP, "[" * 900 + "]" * 900, '"' + "x" * 1_000_000 + '"'])
def test_manifest_entry_of_any_depth_or_size_is_named_in_one_short_line(made: Path, models: Models, value: str) -> None:
    manifest = made / "aws_typed" / MANIFEST
    data = json.loads(manifest.read_text())
    text = json.dumps(data)[:-1]  # without its closing brace: one more entry in "files"
    text = text.replace('"files": {', f'"files": {{"tiny/x.py": {value}, ', 1) + "}"
    manifest.write_text(text)
    result = run("--services", "tiny", "--output", str(made), models=models)
    assert_error(result, str(manifest))
    assert len(result.stderr) < 1000


def test_cache_nested_too_deeply_is_ignored(made: Path, models: Models, tmp_path: Path) -> None:
    """The cache only decides what to render again: nested too deeply, it is ignored."""
    cache = made / "aws_typed" / ".botoloom-cache.json"
    cache.write_text(f'{{"services": {{}}, "deep": {DEEP}}}')
    result = run("--services", "tiny", "--output", str(made), models=models)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "1 rendered" in result.stdout
    assert run("--services", "tiny", "--output", str(made), "--check", "--quiet", models=models).returncode == 0
    clean = tmp_path / "clean"
    assert run("--services", "tiny", "--output", str(clean), "--quiet", models=models).returncode == 0
    assert without_cache(snapshot(made)) == without_cache(snapshot(clean))


@pytest.mark.parametrize("name", [MANIFEST, ".botoloom-cache.json"])
def test_a_fifo_in_place_of_manifest_or_cache_never_blocks(made: Path, models: Models, name: str) -> None:
    """Opening a FIFO for reading waits for a writer: botoloom never opens one so."""
    place = made / "aws_typed" / name
    place.unlink()
    os.mkfifo(place)
    proc = start(["--services", "tiny", "--output", str(made)], models)
    stdout, stderr = proc.communicate(timeout=120)  # on a blocking open: TimeoutExpired, and the fixture kills it
    assert_error(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), str(place))


def _nest(directory: Path, depth: int) -> None:
    """`depth` directories `a/a/a/...` in `directory` (deeper than a path can name)."""
    fds = [os.open(directory, os.O_RDONLY)]
    for _ in range(depth):
        os.mkdir("a", dir_fd=fds[-1])
        fds.append(os.open("a", os.O_RDONLY, dir_fd=fds[-1]))
        os.close(fds.pop(-2))
    os.close(fds[0])


def _unnest(directory: Path, depth: int) -> None:
    """Remove what _nest made, one level at a time from the top (shutil.rmtree recurses)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        for level in range(depth, 0, -1):
            if level > 1:
                os.rename("a/a", "b", src_dir_fd=fd, dst_dir_fd=fd)
            os.rmdir("a", dir_fd=fd)
            if level > 1:
                os.rename("b", "a", src_dir_fd=fd, dst_dir_fd=fd)
    finally:
        os.close(fd)


@pytest.mark.parametrize("check", [False, True])
def test_directories_nested_thousands_deep_in_the_package_are_refused(made: Path, models: Models, check: bool) -> None:
    """The package directory is untrusted too: 1,500 nested directories in it (deeper than
    PATH_MAX can name, deeper than a recursive walk goes) stop the run with one line."""
    _nest(made / "aws_typed", 1500)
    try:
        result = run("--services", "tiny", "--output", str(made), *(["--check"] if check else []), models=models)
        assert_error(result, "nested more than")
    finally:
        _unnest(made / "aws_typed", 1500)
