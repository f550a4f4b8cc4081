"""Skip re-rendering services whose inputs did not change since the last run.

A cache file beside the manifest records, per service, the fingerprint of its definition
files and the generator settings, and the size and mtime of every file written.  It is a
cache, not output: it holds timestamps, is never compared by --check and may be deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..views.entry import Entry

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


def load(root: Path) -> dict[str, Any]:
    """The cache of `root`; {} when missing, unreadable or of any other shape (a pull
    request can change it: nothing in it is trusted beyond "render again or not")."""
    try:
        fd = os.open(root / CACHE, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if _well_formed(data) else {}


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


def _stat(path: str) -> list[int] | None:
    """What changes whenever the file is written, replaced or touched: size, mtime,
    ctime (which no user tool sets back) and inode."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


@dataclass(frozen=True)
class Cached:
    """A service whose inputs and files on disk are as the last run left them: not rendered again."""

    files: dict[str, str]  # path -> digest, from the manifest
    entry: Entry  # its record for the entry module


def unchanged(cache: dict[str, Any], root: Path, service: str, key: Any, manifest: dict[str, str]) -> Cached | None:
    """`service`'s files and entry when its inputs and its files on disk are as last
    written; None when it must be rendered again."""
    record = cache.get("services", {}).get(service)
    if not record or record.get("key") != key:
        return None
    outputs = cache.get("outputs", {})
    kept = {}
    for rel in record.get("files", []):
        if rel not in manifest:
            return None
        now = _stat(os.path.join(root, rel))  # rel is a manifest entry: validated, inside root
        if now is None or now != outputs.get(rel):  # a missing file always counts as changed
            return None
        kept[rel] = manifest[rel]
    found = Entry.from_json(service, record.get("entry"))  # validated (None: render again)
    return Cached(kept, found) if kept and found is not None else None


def save(
    root: Path,
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
        "outputs": {rel: _stat(os.path.join(root, rel)) for rel in sorted(all_files)},
    }
    text = json.dumps(data, sort_keys=True)
    tmp = None
    try:  # atomically, never through a link (fsguard.scan refused links in root)
        fd, tmp = tempfile.mkstemp(dir=root, prefix=f".{CACHE}.", suffix=".botoloom-tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, root / CACHE)
    except OSError:  # only a cache: the next run renders again
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
