"""Stage 6, write: put rendered files into the package directory safely (for output/package_dir.py,
which owns the directory and is the only caller).

A run works in three steps, so that a failure or a kill never loses files:

1. plan: with the manifest output/package_dir.py validated, refuse links and foreign files in the
   way (output/fsguard.py), and find what changed;
2. stage: every changed file and both manifests go to temp files beside their targets.
   A full disk or a read-only mount fails here, the temp files are removed and the
   directory is exactly as it was;
3. commit: the pending manifest (old and new files, with the digests being replaced),
   then renames, then stale files removed, then the final manifest.  A kill in this step
   leaves a directory the next run recognises, cleans (temp files included) and repairs.

Only files listed in the manifest are ever removed, and only when they still hold what
botoloom wrote.  A directory without a manifest that holds anything is not botoloom's.
Every step goes through the package directory's descriptor (tree.Tree): a directory
replaced by a link while the run is in flight stops it (exit 2) before anything in it,
or through it, is touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import seams
from ..errors import UserError
from . import fsguard
from .manifest import MANIFEST, Manifest, digest, render
from .tree import Temp, Tree

__all__ = ["Outcome", "write"]

_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stale but edited by hand: left alone


@dataclass
class _Plan:
    previous: Manifest
    changes: dict[str, str]
    stale: list[str]
    pending: str
    final: str | None


def _plan(
    tree: Tree,
    files: dict[str, str],
    meta: dict[str, object],
    kept: dict[str, str],
    overwrite: bool,
    previous: Manifest,
) -> _Plan:
    for rel in fsguard.scan(tree, previous.names()):  # temp files of killed runs (the lock is held)
        tree.unlink(rel, missing_ok=True)
        _prune_empty(tree, rel.rpartition("/")[0])
    digests = {rel: digest(text) for rel, text in files.items()} | kept
    changes = {}
    for rel, text in sorted(files.items()):
        current = tree.read(fsguard.check_relative(rel, tree.root, "generated file"))
        if current == text:
            continue
        if rel not in previous.files and not overwrite and _occupied(tree, rel):
            raise UserError(
                f"{tree.root / rel} is in the way: botoloom would generate it, but did not write it (not in {MANIFEST}); move it away or pass --overwrite"
            )
        changes[rel] = text
    stale = sorted(set(previous.files) - set(digests))
    earlier = {rel: d for rel, d in previous.earlier.items() if rel in changes or rel in stale}
    earlier |= {
        rel: previous.files[rel] for rel in changes if rel in previous.files and previous.files[rel] != digests[rel]
    }
    final = render(meta, digests)
    pending = render(meta, previous.files | digests, earlier)
    needs_final = bool(changes or stale) or tree.read(MANIFEST) != final
    return _Plan(previous, changes, stale, pending, final if needs_final else None)


def _occupied(tree: Tree, rel: str) -> bool:
    with tree.parent(rel) as (where, name):
        return where is not None and where.stat(name) is not None


def write(
    tree: Tree,
    files: dict[str, str],
    meta: dict[str, object],
    kept: dict[str, str],
    overwrite: bool,
    previous: Manifest,
) -> Outcome:
    """Make the package directory hold `files` plus the `kept` ones ({path: digest}, not
    re-rendered because nothing changed), and any user files; touch only what changed.  The
    caller holds the directory's lock (fsguard.locked) and passes the manifest it read under it."""
    plan = _plan(tree, files, meta, kept, overwrite, previous)
    outcome = Outcome(unchanged=sorted([*kept, *(rel for rel in files if rel not in plan.changes)]))
    staged: list[tuple[str, Temp]] = []
    try:
        _stage_all(tree, plan, staged)
        _commit(tree, plan, staged, outcome)
    finally:
        for _, temp in staged:  # whatever was not renamed into place (a failure, Ctrl-C)
            tree.discard(temp)
    return outcome


