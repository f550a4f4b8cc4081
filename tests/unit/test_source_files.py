"""source/load.py lists a service's definition files with os.scandir: the same paths, in
the same order, that `glob(<base>/<service>/*/*.json*)` gave (the incremental cache key),
whatever the names on disk."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from generator.source.load import _definition_files

NAMES = [
    "2020-01-01/service-2.json",
    "2020-01-01/paginators-1.json.gz",
    "2020-01-01/.hidden.json",
    "2020-01-01/readme.txt",
    "2020-01-01/a.jsonl",
    "2020-01-01/sub.json/inner.json",  # a directory that matches: glob lists it too
    "2019-[x]/service-2.json",
    "2019-*?/waiters-2.json",
    ".hidden-version/service-2.json",
    "é-ünïcode/service-2.json",
]


def _tree(base: Path) -> Path:
    service = base / "svc[1]"
    for rel in NAMES:
        path = service / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}")
    (service / "not-a-version.json").write_text("{}")
    return service


def test_same_paths_as_glob(tmp_path: Path) -> None:
    service = _tree(tmp_path / "base [*]")
    expected = sorted(glob.glob(os.path.join(glob.escape(str(service)), "*", "*.json*")))
    assert _definition_files(str(service)) == expected
    assert len(expected) == 7  # a.jsonl matches "*.json*" too


def test_linked_version_directory_is_listed_as_glob_does(tmp_path: Path) -> None:
    service = _tree(tmp_path)
    os.symlink(service / "2020-01-01", service / "2021-01-01")
    expected = sorted(glob.glob(os.path.join(glob.escape(str(service)), "*", "*.json*")))
    assert _definition_files(str(service)) == expected


@pytest.mark.parametrize("missing", ["absent", "file"])
def test_missing_or_not_a_directory(tmp_path: Path, missing: str) -> None:
    target = tmp_path / missing
    if missing == "file":
        target.write_text("x")
    assert _definition_files(str(target)) == []
