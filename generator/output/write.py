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
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import seams
from ..errors import UserError
from . import fsguard
from .manifest import MANIFEST, Manifest, digest, render

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
    root: Path,
    files: dict[str, str],
    meta: dict[str, object],
    kept: dict[str, str],
    overwrite: bool,
    previous: Manifest,
) -> _Plan:
    for rel in fsguard.scan(root, previous.names()):  # temp files of killed runs (the lock is held)
        (root / rel).unlink()
        _prune_empty((root / rel).parent, root)
    digests = {rel: digest(text) for rel, text in files.items()} | kept
    changes = {}
    for rel, text in sorted(files.items()):
        target = fsguard.relative(root, rel, "generated file")
        current = fsguard.read(target)
        if current == text:
            continue
        if rel not in previous.files and (current is not None or target.exists()) and not overwrite:
            raise UserError(
                f"{target} is in the way: botoloom would generate it, but did not write it (not in {MANIFEST}); move it away or pass --overwrite"
            )
        changes[rel] = text
    stale = sorted(set(previous.files) - set(digests))
    earlier = {rel: d for rel, d in previous.earlier.items() if rel in changes or rel in stale}
    earlier |= {
        rel: previous.files[rel] for rel in changes if rel in previous.files and previous.files[rel] != digests[rel]
    }
    final = render(meta, digests)
    pending = render(meta, previous.files | digests, earlier)
    needs_final = bool(changes or stale) or fsguard.read(root / MANIFEST) != final
    return _Plan(previous, changes, stale, pending, final if needs_final else None)


def write(
    root: Path,
    files: dict[str, str],
    meta: dict[str, object],
    kept: dict[str, str],
    overwrite: bool,
    previous: Manifest,
) -> Outcome:
    """Make `root` hold `files` plus the `kept` ones ({path: digest}, not re-rendered
    because nothing changed), and any user files; touch only what changed.  The caller
    holds the directory's lock (fsguard.locked) and passes the manifest it read under it."""
    plan = _plan(root, files, meta, kept, overwrite, previous)
    outcome = Outcome(unchanged=sorted([*kept, *(rel for rel in files if rel not in plan.changes)]))
    staged: list[tuple[str, Path, Path]] = []
    try:
        _stage_all(root, plan, staged)
        _commit(root, plan, staged, outcome)
    finally:
        for _, tmp, _ in staged:  # whatever was not renamed into place (a failure, Ctrl-C)
            tmp.unlink(missing_ok=True)
    return outcome


def _stage_all(root: Path, plan: _Plan, staged: list[tuple[str, Path, Path]]) -> None:
    created: list[Path] = []
    try:
        for rel, text in plan.changes.items():
            target = root / rel
            _make_dirs(target.parent, root, created)
            staged.append((rel, _stage(target, text, rel), target))
        if plan.final is not None:
            staged.append(("pending", _stage(root / MANIFEST, plan.pending, MANIFEST), root / MANIFEST))
            staged.append(("final", _stage(root / MANIFEST, plan.final, MANIFEST), root / MANIFEST))
        seams.reach("staged")
    except OSError as exc:
        for _, tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        staged.clear()
        for directory in reversed(created):
            directory.rmdir()
        raise UserError(f"cannot write {fsguard.describe(exc, exc.filename)}; nothing in {root} was changed") from None


def _make_dirs(directory: Path, root: Path, created: list[Path]) -> None:
    missing = []
    while directory != root and not directory.exists():
        missing.append(directory)
        directory = directory.parent
    for path in reversed(missing):
        try:
            path.mkdir()
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        created.append(path)


def _stage(target: Path, text: str, rel: str) -> Path:
    """`text` in a new temp file beside `target` (a full disk fails here, naming `target`)."""
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=fsguard.TEMP_SUFFIX)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            half = len(text) // 2
            handle.write(text[:half])
            handle.flush()
            seams.reach(f"temp:{rel}", target)
            handle.write(text[half:])
        os.chmod(tmp, 0o666 & ~_UMASK)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _commit(root: Path, plan: _Plan, staged: list[tuple[str, Path, Path]], outcome: Outcome) -> None:
    try:
        for _rel, tmp, target in [s for s in staged if s[0] == "pending"]:
            os.replace(tmp, target)
            seams.reach("pending")
        for rel, tmp, target in [s for s in staged if s[0] not in ("pending", "final")]:
            seams.reach(f"commit:{rel}")
            os.replace(tmp, target)
            outcome.written.append(rel)
        _remove_stale(root, plan, outcome)
        seams.reach("removed")
        for _rel, tmp, target in [s for s in staged if s[0] == "final"]:
            os.replace(tmp, target)
    except OSError as exc:
        raise UserError(
            f"cannot finish writing {fsguard.describe(exc, exc.filename)}; run botoloom again to repair {root}"
        ) from None


def _remove_stale(root: Path, plan: _Plan, outcome: Outcome) -> None:
    """Remove files botoloom wrote before and no longer generates, unless edited since."""
    for rel in plan.stale:
        target = root / rel
        text = fsguard.read(target)
        if text is None:
            continue
        if plan.previous.ours(rel, text):
            target.unlink()
            outcome.removed.append(rel)
            _remove_compiled(target)
            _prune_empty(target.parent, root)
        else:
            outcome.kept.append(rel)


def _remove_compiled(source: Path) -> None:
    """The interpreter's compiled copies of a removed module (__pycache__/name.*.pyc)."""
    cache = source.parent / "__pycache__"
    if source.suffix != ".py" or not cache.is_dir():
        return
    for compiled in cache.glob(f"{source.stem}.*.pyc"):
        if compiled.name.split(".")[0] == source.stem and compiled.is_file():
            compiled.unlink()


def _prune_empty(directory: Path, root: Path) -> None:
    """Remove directories left empty (an empty __pycache__ counts as empty), up to `root`."""
    while directory != root and root in directory.parents and directory.is_dir():
        cache = directory / "__pycache__"
        if any(p.name != "__pycache__" for p in directory.iterdir()) or (cache.is_dir() and any(cache.iterdir())):
            return
        if cache.is_dir():
            cache.rmdir()
        directory.rmdir()
        directory = directory.parent
