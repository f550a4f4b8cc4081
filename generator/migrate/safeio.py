"""Reading and replacing the user's files without ever following a link, blocking, reading
without limit, losing an edit made meanwhile, or changing a file's owner, group or mode.

Every file is reached from its Source's base directory one name at a time, each opened with
O_NOFOLLOW (a link on the way, or the file itself being a link, stops there).  Only regular
files of at most MAX_BYTES with one name (no other hard link) are read.  A file is replaced
by a temp file beside it (`.NAME.XXXXXXXX.botoloom-tmp`, given the file's owner, group and
mode first), renamed over it only if the file still holds what was read (bytes and stat).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from .. import fsat, seams
from .files import TEMP_SUFFIX, Source

MAX_BYTES = 4 * 1024 * 1024  # a larger .py is generated, not written by hand: left as it is
_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket"}


class Refused(Exception):
    """A file migrate leaves as it is; the message says why."""


class Link(Refused):
    """The file, or a directory on the way to it, is a link: skipped, never followed."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes and its stat, as read."""

    data: bytes
    stat: os.stat_result


@contextmanager
def directory(source: Source) -> Iterator[int]:
    """A descriptor of the directory holding `source`, reached without following a link."""
    fds = [os.open(source.base, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)]
    try:
        for part in source.parts[:-1]:
            try:
                fds.append(os.open(part, fsat.DIRECTORY, dir_fd=fds[-1]))
            except OSError:
                if fsat.is_link(part, fds[-1]):
                    raise Link(f"{part}: a link on the way to it") from None
                raise
        yield fds[-1]
    finally:
        for fd in fds:
            os.close(fd)


def read(source: Source, *, to_replace: bool = True) -> Snapshot:
    """The file's bytes and stat; `to_replace`: it must have no other hard link either."""
    with directory(source) as dir_fd:
        return _read_at(dir_fd, source.name, to_replace)


def _read_at(dir_fd: int, name: str, to_replace: bool = True) -> Snapshot:
    st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    _check_kind(st)
    if to_replace and st.st_nlink > 1:
        raise Refused(f"has {st.st_nlink} hard links; replacing it would part them; left as it is")
    try:
        fd = os.open(name, fsat.READ, dir_fd=dir_fd)  # O_NONBLOCK: a FIFO swapped in does not block
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Link("a link") from None
        raise
    try:
        opened = os.fstat(fd)
        _check_kind(opened)
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise Refused(f"over the size limit of {MAX_BYTES} bytes; left as it is")
    return Snapshot(b"".join(chunks), opened)


def _check_kind(st: os.stat_result) -> None:
    if stat.S_ISLNK(st.st_mode):
        raise Link("a link")
    if not stat.S_ISREG(st.st_mode):
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise Refused(f"{kind}; only regular files are read")
    if st.st_size > MAX_BYTES:
        raise Refused(f"{st.st_size} bytes, over the size limit of {MAX_BYTES} bytes; left as it is")


def replace(source: Source, before: Snapshot, data: bytes) -> None:
    """Replace `source` with `data` in one rename, if it still holds what `before` read;
    owner, group and mode kept (Refused when they cannot be)."""
    seams.reach(f"migrate-replace:{source.path}", source.path)
    with directory(source) as dir_fd:
        temp, fd = fsat.create_temp(dir_fd, source.name, TEMP_SUFFIX, str(source.path))
        try:
            _fill(fd, data, before.stat)
            seams.reach(f"migrate-temp:{source.path}", source.path)
            _unchanged(dir_fd, source.name, before)
            os.replace(temp, source.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except BaseException:
            with suppress(OSError):
                os.unlink(temp, dir_fd=dir_fd)
            raise
        with suppress(OSError):  # not every file system syncs a directory
            os.fsync(dir_fd)


def remove_temp(source: Source) -> None:
    """Remove one of botoloom's own temp files (a regular file; a link or other is kept)."""
    with directory(source) as dir_fd:
        st = os.stat(source.name, dir_fd=dir_fd, follow_symlinks=False)
        if not stat.S_ISREG(st.st_mode):
            raise Refused("not a regular file; left as it is")
        os.unlink(source.name, dir_fd=dir_fd)


def _fill(fd: int, data: bytes, want: os.stat_result) -> None:
    """Write `data`, then the owner and group, then the mode of `want`; checked."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        have = os.fstat(fd)
        if (have.st_uid, have.st_gid) != (want.st_uid, want.st_gid):
            try:
                os.fchown(fd, want.st_uid, want.st_gid)
            except PermissionError:
                raise Refused(
                    f"owned by {want.st_uid}:{want.st_gid}; cannot keep its owner and group; left as it is"
                ) from None
        os.fchmod(fd, stat.S_IMODE(want.st_mode))  # after fchown, which may clear set-id bits
        have = os.fstat(fd)
        if (have.st_uid, have.st_gid, stat.S_IMODE(have.st_mode)) != (
            want.st_uid,
            want.st_gid,
            stat.S_IMODE(want.st_mode),
        ):
            raise Refused("cannot keep its owner, group and mode; left as it is")
        os.fsync(fd)
    finally:
        os.close(fd)


def _unchanged(dir_fd: int, name: str, before: Snapshot) -> None:
    """Refused unless `name` is still the file read, holding the same bytes."""
    try:
        now = _read_at(dir_fd, name)
    except (Refused, FileNotFoundError):
        now = None
    if now is None or now.data != before.data or _key(now.stat) != _key(before.stat):
        raise Refused("changed since it was read; left as it is (run migrate again)")


def _key(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode, st.st_uid, st.st_gid)
