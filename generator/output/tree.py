"""The package directory by descriptor: every read, write, rename and removal botoloom makes in
it, safe against a directory being swapped for a link while a run is in flight.

No path below the package directory is ever handed to the kernel whole.  The package
directory is opened once (O_DIRECTORY | O_NOFOLLOW), and each operation enters the
directories below it one at a time from that descriptor, each again with O_DIRECTORY |
O_NOFOLLOW, then acts on the last name relative to the directory it entered (openat,
fstatat, mkdirat, renameat, unlinkat, unlinkat(AT_REMOVEDIR)).  A directory that is a link,
or no longer a directory, when it is entered stops the run (UserError, exit 2) before
anything in it is touched; before every change the package directory's own path is compared
with the descriptor, so the package directory being replaced stops the run too.
"""

from __future__ import annotations

import errno
import os
import stat
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import fsat
from ..errors import UserError


def linked(path: Path | str, what: str = "inside the package directory") -> UserError:
    return UserError(
        f"{path} is a symbolic link {what}; botoloom never reads, writes or deletes through links: remove it"
    )


def swapped(path: Path | str) -> UserError:
    return UserError(
        f"{path} was replaced during the run (by a link or another directory); botoloom stopped "
        "without touching anything through it: check the directory and run botoloom again"
    )


@dataclass(frozen=True)
class Temp:
    """A temp file staged beside `rel` (in the directory `folder`, which had `identity`)."""

    rel: str
    folder: str
    identity: tuple[int, int]
    name: str


class Dir:
    """One directory entered from the package directory's descriptor (Tree.enter)."""

    def __init__(self, fd: int, path: Path) -> None:
        self.fd, self.path = fd, path

    @property
    def identity(self) -> tuple[int, int]:
        st = os.fstat(self.fd)
        return st.st_dev, st.st_ino

    def open(self, name: str) -> int | None:
        """A read descriptor of the regular file `name`; None when missing or not a file."""
        try:
            fd = os.open(name, fsat.READ, dir_fd=self.fd)
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise linked(self.path / name) from None
            raise OSError(exc.errno, exc.strerror, str(self.path / name)) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        return fd

    def read(self, name: str) -> bytes | None:
        fd = self.open(name)
        if fd is None:
            return None
        with os.fdopen(fd, "rb") as handle:
            return handle.read()

    def stat(self, name: str) -> os.stat_result | None:
        try:
            return os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except (FileNotFoundError, NotADirectoryError):
            return None

    def listing(self) -> list[os.DirEntry[str]]:
        with os.scandir(self.fd) as entries:
            return list(entries)

    def unlink(self, name: str, missing_ok: bool = False) -> None:
        try:
            os.unlink(name, dir_fd=self.fd)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def create_temp(self, name: str, suffix: str) -> tuple[str, int]:
        """A new temp file `.NAME.XXXXXXXX<suffix>` here: (its name, a write descriptor)."""
        return fsat.create_temp(self.fd, name, suffix, str(self.path / name))


