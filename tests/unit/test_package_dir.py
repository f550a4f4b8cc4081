"""PackageDir on real files in temporary directories: unchanged services, untrusted manifest
and cache, stale files, check mode.  No botocore service is rendered: the files are made up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.errors import UserError
from generator.output.fsguard import LOCK
from generator.output.package_dir import CACHE, MANIFEST, Cached, PackageDir, Rendered
from generator.views.entry import Entry

META: dict[str, object] = {"botoloom": "test", "botocore": "1.0", "package": "pkg", "services": []}
SHARED = {"__init__.py": "# package\n"}


def service(name: str, body: str = "x = 1\n") -> Rendered:
    return Rendered(
        {f"{name}/__init__.py": "", f"{name}/client.py": body}, Entry(name, name, f"{name.title()}Client", None)
    )


def generate(root: Path, services: dict[str, Rendered], keys: dict[str, object] | None = None) -> PackageDir:
    """One run: what is unchanged is kept, the rest written as given; returns the package as it is now."""
    keys = keys or {name: ["k", name] for name in services}
    with PackageDir.locked(root, 5, quiet=True) as out:
        plan: dict[str, Rendered | Cached] = {}
        for name, rendered in services.items():
            plan[name] = out.unchanged(name, keys[name]) or rendered
        out.write(plan, SHARED, META, keys)
    return PackageDir.open(root)


def files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def unchanged(root: Path, name: str, key: object) -> Cached | None:
    with PackageDir.locked(root, 5, quiet=True) as out:
        return out.unchanged(name, key)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    package = tmp_path / "out" / "pkg"
    generate(package, {"tiny": service("tiny")})
    return package


def test_first_run_writes_files_manifest_and_cache(root: Path) -> None:
    found = files(root)
    assert found["tiny/client.py"] == "x = 1\n" and found["__init__.py"] == "# package\n"
    assert set(json.loads(found[MANIFEST])["files"]) == {"__init__.py", "tiny/__init__.py", "tiny/client.py"}
    assert json.loads(found[CACHE])["services"]["tiny"]["entry"] == ["tiny", "tiny", "TinyClient", None]
    assert LOCK not in found
    assert PackageDir.open(root).contents() == [MANIFEST, "__init__.py", "tiny/__init__.py", "tiny/client.py"]


def test_unchanged_service_gives_its_files_and_entry(root: Path) -> None:
    cached = unchanged(root, "tiny", ["k", "tiny"])
    assert cached is not None
    assert set(cached.files) == {"tiny/__init__.py", "tiny/client.py"}
    assert cached.entry == Entry("tiny", "tiny", "TinyClient", None)
    assert unchanged(root, "tiny", ["other key"]) is None
    assert unchanged(root, "nothere", ["k", "nothere"]) is None
    assert PackageDir.open(root).unchanged("tiny", ["k", "tiny"]) is None  # no cache without the lock


def test_a_touched_or_missing_file_renders_again(root: Path) -> None:
    client = root / "tiny" / "client.py"
    client.write_text(client.read_text())  # same text, new mtime and ctime
    assert unchanged(root, "tiny", ["k", "tiny"]) is None
    generate(root, {"tiny": service("tiny")})
    assert unchanged(root, "tiny", ["k", "tiny"]) is not None
    client.unlink()
    assert unchanged(root, "tiny", ["k", "tiny"]) is None
    generate(root, {"tiny": service("tiny")})
    assert client.read_text() == "x = 1\n"


@pytest.mark.parametrize(
    "text",
    ["", "[1]", "\xff\xfe", '{"services": []}', '{"services": {"tiny": {"files": 5}}}', '{"outputs": {"a": "b"}}'],
)
def test_cache_of_the_wrong_shape_is_ignored(root: Path, text: str) -> None:
    (root / CACHE).write_text(text, encoding="latin-1")
    assert unchanged(root, "tiny", ["k", "tiny"]) is None
    generate(root, {"tiny": service("tiny")})
    assert unchanged(root, "tiny", ["k", "tiny"]) is not None  # and the next run's cache is good again


@pytest.mark.parametrize(
    "entry",
    [None, "TinyClient", ["tiny", "../../elsewhere", "TinyClient", None], ["other", "tiny", "TinyClient", None]],
)
def test_cache_entry_botoloom_did_not_write_renders_again(root: Path, entry: object) -> None:
    """An older botoloom's cache (no entry) or one a pull request changed: not trusted."""
    data = json.loads((root / CACHE).read_text())
    data["services"]["tiny"]["entry"] = entry
    (root / CACHE).write_text(json.dumps(data))
    assert unchanged(root, "tiny", ["k", "tiny"]) is None


