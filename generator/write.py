"""Stage 6, write: put rendered files on disk safely, or compare them with what is there.

Only changed files are written, each atomically (temp file + rename).  A manifest in the
package directory records what botoloom wrote; only files listed there are ever removed,
and only when they still hold what botoloom wrote.  A directory without a manifest that
holds anything is not botoloom's, and is refused.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

MANIFEST = ".botoloom-manifest.json"
_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass
class Outcome:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # stale but edited by hand: left alone


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _manifest(meta: dict[str, object], digests: dict[str, str]) -> str:
    data = dict(meta)
    data["files"] = dict(sorted(digests.items()))
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def read_manifest(root: Path) -> dict[str, str]:
    """{path: digest} that botoloom recorded in `root` ({} for a new directory).

    Raises UserError for a directory botoloom did not create, so a run stops early.
    """
    return _owned(root)


def _read_manifest(root: Path) -> dict[str, str] | None:
    path = root / MANIFEST
    if not path.exists():
        return None
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
        return {str(k): str(v) for k, v in files.items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UserError(f"{path}: unreadable botoloom manifest; remove the directory or fix the file") from None


def _owned(root: Path) -> dict[str, str]:
    """Files botoloom wrote earlier ({} for a new directory); refuses foreign directories."""
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} exists and is not a directory")
    previous = _read_manifest(root) if root.exists() else None
    if previous is None and root.exists() and any(root.iterdir()):
        raise UserError(f"{root} exists, is not empty and was not written by botoloom (no {MANIFEST}); refusing to write into it")
    return previous or {}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return None


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(root: Path, files: dict[str, str], meta: dict[str, object], kept: dict[str, str] | None = None) -> Outcome:
    """Make `root` hold `files` plus the `kept` ones ({path: digest}, not re-rendered
    because nothing changed), and any user files; touch only what changed.

    A manifest listing old and new files is written before anything else, so a run
    killed half-way leaves a directory the next run recognises, completes and cleans.
    """
    kept = kept or {}
    try:
        previous = _owned(root)
        digests = {rel: digest(text) for rel, text in files.items()}
        digests.update(kept)
        final = _manifest(meta, digests)
        if previous != digests:
            pending = dict(previous)
            pending.update(digests)
            _atomic_write(root / MANIFEST, _manifest(meta, pending))
        outcome = Outcome(unchanged=sorted(kept))
        for rel, text in sorted(files.items()):
            target = root / rel
            if _read(target) == text:
                outcome.unchanged.append(rel)
            else:
                _atomic_write(target, text)
                outcome.written.append(rel)
        _remove_stale(root, previous, digests, outcome)
        if _read(root / MANIFEST) != final:
            _atomic_write(root / MANIFEST, final)
        return outcome
    except PermissionError as exc:
        raise UserError(f"cannot write to {exc.filename or root}: permission denied") from None


def _remove_stale(root: Path, previous: dict[str, str], current: dict[str, str], outcome: Outcome) -> None:
    """Remove files botoloom wrote before and no longer generates, unless edited since."""
    for rel in sorted(set(previous) - set(current)):
        target = root / rel
        text = _read(target)
        if text is None:
            continue
        if digest(text) == previous[rel]:
            target.unlink()
            outcome.removed.append(rel)
            _prune_empty(target.parent, root)
        else:
            outcome.kept.append(rel)


def _prune_empty(directory: Path, root: Path) -> None:
    while directory != root and directory.is_dir():
        leftovers = [p for p in directory.iterdir() if p.name != "__pycache__"]
        if leftovers:
            return
        for cache in directory.glob("__pycache__"):
            for item in cache.iterdir():
                item.unlink()
            cache.rmdir()
        directory.rmdir()
        directory = directory.parent


def check(root: Path, files: dict[str, str], meta: dict[str, object]) -> list[str]:
    """Unified diffs between what is in `root` and what would be generated ([] when equal)."""
    previous = _read_manifest(root) if root.is_dir() else None
    expected = dict(files)
    expected[MANIFEST] = _manifest(meta, {rel: digest(text) for rel, text in files.items()})
    diffs = []
    for rel, text in sorted(expected.items()):
        current = _read(root / rel)
        if current != text:
            diffs.append(_diff(rel, current or "", text))
    for rel in sorted(set(previous or {}) - set(files)):
        current = _read(root / rel)
        if current is not None:
            diffs.append(_diff(rel, current, ""))
    return diffs


def _diff(rel: str, current: str, wanted: str) -> str:
    lines = difflib.unified_diff(
        current.splitlines(keepends=True),
        wanted.splitlines(keepends=True),
        fromfile=f"a/{rel}",
        tofile=f"b/{rel}",
    )
    return "".join(lines)