def _stage_all(tree: Tree, plan: _Plan, staged: list[tuple[str, Temp]]) -> None:
    created: list[str] = []
    try:
        for rel, text in plan.changes.items():
            staged.append((rel, _stage(tree, rel, text, created)))
        if plan.final is not None:
            staged.append(("pending", _stage(tree, MANIFEST, plan.pending, created)))
            staged.append(("final", _stage(tree, MANIFEST, plan.final, created)))
        seams.reach("staged")
    except BaseException as exc:
        for _, temp in staged:
            tree.discard(temp)
        staged.clear()
        for folder in reversed(created):
            _quietly(tree.rmdir, folder)
        if isinstance(exc, OSError):
            raise UserError(
                f"cannot write {fsguard.describe(exc, exc.filename)}; nothing in {tree.root} was changed"
            ) from None
        raise


def _quietly(action: Callable[[str], None], arg: str) -> None:
    try:
        action(arg)
    except (OSError, UserError):
        pass


def _stage(tree: Tree, rel: str, text: str, created: list[str]) -> Temp:
    """`text` in a new temp file beside `rel` (a full disk fails here, naming `rel`)."""
    target = tree.root / rel
    try:
        temp, fd = tree.stage(rel, fsguard.TEMP_SUFFIX, created)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, exc.filename or str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            half = len(text) // 2
            handle.write(text[:half])
            handle.flush()
            seams.reach(f"temp:{rel}", target)
            handle.write(text[half:])
            os.fchmod(handle.fileno(), 0o666 & ~_UMASK)
    except OSError as exc:
        tree.discard(temp)
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        tree.discard(temp)
        raise
    return temp


def _commit(tree: Tree, plan: _Plan, staged: list[tuple[str, Temp]], outcome: Outcome) -> None:
    try:
        for _rel, temp in [s for s in staged if s[0] == "pending"]:
            tree.commit(temp)
            seams.reach("pending")
        for rel, temp in [s for s in staged if s[0] not in ("pending", "final")]:
            seams.reach(f"commit:{rel}")
            tree.commit(temp)
            outcome.written.append(rel)
        _remove_stale(tree, plan, outcome)
        seams.reach("removed")
        for _rel, temp in [s for s in staged if s[0] == "final"]:
            tree.commit(temp)
    except OSError as exc:
        raise UserError(
            f"cannot finish writing {fsguard.describe(exc, exc.filename)}; run botoloom again to repair {tree.root}"
        ) from None


def _remove_stale(tree: Tree, plan: _Plan, outcome: Outcome) -> None:
    """Remove files botoloom wrote before and no longer generates, unless edited since: the
    file is read and removed in the one directory entered for it."""
    for rel in plan.stale:
        tree.check_root()
        with tree.parent(rel) as (where, name):
            text = _text(where.read(name)) if where is not None else None
            if where is None or text is None:
                continue
            if plan.previous.ours(rel, text):
                where.unlink(name)
                outcome.removed.append(rel)
                _remove_compiled(tree, rel)
            else:
                outcome.kept.append(rel)
                continue
        _prune_empty(tree, rel.rpartition("/")[0])


def _text(data: bytes | None) -> str | None:
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _remove_compiled(tree: Tree, rel: str) -> None:
    """The interpreter's compiled copies of a removed module (__pycache__/name.*.pyc)."""
    folder, _, name = rel.rpartition("/")
    if not name.endswith(".py"):
        return
    stem = name[: -len(".py")]
    with tree.enter(f"{folder}/__pycache__" if folder else "__pycache__") as cache:
        if cache is None:
            return
        for entry in cache.listing():
            parts = entry.name.split(".")
            if parts[0] == stem and len(parts) >= 3 and parts[-1] == "pyc" and entry.is_file(follow_symlinks=False):
                cache.unlink(entry.name, missing_ok=True)


def _prune_empty(tree: Tree, folder: str) -> None:
    """Remove directories left empty (an empty __pycache__ counts as empty), up to the
    package directory, each entered from its parent."""
    while folder:
        with tree.enter(folder) as here:
            if here is None:
                return
            entries = here.listing()
            if any(e.name != "__pycache__" for e in entries):
                return
            if entries:
                with tree.enter(f"{folder}/__pycache__") as cache:
                    if cache is None or cache.listing():
                        return
                    os.rmdir("__pycache__", dir_fd=here.fd)
        tree.rmdir(folder)
        folder = folder.rpartition("/")[0]
