"""The package directory a run generates into, owned by one object: PackageDir.

It reads what botoloom keeps there once, the manifest (which files botoloom wrote, with
their digests: manifest.py) and, under the lock, the cache (which services need no
rendering: output/cache.py); it answers which services are unchanged; and it is the only way
to change the directory (write: stage, commit, remove stale files, keep hand-edited ones,
then save manifest and cache: write.py) or to compare with it (check: unified diffs).

Both files are untrusted input (a pull request can change them): a manifest that is not
botoloom's stops the run with one line, a cache of any other shape is ignored.  A directory
that holds anything but has no manifest is not botoloom's and is refused before the lock
file is made in it.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..views.entry import Entry
from . import cache as incremental
from . import fsguard
from .cache import CACHE, Cached
from .manifest import MANIFEST, Manifest, digest, render
from .manifest import read as read_manifest
from .tree import Tree
from .write import Outcome, write

__all__ = ["BOOKKEEPING", "CACHE", "GITIGNORE", "MANIFEST", "Cached", "Outcome", "PackageDir", "Rendered"]

_OWN = frozenset({MANIFEST, CACHE, fsguard.LOCK})
GITIGNORE = ".gitignore"
BOOKKEEPING = (CACHE, fsguard.LOCK, GITIGNORE)  # botoloom's own files here that no copy of the package needs
_IGNORE_HEAD = "# Written by botoloom: its bookkeeping in this generated package, kept out of commits."
IGNORES = (
    f"{_IGNORE_HEAD}\n"
    f"# Rewritten by every run while this first line is unchanged; {MANIFEST} is meant to be committed.\n"
    f"/{CACHE}\n/{fsguard.LOCK}\n*{fsguard.TEMP_SUFFIX}\n/{GITIGNORE}\n"
)


@dataclass(frozen=True)
class Rendered:
    """A service rendered in this run."""

    files: dict[str, str]  # path -> text
    entry: Entry  # its record for the entry module


class PackageDir:
    """One package directory (output/package).  PackageDir.locked() for a run that writes,
    PackageDir.open() to compare or to look."""

    def __init__(self, tree: Tree, manifest: Manifest, cache: dict[str, Any]) -> None:
        self.root = tree.root
        self._tree = tree
        self._manifest = manifest
        self._cache = cache

    @classmethod
    def open(cls, root: Path) -> PackageDir:
        """`root` as it is now, without the lock and without the cache (so every service
        counts as changed); raises UserError for a directory botoloom did not create."""
        tree = Tree.open(root)
        return cls(tree, _owned(tree), {})

    @classmethod
    @contextmanager
    def locked(cls, root: Path, timeout: float, quiet: bool) -> Iterator[PackageDir]:
        """`root` under its lock (fsguard.locked) for the whole block, manifest and cache
        read once the lock is held.  Every change goes through the directory's descriptor
        (tree.Tree), which the lock holds for the whole block."""
        cls.open(root)._tree.close()  # refuse a foreign or broken directory before making the lock file in it
        with fsguard.locked(root, timeout, quiet) as tree:
            yield cls(tree, _owned(tree), incremental.load(tree))

    @property
    def botocore(self) -> str:
        """The botocore version the files were generated from ("" when not recorded)."""
        return self._manifest.botocore

    def contents(self) -> list[str]:
        """What a copy of the package needs (a wheel): the files botoloom wrote and the
        manifest; not the cache, the lock or compiled files."""
        return sorted([*self._manifest.files, MANIFEST]) if self._manifest.files else []

    def unchanged(self, service: str, key: object) -> Cached | None:
        """`service`'s files and entry when its cache key is `key` and its files on disk are
        as the last run wrote them; None when it must be rendered."""
        return incremental.unchanged(self._cache, self._tree, service, key, self._manifest.files)

    def write(
        self,
        services: Mapping[str, Rendered | Cached],
        shared: dict[str, str],
        meta: dict[str, object],
        keys: Mapping[str, object],
        overwrite: bool = False,
    ) -> Outcome:
        """Make the directory hold every service's files and the `shared` ones (package
        level), touching only what changed; then the manifest (`meta` and the digests) and
        the cache (`keys`: each service's cache key).  Once per PackageDir.locked()."""
        files = dict(shared)
        kept: dict[str, str] = {}
        for service in services.values():
            if isinstance(service, Rendered):
                files.update(service.files)
            else:
                kept.update(service.files)
        outcome = write(self._tree, files, meta, kept, overwrite, self._manifest)
        files_by_service = {name: list(service.files) for name, service in services.items()}
        entries = {name: service.entry for name, service in services.items()}
        incremental.save(self._tree, dict(keys), files_by_service, entries, [*files, *kept])
        _ignore_bookkeeping(self._tree)
        return outcome

    def check(self, files: dict[str, str], meta: dict[str, object]) -> list[str]:
        """Unified diffs between the directory and `files` with their manifest ([] when
        equal), botoloom's files that would be removed, and temp files of killed runs.
        Reads only files that would be generated and files the manifest lists."""
        temps = fsguard.scan(self._tree, self._manifest.names())
        expected = dict(files)
        expected[MANIFEST] = render(meta, {rel: digest(text) for rel, text in files.items()})
        diffs = []
        for rel, text in sorted(expected.items()):
            current = self._tree.read(fsguard.check_relative(rel, self.root, "generated file"))
            if current != text:
                diffs.append(_diff(rel, current or "", text))
        for rel in sorted(set(self._manifest.files) - set(files)):
            current = self._tree.read(rel)
            if current is not None:
                diffs.append(_diff(rel, current, ""))
        diffs += [
            f"--- a/{rel}\n+++ /dev/null\n# a temp file of an interrupted botoloom run (the next run removes it)\n"
            for rel in temps
        ]
        return diffs


def _ignore_bookkeeping(tree: Tree) -> None:
    """A .gitignore in the package directory listing botoloom's own files (cache, lock, temp
    files, itself), so that `git add` of the package never takes them; written atomically
    through the directory's descriptor, and never over a .gitignore botoloom did not write."""
    if tree.stats([GITIGNORE])[GITIGNORE] is not None:  # there: rewritten only when botoloom's and stale
        current = tree.read(GITIGNORE)
        if current is None or current == IGNORES or not current.startswith(_IGNORE_HEAD):
            return
    temp = None
    try:
        temp, fd = tree.stage(GITIGNORE, fsguard.TEMP_SUFFIX, [])
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(IGNORES)
            os.fchmod(handle.fileno(), 0o644)
        tree.commit(temp)
    except OSError:  # only a convenience, as the cache: the next run writes it again
        if temp is not None:
            tree.discard(temp)


def _owned(tree: Tree) -> Manifest:
    """What botoloom wrote in the package directory (empty for a new one); refuses foreign ones."""
    found = read_manifest(tree) if tree.exists() else None
    if found is None and tree.exists() and not _only_leftovers(tree):
        raise UserError(
            f"{tree.root} exists, is not empty and was not written by botoloom (no {MANIFEST}); refusing to write into it"
        )
    return found or Manifest()


def _only_leftovers(tree: Tree) -> bool:
    """Does the directory hold nothing but what a run killed before its first manifest
    leaves (the lock, temp files, the directories they are in)?"""
    todo = [""]
    while todo:  # no recursion: a directory may nest thousands of directories
        folder = todo.pop()
        fsguard.too_deep(tree, folder)
        with tree.enter(folder) as here:
            entries = here.listing() if here is not None else []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                todo.append(f"{folder}/{entry.name}" if folder else entry.name)
                continue
            legacy = not folder and fsguard.is_temp(entry.name, (MANIFEST,))
            if not (entry.name in _OWN and not folder) and not legacy and not fsguard.is_temp(entry.name):
                return False
    return True


def _diff(rel: str, current: str, wanted: str) -> str:
    lines = difflib.unified_diff(
        current.splitlines(keepends=True),
        wanted.splitlines(keepends=True),
        fromfile=f"a/{rel}",
        tofile=f"b/{rel}",
    )
    return "".join(lines)
