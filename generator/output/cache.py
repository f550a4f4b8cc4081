"""Skip re-rendering services whose inputs did not change since the last run.

A cache file beside the manifest records, per service, the fingerprint of its definition
files and the generator settings, and the size and mtime of every file written.  It is a
cache, not output: it holds timestamps, is never compared by --check and may be deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..views.entry import Entry
from .tree import Tree

CACHE = ".botoloom-cache.json"


def generator_digest() -> str:
    """Hash of botoloom's own code and templates: a changed generator renders everything
    again even when its version number did not change (development, local patches)."""
    from ..render.files import template_dir

    package = Path(__file__).resolve().parents[1]  # generator/
    sources = sorted([*package.rglob("*.py"), *template_dir().glob("*.j2")])
    hasher = hashlib.sha256()
    for path in sources:
        hasher.update(path.relative_to(package.parent).as_posix().encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def load(tree: Tree) -> dict[str, Any]:
    """The cache of the package directory `tree`; {} when missing, unreadable, nested too
    deeply, too large or of any other shape (a pull request can change it: nothing in it is
    trusted beyond "render again or not")."""
    try:
        with tree.enter("") as here:
            raw = here.read(CACHE) if here is not None else None
        data = json.loads(raw.decode("utf-8")) if raw is not None else {}
        return data if _well_formed(data) else {}
    except (OSError, ValueError, RecursionError, MemoryError):
        return {}


def _well_formed(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    services, outputs = data.get("services", {}), data.get("outputs", {})
    if not isinstance(services, dict) or not isinstance(outputs, dict):
        return False
    entries_ok = all(
        isinstance(e, dict)
        and isinstance(e.get("files", []), list)
        and all(isinstance(f, str) for f in e.get("files", []))
        for e in services.values()
    )
    return entries_ok and all(
        v is None or (isinstance(v, list) and all(type(n) is int for n in v)) for v in outputs.values()
    )


def _stats(tree: Tree, rels: list[str]) -> dict[str, list[int] | None]:
    """What changes whenever a file is written, replaced or touched: size, mtime, ctime
    (which no user tool sets back) and inode; None for a missing file."""
    return {
        rel: None if st is None else [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        for rel, st in tree.stats(rels).items()
    }


@dataclass(frozen=True)
class Cached:
    """A service whose inputs and files on disk are as the last run left them: not rendered again."""

    files: dict[str, str]  # path -> digest, from the manifest
    entry: Entry  # its record for the entry module


def unchanged(cache: dict[str, Any], tree: Tree, service: str, key: Any, manifest: dict[str, str]) -> Cached | None:
    """`service`'s files and entry when its inputs and its files on disk are as last
    written; None when it must be rendered again."""
    record = cache.get("services", {}).get(service)
    if not record or record.get("key") != key:
        return None
    outputs = cache.get("outputs", {})
    files = record.get("files", [])
    if not files or not all(rel in manifest for rel in files):  # manifest entries: validated, inside the tree
        return None
    kept = {}
    for rel, now in _stats(tree, files).items():
        if now is None or now != outputs.get(rel):  # a missing file always counts as changed
            return None
        kept[rel] = manifest[rel]
    found = Entry.from_json(service, record.get("entry"))  # validated (None: render again)
    return Cached(kept, found) if kept and found is not None else None


def save(
    tree: Tree,
    keys: dict[str, Any],
    files_by_service: dict[str, list[str]],
    entries: dict[str, Entry],
    all_files: list[str],
) -> None:
    data = {
        "services": {
            name: {"key": keys[name], "files": sorted(files), "entry": entries[name].to_json()}
            for name, files in files_by_service.items()
        },
        "outputs": _stats(tree, sorted(all_files)),
    }
    text = json.dumps(data, sort_keys=True)
    temp = None
    try:  # atomically, never through a link
        temp, fd = tree.stage(CACHE, ".botoloom-tmp", [])
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            os.fchmod(handle.fileno(), 0o644)
        tree.commit(temp)
    except OSError:  # only a cache: the next run renders again
        if temp is not None:
            tree.discard(temp)
