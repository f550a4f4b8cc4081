"""What one migration run found: places left as they are, services, per-file results."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import CodeRange

from .files import Source


@dataclass(frozen=True, order=True)
class Note:
    """A place the migration left as it is, and why."""

    line: int
    why: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.why}"


@dataclass
class Findings:
    """Collected while one file is rewritten."""

    notes: list[Note] = field(default_factory=list)
    services: set[str] = field(default_factory=set)  # botocore names, generated or not
    pending: list[tuple[cst.CSTNode, str]] = field(default_factory=list)  # before positions are known

    def leave(self, node: cst.CSTNode, why: str) -> None:
        """`node` (of the parsed module) is left as it is, for reason `why`."""
        self.pending.append((node, why))

    def place(self, positions: Mapping[cst.CSTNode, CodeRange]) -> None:
        """Turn the pending places into notes, by line (computed only when there are some)."""
        self.notes.extend(Note(positions[node].start.line, why) for node, why in self.pending)
        self.pending.clear()
        self.notes.sort()


@dataclass(frozen=True)
class FileResult:
    path: str
    old: bytes
    new: bytes
    notes: tuple[Note, ...]
    services: frozenset[str]
    source: Source
    stat: os.stat_result  # as read: the file is replaced only if it still is so

    @property
    def changed(self) -> bool:
        return self.old != self.new
