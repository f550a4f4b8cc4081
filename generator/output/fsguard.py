"""The package directory's boundary: which paths botoloom may touch, and one run at a time.

Everything botoloom reads, writes or deletes in a package directory goes through here and
through tree.py (which does it by directory descriptor): relative paths from untrusted places
(the manifest, the cache) are checked before use, symbolic links inside the package directory
are refused before a run starts (scan) and whenever a directory is entered (tree.Tree), files
are opened with O_NOFOLLOW, and a lock file makes concurrent runs on one directory wait.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from .. import seams
from ..errors import UserError
from ..fsat import NOFOLLOW
from .tree import Tree, linked

LOCK = ".botoloom.lock"
TEMP_SUFFIX = ".botoloom-tmp"
# Temp files of a botoloom run killed half-way: ours (".client.py.k3j_x9ab.botoloom-tmp"),
# and those of botoloom 0.1.0 (".client.py.k3j_x9ab.tmp", mkstemp's 8 random characters),
# which count only beside a file of that name that botoloom wrote.
_TEMP = re.compile(r"\.(.+)\.[a-z0-9_]{8}(\.botoloom-tmp|\.tmp)")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def describe(exc: OSError, path: Path | str) -> str:
    """'X: no space left on device', naming the file botoloom meant (not its temp file)."""
    reason = exc.strerror or type(exc).__name__
    return f"{path}: {reason.lower()}"


def check_relative(rel: object, root: Path, where: str) -> str:
    """`rel`, a relative path read from an untrusted file, or a UserError.

    Refused: anything not a non-empty string, absolute paths, backslashes, NUL, empty,
    "." or ".." components.  `root / rel` cannot leave `root` lexically; links are
    checked by `scan` (the whole directory) before any run touches it, and refused
    again by tree.Tree as each directory is entered.
    """
    if not isinstance(rel, str) or not rel or "\\" in rel or "\0" in rel:
        raise UserError(f"{where}: invalid entry {rel!r}: not a relative path inside the package")
    if rel.startswith("/") or any(part in ("", ".", "..") for part in rel.split("/")):
        raise UserError(f"{where}: refusing entry {rel!r}: it points outside the package directory {root}")
    return rel


def is_digest(value: object) -> bool:
    return isinstance(value, str) and _HEX64.fullmatch(value) is not None


def is_temp(name: str, known: Collection[str] = ()) -> bool:
    """Is `name` a temp file botoloom left (`known`: names of files botoloom wrote)?"""
    found = _TEMP.fullmatch(name)
    return found is not None and (found.group(2) == TEMP_SUFFIX or found.group(1) in known)


def scan(root: Path | Tree, known: Collection[str] = ()) -> list[str]:
    """Refuse a package directory that is, or holds, a symbolic link (or another
    non-regular file); return the botoloom temp files of killed runs found in it
    (`known`: base names of the files botoloom wrote, for 0.1.0's temp names).  Each
    directory is entered from the package directory's descriptor, never through a link."""
    tree = root if isinstance(root, Tree) else Tree.open(root)
    temps: list[str] = []
    todo = [""]
    while todo:  # no recursion: a package directory may nest thousands of directories
        todo += _scan(tree, todo.pop(), known, temps)
    return sorted(temps)


def _scan(tree: Tree, folder: str, known: Collection[str], temps: list[str]) -> list[str]:
    """One directory of scan(): the kind of each entry from the directory listing itself
    (os.scandir: no stat per file where the file system tells the kind); its subdirectories."""
    rel = f"{folder}/" if folder else ""
    too_deep(tree, folder)
    try:
        with tree.enter(folder) as here:
            entries = here.listing() if here is not None else []
    except OSError as exc:
        _walk_error(exc)
    below = []
    for entry in entries:
        if entry.is_symlink():
            raise linked(tree.root / rel / entry.name)
        if entry.is_dir(follow_symlinks=False):
            below.append(rel + entry.name)
        elif not entry.is_file(follow_symlinks=False):
            raise UserError(f"{tree.root / rel / entry.name} is not a regular file or directory; remove it")
        elif is_temp(entry.name, known):
            temps.append(rel + entry.name)
    return sorted(below, reverse=True)


MAX_DEPTH = 32
"""Directories nested deeper than this inside a package directory are refused (botoloom's
own nest two deep): each is entered from the package directory, one at a time."""


def too_deep(tree: Tree, folder: str) -> None:
    if folder.count("/") >= MAX_DEPTH:
        raise UserError(
            f"{tree.root / folder}: directories nested more than {MAX_DEPTH} deep inside the package directory; remove them"
        )


def _walk_error(exc: OSError) -> NoReturn:
    raise UserError(describe(exc, exc.filename or "?")) from None


@contextmanager
def locked(root: Path, timeout: float, quiet: bool) -> Iterator[Tree]:
    """Hold the package directory's lock for the whole run, yielding the directory held by
    its descriptor (tree.Tree); another run waits (with a message) up to `timeout` seconds,
    then gives up with exit 2.  The lock file is removed when the run ends, and a run that
    fails in a directory it created leaves nothing."""
    missing = [p for p in (root, *root.parents) if not os.path.lexists(p)]
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the package directory: {describe(exc, exc.filename or root)}") from None
    tree = Tree.open(root)
    assert tree.fd is not None
    fd = _acquire(tree, timeout, quiet)
    try:
        seams.reach("locked")
        yield tree
    except BaseException:
        if missing and os.listdir(tree.fd) == [LOCK]:
            _remove_created(tree, missing)
        raise
    finally:
        _unlink_lock(tree)  # still held: a waiting run sees a new file
        os.close(fd)  # and closing releases the lock
        tree.close()


def _remove_created(tree: Tree, missing: list[Path]) -> None:
    """Remove the lock and the directories this run made (innermost first), as long as the
    package directory is still the one it holds."""
    _unlink_lock(tree)
    tree.check_root()
    for directory in missing:
        directory.rmdir()


def _unlink_lock(tree: Tree) -> None:
    if tree.fd is not None:
        try:
            os.unlink(LOCK, dir_fd=tree.fd)
        except FileNotFoundError:
            pass


def _acquire(tree: Tree, timeout: float, quiet: bool) -> int:
    """An open, exclusively locked descriptor of the lock file, which is still that file."""
    import fcntl

    path = tree.root / LOCK
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fd = os.open(LOCK, os.O_RDWR | os.O_CREAT | NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=tree.fd)
        except OSError as exc:
            raise UserError(f"cannot create the package directory's lock: {describe(exc, path)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            now = os.stat(LOCK, dir_fd=tree.fd, follow_symlinks=False)
            if now.st_ino == os.fstat(fd).st_ino:
                return fd
        except (BlockingIOError, FileNotFoundError):
            pass
        os.close(fd)  # busy, or the file was removed by the run that held it: open again
        if not told and not quiet:
            print(f"botoloom: waiting for another botoloom run on {tree.root} to finish", file=sys.stderr)
            told = True
        if time.monotonic() >= deadline:
            raise UserError(
                f"{tree.root}: another botoloom run holds {LOCK} (waited {timeout:g} s; see --lock-timeout)"
            )
        time.sleep(0.05)
