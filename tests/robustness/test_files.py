"""Nothing outside the package directory is written, read or deleted; nothing through a
link inside it; nothing that botoloom did not write is overwritten."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import MANIFEST, Models, assert_error, run, snapshot


@pytest.fixture
def made(tmp_path: Path, models: Models) -> Path:
    """An output directory with a botoloom package of the tiny service."""
    models.add("tiny")
    out = tmp_path / "out"
    assert run("--services", "tiny", "--output", str(out), "--quiet", models=models).returncode == 0
    return out


def _add_entry(package: Path, rel: str) -> None:
    manifest = package / MANIFEST
    data = json.loads(manifest.read_text())
    data["files"][rel] = "0" * 64
    manifest.write_text(json.dumps(data))


@pytest.mark.parametrize("entry", ["../victim.txt", "{victim}", "tiny/../../victim.txt", "./x", "a//b", "a\\..\\b"])
def test_manifest_entry_outside_the_package_is_refused(made: Path, models: Models, tmp_path: Path, entry: str) -> None:
    victim = made / "victim.txt"
    victim.write_text("precious")
    package = made / "aws_typed"
    _add_entry(package, entry.format(victim=victim))
    models.add("other")  # a service set without the entry: botoloom would remove it
    before = snapshot(tmp_path)
    result = run("--services", "other", "--output", str(made), "--quiet", models=models)
    assert_error(result, MANIFEST)
    assert victim.read_text() == "precious"
    assert snapshot(tmp_path) == before


def test_check_does_not_print_files_the_manifest_names(made: Path, models: Models) -> None:
    secret = made / "secret.env"
    secret.write_text("AWS_SECRET_ACCESS_KEY=topsecret123\n")
    _add_entry(made / "aws_typed", str(secret))
    _add_entry(made / "aws_typed", "/proc/self/environ")
    result = run("--services", "tiny", "--output", str(made), "--check", models=models)
    assert_error(result, "outside the package directory")
    assert "topsecret123" not in result.stdout + result.stderr


def test_cache_as_a_link_is_not_followed(made: Path, models: Models, tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("not botoloom's")
    cache = made / "aws_typed" / ".botoloom-cache.json"
    cache.unlink()
    cache.symlink_to(target)
    result = run("--services", "tiny", "--output", str(made), "--quiet", models=models)
    assert_error(result, str(cache), "symbolic link")
    assert target.read_text() == "not botoloom's"


@pytest.mark.parametrize("link", ["tiny", "tiny/__pycache__"])
def test_links_inside_the_package_are_refused(made: Path, models: Models, tmp_path: Path, link: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "client.py").write_text("someone else's\n")
    (elsewhere / "keep.cpython-311.pyc").write_bytes(b"x")
    place = made / "aws_typed" / link
    if place.exists():
        import shutil

        shutil.rmtree(place)
    place.symlink_to(elsewhere, target_is_directory=True)
    before = snapshot(elsewhere)
    for args in (["--services", "tiny"], ["--services", "tiny", "--check"]):
        assert_error(run(*args, "--output", str(made), "--quiet", models=models), str(place), "symbolic link")
    models.add("other")
    assert_error(
        run("--services", "other", "--prune", "--output", str(made), "--quiet", models=models), "symbolic link"
    )
    assert snapshot(elsewhere) == before


def test_pycache_keeps_what_botoloom_did_not_compile(made: Path, models: Models) -> None:
    cache = made / "aws_typed" / "tiny" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "client.cpython-311.pyc").write_bytes(b"compiled")
    (cache / "notes.txt").write_text("mine")
    models.add("other")
    assert run("--services", "other", "--prune", "--output", str(made), "--quiet", models=models).returncode == 0
    assert not (made / "aws_typed" / "tiny" / "client.py").exists()
    assert not (cache / "client.cpython-311.pyc").exists()
    assert (cache / "notes.txt").read_text() == "mine"


def test_package_directory_as_a_link_is_refused(made: Path, models: Models, tmp_path: Path) -> None:
    real = tmp_path / "real"
    (made / "aws_typed").rename(real)
    (made / "aws_typed").symlink_to(real, target_is_directory=True)
    assert_error(run("--services", "tiny", "--output", str(made), "--quiet", models=models), "symbolic link")


def test_users_file_at_a_generated_path_is_not_overwritten(made: Path, models: Models) -> None:
    models.add("other")
    mine = made / "aws_typed" / "other" / "client.py"
    mine.parent.mkdir()
    mine.write_text("# my own module\n")
    before = snapshot(made)
    result = run("--services", "tiny", "other", "--output", str(made), "--quiet", models=models)
    assert_error(result, str(mine), "--overwrite")
    assert snapshot(made) == before
    taken = run("--services", "tiny", "other", "--output", str(made), "--quiet", "--overwrite", models=models)
    assert taken.returncode == 0, taken.stderr
    assert mine.read_text() != "# my own module\n"


def test_nothing_outside_the_package_is_touched(made: Path, models: Models, tmp_path: Path) -> None:
    """A whole cycle (generate, add a service, drop one, check) changes only the package."""
    neighbour = made / "neighbour"
    neighbour.mkdir()
    (neighbour / "file.txt").write_text("x")
    models.add("other")
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if "aws_typed" not in p.parts}
    for services in (["tiny", "other"], ["other"], ["tiny"]):
        assert run("--services", *services, "--prune", "--output", str(made), "--quiet", models=models).returncode == 0
    assert run("--services", "tiny", "--output", str(made), "--check", "--quiet", models=models).returncode == 0
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if "aws_typed" not in p.parts}
    assert after == before


def test_manifest_of_wrong_shape(made: Path, models: Models) -> None:
    manifest = made / "aws_typed" / MANIFEST
    for text in ('{"files": []}', "[]", '{"files": {"tiny/client.py": 5}}', "\xff"):
        manifest.write_text(text, encoding="latin-1")
        assert_error(run("--services", "tiny", "--output", str(made), "--quiet", models=models), str(manifest))
    os.chmod(manifest, 0o644)


_CACHE = ".botoloom-cache.json"


@pytest.mark.parametrize(
    "entry",
    [
        ["tiny", "tiny", "TinyClient\nimport os; os.system('x')  #", None],
        ["tiny", "tiny", "TinyClient", "Evil as os"],
        ["tiny", "../../elsewhere", "TinyClient", None],
        ["other", "tiny", "TinyClient", None],
        "TinyClient",
        None,
    ],
)
def test_cache_entry_that_botoloom_did_not_write_renders_again(made: Path, models: Models, entry: object) -> None:
    """The entry module's record of a service comes from the cache for services that are not
    rendered again: a record a pull request changed (code in a class name, a module outside
    the package, another service) or one an older botoloom wrote (none) renders the service
    again, and the entry module is what a fresh run writes."""
    package = made / "aws_typed"
    expected = (package / "boto3.py").read_text()
    cache = json.loads((package / _CACHE).read_text())
    assert cache["services"]["tiny"]["entry"][2].endswith("Client")
    cache["services"]["tiny"]["entry"] = entry
    (package / _CACHE).write_text(json.dumps(cache))
    (package / "boto3.py").unlink()
    result = run("--services", "tiny", "--output", str(made), models=models)
    assert result.returncode == 0, result.stderr
    assert "1 rendered" in result.stdout
    assert (package / "boto3.py").read_text() == expected


def test_cached_entries_keep_the_entry_module(made: Path, models: Models) -> None:
    """A second service added later: the first is not rendered again, yet the entry module
    has both (its record came from the cache)."""
    models.add("other")
    result = run("--services", "tiny", "other", "--output", str(made), models=models)
    assert result.returncode == 0 and "1 rendered" in result.stdout, result.stdout + result.stderr
    text = (made / "aws_typed" / "boto3.py").read_text()
    assert 'Literal["other", "tiny"]' in text and '"tiny": "tiny"' in text