def test_cache_naming_a_file_outside_the_manifest_renders_again(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    data = json.loads((root / CACHE).read_text())
    data["services"]["tiny"]["files"].append("../../secret.txt")
    (root / CACHE).write_text(json.dumps(data))
    assert unchanged(root, "tiny", ["k", "tiny"]) is None
    assert secret.read_text() == "secret"


@pytest.mark.parametrize("entry", ["../victim.txt", "/etc/passwd", "tiny/../../victim.txt", "a//b", CACHE])
def test_manifest_entry_outside_the_package_is_refused_with_one_line(root: Path, entry: str) -> None:
    data = json.loads((root / MANIFEST).read_text())
    data["files"][entry] = "0" * 64
    (root / MANIFEST).write_text(json.dumps(data))
    before = files(root.parent)
    for attempt in (lambda: PackageDir.open(root), lambda: generate(root, {"other": service("other")})):
        with pytest.raises(UserError) as caught:
            attempt()
        assert MANIFEST in str(caught.value) and "\n" not in str(caught.value)
    assert files(root.parent) == before


@pytest.mark.parametrize("text", ["not json", "[]", '{"files": []}', '{"files": {"tiny/client.py": 5}}'])
def test_manifest_of_the_wrong_shape_is_refused(root: Path, text: str) -> None:
    (root / MANIFEST).write_text(text)
    with pytest.raises(UserError, match="manifest|invalid entry"):
        PackageDir.open(root)


def test_foreign_directory_is_refused_before_the_lock_is_made(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "module.py").write_text("x = 1\n")
    mtime = theirs.stat().st_mtime_ns
    with pytest.raises(UserError, match="was not written by botoloom"):
        generate(theirs, {"tiny": service("tiny")})
    assert [p.name for p in theirs.iterdir()] == ["module.py"] and theirs.stat().st_mtime_ns == mtime


def test_stale_files_are_removed_hand_edited_ones_kept(root: Path) -> None:
    generate(root, {"tiny": service("tiny"), "other": service("other"), "third": service("third")})
    (root / "third" / "client.py").write_text("# my change\n")
    with PackageDir.locked(root, 5, quiet=True) as out:
        outcome = out.write({"tiny": service("tiny")}, SHARED, META, {"tiny": ["k", "tiny"]})
    assert not (root / "other").exists()  # its files removed, the empty directory too
    assert (root / "third" / "client.py").read_text() == "# my change\n"
    assert outcome.kept == ["third/client.py"]
    assert "other/client.py" in outcome.removed and "third/__init__.py" in outcome.removed
    assert set(json.loads((root / MANIFEST).read_text())["files"]) == {
        "__init__.py",
        "tiny/__init__.py",
        "tiny/client.py",
    }


def test_users_file_at_a_generated_path_is_not_overwritten(root: Path) -> None:
    (root / "other").mkdir()
    (root / "other" / "client.py").write_text("mine\n")
    before = files(root)
    with pytest.raises(UserError, match="is in the way"):
        generate(root, {"tiny": service("tiny"), "other": service("other")})
    assert files(root) == before


def test_check_mode(root: Path) -> None:
    expected = {**service("tiny").files, **SHARED}
    out = PackageDir.open(root)
    assert out.check(expected, META) == []
    assert out.botocore == "1.0"
    (root / "tiny" / "client.py").write_text("x = 2\n")
    (root / ".client.py.abcd1234.botoloom-tmp").write_text("half")
    diffs = PackageDir.open(root).check(expected, META)
    assert any(d.startswith("--- a/tiny/client.py") and "-x = 2" in d for d in diffs)
    assert any("interrupted botoloom run" in d for d in diffs)
    smaller = {"__init__.py": SHARED["__init__.py"]}
    gone = PackageDir.open(root).check(smaller, META)
    assert any(d.startswith("--- a/tiny/__init__.py") or d.startswith("--- a/tiny/client.py") for d in gone)
    assert (root / "tiny" / "client.py").read_text() == "x = 2\n"  # check writes nothing


def test_check_refuses_a_link_inside_the_package(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.py"
    elsewhere.write_text("someone else's\n")
    os.symlink(elsewhere, root / "tiny" / "link.py")
    with pytest.raises(UserError, match="symbolic link"):
        PackageDir.open(root).check(service("tiny").files, META)


def test_scan_finds_links_and_special_files_at_any_depth(tmp_path: Path) -> None:
    from generator.output.fsguard import TEMP_SUFFIX, scan

    root = tmp_path / "pkg"
    deep = root / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (deep / f".x.py.abcd1234{TEMP_SUFFIX}").write_text("")
    (root / f".y.py.zz_99999{TEMP_SUFFIX}").write_text("")
    assert scan(root) == [f".y.py.zz_99999{TEMP_SUFFIX}", f"a/b/c/.x.py.abcd1234{TEMP_SUFFIX}"]
    os.mkfifo(deep / "pipe")
    with pytest.raises(UserError, match=r"c/pipe is not a regular file or directory"):
        scan(root)
    (deep / "pipe").unlink()
    os.symlink(tmp_path, root / "a" / "b" / "up")  # a link to a directory is not walked into
    with pytest.raises(UserError, match=r"b/up is a symbolic link inside the package directory"):
        scan(root)
