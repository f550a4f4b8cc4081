"""The manifest: which files of a package directory botoloom wrote, with their digests.

It is safe to commit and is read as untrusted input (a pull request can change it): every
entry must be a relative path inside the package directory and a SHA-256 digest, or the
run stops with exit 2 naming the entry.  While a run is in progress the manifest also
lists, under "earlier", the digest each replaced file had before, so that a run killed
half-way never makes the next one mistake botoloom's own old file for a hand edit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import UserError
from . import fsguard
from .cache import CACHE
from .tree import Tree

MANIFEST = ".botoloom-manifest.json"


@dataclass(frozen=True)
class Manifest:
    files: dict[str, str] = field(default_factory=dict)  # path -> digest botoloom wrote (or is writing)
    earlier: dict[str, str] = field(default_factory=dict)  # path -> digest before an unfinished run
    botocore: str = ""  # the botocore version the files were generated from

    def ours(self, rel: str, text: str) -> bool:
        """Does `text` hold exactly what botoloom wrote (or was replacing) at `rel`?"""
        return digest(text) in (self.files.get(rel), self.earlier.get(rel))

    def names(self) -> set[str]:
        """Base names of the files botoloom wrote here (0.1.0's temp files count only beside them)."""
        return {MANIFEST, CACHE} | {rel.rsplit("/", 1)[-1] for rel in self.files}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render(meta: dict[str, object], files: dict[str, str], earlier: dict[str, str] | None = None) -> str:
    data = dict(meta)
    data["files"] = dict(sorted(files.items()))
    if earlier:
        data["earlier"] = dict(sorted(earlier.items()))
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


def read(tree: Tree) -> Manifest | None:
    """The manifest of the package directory `tree`, validated; None when there is none."""
    path = tree.root / MANIFEST
    try:
        text = tree.read(MANIFEST)
    except MemoryError:
        raise UserError(f"{path}: too large to read; remove the directory or fix the file") from None
    except OSError as exc:
        raise UserError(f"cannot read {fsguard.describe(exc, path)}") from None
    if text is None:
        with tree.enter("") as here:
            if here is not None and here.stat(MANIFEST) is not None:
                raise UserError(
                    f"{path}: unreadable botoloom manifest (not a regular UTF-8 file); remove the directory or fix the file"
                )
        return None
    try:
        return _parse(tree.root, path, text)
    except RecursionError:
        raise UserError(
            f"{path}: not a botoloom manifest (nested too deeply to read); remove the directory or fix the file"
        ) from None
    except MemoryError:
        raise UserError(f"{path}: too large to read; remove the directory or fix the file") from None


@lru_cache(maxsize=4)  # a run reads it before taking the lock and again once it holds it
def _parse(root: Path, path: Path, text: str) -> Manifest:
    try:
        data = json.loads(text)
    except ValueError:
        raise UserError(
            f"{path}: unreadable botoloom manifest (not JSON); remove the directory or fix the file"
        ) from None

    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise UserError(f'{path}: not a botoloom manifest (no "files" object); remove the directory or fix the file')
    botocore = data.get("botocore", "")
    return Manifest(
        files=_entries(root, path, data["files"], "files"),
        earlier=_entries(root, path, data.get("earlier", {}), "earlier"),
        botocore=botocore if isinstance(botocore, str) else "",
    )


def _entries(root: Path, path: Path, table: object, key: str) -> dict[str, str]:
    if not isinstance(table, dict):
        raise UserError(f'{path}: "{key}" must be an object of path: digest')
    where = f"{path}: {key}"
    for rel, value in table.items():
        fsguard.check_relative(rel, root, where)
        if rel in (MANIFEST, CACHE, fsguard.LOCK) or not fsguard.is_digest(value):
            raise UserError(f"{path}: {key}: invalid entry {rel!r}: {_short(value)}")
    return dict(table)


def _short(value: object) -> str:
    """A value from the manifest for a message: short, whatever its size or depth."""
    return repr(value)[:80] if isinstance(value, str | int | float | bool | type(None)) else type(value).__name__
