"""Skip re-rendering services whose inputs did not change since the last run.

A cache file beside the manifest records, per service, the fingerprint of its definition
files and the generator settings, and the size and mtime of every file written.  It is a
cache, not output: it holds timestamps, is never compared by --check and may be deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

CACHE = ".botoloom-cache.json"


def generator_digest() -> str:
    """Hash of botoloom's own code and templates: a changed generator renders everything
    again even when its version number did not change (development, local patches)."""
    from .render import template_dir

    here = Path(__file__).resolve().parent
    sources = sorted([*here.glob("*.py"), *here.glob("runtime/*.py"), *template_dir().glob("*.j2")])
    hasher = hashlib.sha256()
    for path in sources:
        hasher.update(path.name.encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def load(root: Path) -> dict[str, Any]:
    try:
        data = json.loads((root / CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def unchanged(cache: dict[str, Any], root: Path, service: str, key: Any, manifest: dict[str, str]) -> dict[str, str] | None:
    """{path: digest} of `service`'s files when its inputs and its files on disk are as
    last written; None when it must be rendered again."""
    entry = cache.get("services", {}).get(service)
    if not entry or entry.get("key") != key:
        return None
    outputs = cache.get("outputs", {})
    kept = {}
    for rel in entry.get("files", []):
        if rel not in manifest or _stat(root / rel) != outputs.get(rel):
            return None
        kept[rel] = manifest[rel]
    return kept or None


def save(root: Path, keys: dict[str, Any], files_by_service: dict[str, list[str]], all_files: list[str]) -> None:
    data = {
        "services": {name: {"key": keys[name], "files": sorted(files)} for name, files in files_by_service.items()},
        "outputs": {rel: _stat(root / rel) for rel in sorted(all_files)},
    }
    try:
        (root / CACHE).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # only a cache
