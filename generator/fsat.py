"""Files reached relative to a directory descriptor, never through a link: the open flags
and the temp-file naming that both writers of files share (output/tree.py for the package
directory, migrate/safeio.py for the user's own files).

Every flag set carries O_NOFOLLOW (a link as the last name fails with ELOOP) and O_CLOEXEC;
reads add O_NONBLOCK and O_NOCTTY, so a FIFO or a device swapped in never blocks the run or
becomes its terminal; a new file is O_CREAT | O_EXCL, so an existing name (a link put there
meanwhile included) is never opened for writing.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat


def _flag(name: str) -> int:
    """os.O_<name>, or 0 where the platform has none."""
    return int(getattr(os, name, 0))


NOFOLLOW = _flag("O_NOFOLLOW")
DIRECTORY = os.O_RDONLY | _flag("O_DIRECTORY") | NOFOLLOW | _flag("O_CLOEXEC")
READ = os.O_RDONLY | NOFOLLOW | _flag("O_CLOEXEC") | _flag("O_NONBLOCK") | _flag("O_NOCTTY")
NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW | _flag("O_CLOEXEC")
_TEMP_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def create_temp(dir_fd: int, name: str, suffix: str, shown: str) -> tuple[str, int]:
    """A new file `.NAME.XXXXXXXX<suffix>` (mode 0600) in the directory `dir_fd`: its name and
    a write descriptor.  `shown` names `name` in the error when no free name is found."""
    for _ in range(100):
        temp = f".{name}.{''.join(secrets.choice(_TEMP_CHARS) for _ in range(8))}{suffix}"
        try:
            return temp, os.open(temp, NEW, 0o600, dir_fd=dir_fd)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temp file name", shown)


def is_link(name: str, dir_fd: int) -> bool:
    """Whether `name` in `dir_fd` is a symbolic link (False when it cannot be read)."""
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False
