"""The files a migration looks at: every file named and every *.py below every directory named,
each as a Source (the directory it is opened from and the names below it, none of which is
followed if it is a link), the links named (skipped), and botoloom's own temp files left by a
run that was killed between writing a temp file and renaming it."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..output.manifest import MANIFEST

SKIPPED_DIRECTORIES = frozenset({".venv", "venv", "site-packages", "__pycache__", "node_modules"})
TEMP_SUFFIX = ".botoloom-tmp"
TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.botoloom-tmp")  # .app.py.k3x9_a0q.botoloom-tmp


@dataclass(frozen=True)
class Source:
    """A file as migrate opens it: `base` as named (a directory), then `parts` below it,
    directories then the file's name, each opened without following a link."""

    path: Path  # as printed
    base: Path
    parts: tuple[str, ...]

    @classmethod
    def named(cls, path: Path, below: Path | None = None) -> Source:
        """`path` as given (relative: every component is checked, from the current
        directory; absolute: the components below `below`, else only its name)."""
        if not path.is_absolute():
            return cls(path, Path("."), path.parts)
        if below is not None:
            return cls(path, below, path.relative_to(below).parts)
        return cls(path, path.parent, (path.name,))

    @property
    def name(self) -> str:
        return self.parts[-1]


@dataclass
class Found:
    sources: list[Source] = field(default_factory=list)
    links: list[Path] = field(default_factory=list)  # named on the command line: skipped
    leftovers: list[Source] = field(default_factory=list)  # own temp files of a killed run


def python_files(paths: Sequence[str], package_root: Path | None) -> Found:
    """Every file named, and every *.py below every directory named, in order, once.

    A link named is not followed (listed in `links`).  Below a directory, skipped: links,
    virtual environments, site-packages, hidden directories, and generated packages (the
    one migrated into, and any holding botoloom's manifest).
    """
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UserError(f"{missing[0]}: no such file or directory")
    found, sources, leftovers = Found(), dict[Path, Source](), dict[Path, Source]()
    for given in map(Path, paths):
        if given.is_symlink():
            found.links.append(given)
        elif given.is_dir():
            below = given if given.is_absolute() else None
            for path, is_temp in _walk(given, package_root):
                (leftovers if is_temp else sources).setdefault(path, Source.named(path, below))
        else:
            sources.setdefault(given, Source.named(given))
            for temp in temp_files(given):
                leftovers.setdefault(temp, Source.named(temp))
    found.sources, found.leftovers = list(sources.values()), list(leftovers.values())
    return found


def _walk(directory: Path, package_root: Path | None) -> Iterator[tuple[Path, bool]]:
    """(path, is one of botoloom's temp files) below `directory`."""
    for root, dirs, files in os.walk(directory):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not _skipped(here / d, package_root))
        for name in sorted(files):
            if TEMP.fullmatch(name):
                yield here / name, True
            elif name.endswith(".py") and not (here / name).is_symlink():
                yield here / name, False


def temp_files(path: Path) -> list[Path]:
    """botoloom's temp files for `path` (named on the command line) beside it."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []  # reading `path` says what is wrong
    return [path.parent / n for n in sorted(names) if n.startswith(prefix) and TEMP.fullmatch(n)]


def _skipped(directory: Path, package_root: Path | None) -> bool:
    name = directory.name
    if name in SKIPPED_DIRECTORIES or name.startswith(".") or directory.is_symlink():
        return True
    if (directory / MANIFEST).is_file():
        return True
    return package_root is not None and directory.resolve() == package_root
