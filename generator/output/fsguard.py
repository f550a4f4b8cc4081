"""The package directory's boundary: which paths botoloom may touch, and one run at a time.

Everything botoloom reads, writes or deletes in a package directory goes through here:
relative paths from untrusted places (the manifest, the cache) are checked before use,
symbolic links inside the package directory are refused (never followed), files are
opened with O_NOFOLLOW, and a lock file makes concurrent runs on one directory wait.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from .. import seams
from ..errors import UserError

LOCK = ".botoloom.lock"
TEMP_SUFFIX = ".botoloom-tmp"
# Temp files of a botoloom run killed half-way: ours (".client.py.k3j_x9ab.botoloom-tmp"),
# and those of botoloom 0.1.0 (".client.py.k3j_x9ab.tmp", mkstemp's 8 random characters),
# which count only beside a file of that name that botoloom wrote.
_TEMP = re.compile(r"\.(.+)\.[a-z0-9_]{8}(\.botoloom-tmp|\.tmp)")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_HEX64 = re.compile(r"[0-9a-f]{64}")


def describe(exc: OSError, path: Path | str) -> str:
    """'X: no space left on device', naming the file botoloom meant (not its temp file)."""
    reason = exc.strerror or type(exc).__name__
    return f"{path}: {reason.lower()}"


def check_relative(rel: object, root: Path, where: str) -> str:
    """`rel`, a relative path read from an untrusted file, or a UserError.

    Refused: anything not a non-empty string, absolute paths, backslashes, NUL, empty,
    "." or ".." components.  `root / rel` cannot leave `root` lexically; links are
    checked by `scan` (the whole directory) before any run touches it.
    """
    if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel:
        raise UserError(f"{where}: invalid entry {rel!r}: not a relative path inside the package")
    if rel.startswith("/") or any(part in ("", ".", "..") for part in rel.split("/")):
        raise UserError(f"{where}: refusing entry {rel!r}: it points outside the package directory {root}")
    return rel


def relative(root: Path, rel: object, where: str) -> Path:
    """`root / rel` for a checked relative path (check_relative)."""
    return root / check_relative(rel, root, where)


def is_digest(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def is_temp(name: str, known: Collection[str] = ()) -> bool:
    """Is `name` a temp file botoloom left (`known`: names of files botoloom wrote)?"""
    found = _TEMP.fullmatch(name)
    return found is not None and (found.group(2) == TEMP_SUFFIX or found.group(1) in known)


def scan(root: Path, known: Collection[str] = ()) -> list[str]:
    """Refuse a package directory that is, or holds, a symbolic link (or another
    non-regular file); return the botoloom temp files of killed runs found in it
    (`known`: base names of the files botoloom wrote, for 0.1.0's temp names)."""
    if root.is_symlink():
        raise UserError(
            f"{root} is a symbolic link; botoloom never writes through links (use the real directory as --output)"
        )
    temps: list[str] = []
    if root.is_dir():
        _scan(os.fspath(root), "", known, temps)
    return sorted(temps)


def _scan(directory: str, rel: str, known: Collection[str], temps: list[str]) -> None:
    """One directory of scan(): the kind of each entry from the directory listing itself
    (os.scandir: no stat per file where the file system tells the kind)."""
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError as exc:
        _walk_error(exc)
    below = []
    for entry in entries:
        if entry.is_symlink():
            raise UserError(
                f"{entry.path} is a symbolic link inside the package directory; botoloom never reads, writes or deletes through links: remove it"
            )
        if entry.is_dir(follow_symlinks=False):
            below.append(entry)
        elif not entry.is_file(follow_symlinks=False):
            raise UserError(f"{entry.path} is not a regular file or directory; remove it")
        elif is_temp(entry.name, known):
            temps.append(rel + entry.name)
    for entry in below:
        _scan(entry.path, f"{rel}{entry.name}/", known, temps)


def _walk_error(exc: OSError) -> NoReturn:
    raise UserError(describe(exc, exc.filename or "?")) from None


def read(path: Path) -> str | None:
    """The file's text; None when it is missing, a directory or not UTF-8. Never follows a link."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UserError(f"{path} is a symbolic link; botoloom never reads through links") from None
        raise UserError(f"cannot read {describe(exc, path)}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        data = handle.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@contextmanager
def locked(root: Path, timeout: float, quiet: bool) -> Iterator[None]:
    """Hold the package directory's lock for the whole run; another run waits (with a
    message) up to `timeout` seconds, then gives up with exit 2.  The lock file is removed
    when the run ends, and a run that fails in a directory it created leaves nothing."""
    missing = [p for p in (root, *root.parents) if not os.path.lexists(p)]
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the package directory: {describe(exc, exc.filename or root)}") from None
    fd = _acquire(root / LOCK, timeout, quiet)
    try:
        seams.reach("locked")
        yield
    except BaseException:
        if missing and [p.name for p in root.iterdir()] == [LOCK]:
            (root / LOCK).unlink()
            for directory in missing:  # innermost first
                directory.rmdir()
        raise
    finally:
        Path(root / LOCK).unlink(missing_ok=True)  # still held: a waiting run sees a new file
        os.close(fd)  # and closing releases the lock


def _acquire(path: Path, timeout: float, quiet: bool) -> int:
    """An open, exclusively locked descriptor of `path`, which is still that file."""
    import fcntl

    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as exc:
            raise UserError(f"cannot create the package directory's lock: {describe(exc, path)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.path.lexists(path) and os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino:
                return fd
        except BlockingIOError:
            pass
        os.close(fd)  # busy, or the file was removed by the run that held it: open again
        if not told and not quiet:
            print(f"botoloom: waiting for another botoloom run on {path.parent} to finish", file=sys.stderr)
            told = True
        if time.monotonic() >= deadline:
            raise UserError(
                f"{path.parent}: another botoloom run holds {LOCK} (waited {timeout:g} s; see --lock-timeout)"
            )
        time.sleep(0.05)
