"""The files a migration looks at, and writing one back atomically."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import UserError
from ..output.manifest import MANIFEST

SKIPPED_DIRECTORIES = frozenset({".venv", "venv", "site-packages", "__pycache__", "node_modules"})


def python_files(paths: Sequence[str], package_root: Path | None) -> list[Path]:
    """Every file named, and every *.py below every directory named, in order, once.

    Below a directory, skipped: virtual environments, site-packages, hidden directories,
    and generated packages (the one migrated into, and any holding botoloom's manifest).
    """
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UserError(f"{missing[0]}: no such file or directory")
    found: dict[Path, None] = {}
    for given in map(Path, paths):
        if given.is_dir():
            found.update(dict.fromkeys(_walk(given, package_root)))
        else:
            found[given] = None
    return list(found)


def _walk(directory: Path, package_root: Path | None) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not _skipped(here / d, package_root))
        yield from (here / f for f in sorted(files) if f.endswith(".py") and not (here / f).is_symlink())


def _skipped(directory: Path, package_root: Path | None) -> bool:
    name = directory.name
    if name in SKIPPED_DIRECTORIES or name.startswith(".") or directory.is_symlink():
        return True
    if (directory / MANIFEST).is_file():
        return True
    return package_root is not None and directory.resolve() == package_root


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename, keeping its permission bits."""
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".botoloom-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path.resolve())
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