class Tree:
    """The package directory `root`, held by a descriptor (none while it does not exist)."""

    def __init__(self, root: Path, fd: int | None) -> None:
        self.root, self.fd = root, fd
        if fd is not None:
            self._closer = weakref.finalize(self, os.close, fd)

    @classmethod
    def open(cls, root: Path) -> Tree:
        """`root` as it is now: refused when it is a link or not a directory."""
        try:
            return cls(root, os.open(root, fsat.DIRECTORY))
        except FileNotFoundError:
            return cls(root, None)
        except OSError as exc:
            if os.path.islink(root):
                raise UserError(
                    f"{root} is a symbolic link; botoloom never writes through links (use the real directory as --output)"
                ) from None
            if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                raise UserError(f"{root} exists and is not a directory") from None
            raise UserError(f"cannot open {root}: {(exc.strerror or '').lower()}") from None

    def close(self) -> None:
        if self.fd is not None:
            self._closer()
            self.fd = None

    def exists(self) -> bool:
        return self.fd is not None

    def check_root(self) -> None:
        """Is `root` still the directory this tree holds?  (Before every change.)"""
        if self.fd is None:
            return
        try:
            now = os.stat(self.root, follow_symlinks=False)
        except OSError:
            raise swapped(self.root) from None
        held = os.fstat(self.fd)
        if not stat.S_ISDIR(now.st_mode) or (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
            raise swapped(self.root)

    @contextmanager
    def enter(self, folder: str, create: list[str] | None = None) -> Iterator[Dir | None]:
        """The directory `folder` ("" for the package directory, "a/b" below it), entered one
        directory at a time; None when it (or the tree) does not exist, unless `create` is
        given: then missing directories are made, and their relative paths appended to it."""
        if self.fd is None:
            yield None
            return
        opened: int | None = None  # one descriptor at a time, however deep
        try:
            here, path, rel = self.fd, self.root, ""
            for part in folder.split("/") if folder else ():
                rel, path = f"{rel}{part}", path / part
                fd = self._step(here, part, path, create is not None)
                if fd is None and create is not None:
                    _mkdir(here, part, path)
                    create.append(rel)
                    fd = self._step(here, part, path, False)
                if fd is None:
                    yield None
                    return
                if opened is not None:
                    os.close(opened)
                opened = here = fd
                rel += "/"
            yield Dir(here, path)
        finally:
            if opened is not None:
                os.close(opened)

    @staticmethod
    def _step(parent: int, name: str, path: Path, creating: bool) -> int | None:
        """Enter `name` from `parent`: never through a link, only into a directory."""
        try:
            return os.open(name, fsat.DIRECTORY, dir_fd=parent)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                raise OSError(exc.errno, exc.strerror, str(path)) from None
        try:
            st = os.stat(name, dir_fd=parent, follow_symlinks=False)
        except FileNotFoundError:
            return None
        if stat.S_ISLNK(st.st_mode):
            raise linked(path, "inside the package directory (put there during the run?)")
        if creating:
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
        return None

    @contextmanager
    def parent(self, rel: str, create: list[str] | None = None) -> Iterator[tuple[Dir | None, str]]:
        """The directory holding `rel` (entered as `enter` does) and `rel`'s last name."""
        folder, _, name = rel.rpartition("/")
        with self.enter(folder, create) as where:
            yield where, name

    def read(self, rel: str) -> str | None:
        """`rel`'s text; None when missing, not a regular file or not UTF-8."""
        with self.parent(rel) as (where, name):
            data = where.read(name) if where is not None else None
        try:
            return None if data is None else data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def stats(self, rels: list[str]) -> dict[str, os.stat_result | None]:
        """fstatat of each of `rels` (links not followed), each directory entered once."""
        by_folder: dict[str, list[str]] = {}
        for rel in rels:
            folder, _, name = rel.rpartition("/")
            by_folder.setdefault(folder, []).append(name)
        found: dict[str, os.stat_result | None] = {}
        for folder, names in by_folder.items():
            with self.enter(folder) as where:
                for name in names:
                    found[f"{folder}/{name}" if folder else name] = where.stat(name) if where else None
        return found

    def unlink(self, rel: str, missing_ok: bool = False) -> None:
        self.check_root()
        with self.parent(rel) as (where, name):
            if where is not None:
                where.unlink(name, missing_ok)
            elif not missing_ok:
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self.root / rel))

    def rmdir(self, folder: str) -> None:
        self.check_root()
        with self.parent(folder) as (where, name):
            if where is not None:
                os.rmdir(name, dir_fd=where.fd)

    def stage(self, rel: str, suffix: str, create: list[str]) -> tuple[Temp, int]:
        """A new temp file beside `rel` (its directories made, noted in `create`): the Temp
        and a write descriptor for it."""
        self.check_root()
        with self.parent(rel, create) as (where, name):
            assert where is not None
            temp, fd = where.create_temp(name, suffix)
            return Temp(rel, rel.rpartition("/")[0], where.identity, temp), fd

    def commit(self, temp: Temp) -> None:
        """Rename `temp` over its target, in the very directory it was staged in."""
        self.check_root()
        with self.parent(temp.rel) as (where, name):
            if where is None or where.identity != temp.identity:
                raise swapped(self.root / temp.folder)
            os.replace(temp.name, name, src_dir_fd=where.fd, dst_dir_fd=where.fd)

    def discard(self, temp: Temp) -> None:
        """Remove `temp` if it is still where it was staged (best effort: a directory replaced
        since is not entered)."""
        try:
            with self.parent(temp.rel) as (where, _):
                if where is not None and where.identity == temp.identity:
                    where.unlink(temp.name, missing_ok=True)
        except (OSError, UserError):
            pass


def _mkdir(parent: int, name: str, path: Path) -> None:
    try:
        os.mkdir(name, 0o777, dir_fd=parent)
    except FileExistsError:
        pass
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
