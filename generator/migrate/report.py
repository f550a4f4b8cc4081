"""What one migration run found: places left as they are, services, per-file results."""

from __future__ import annotations

from dataclasses import dataclass, field


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

    def leave(self, line: int, why: str) -> None:
        self.notes.append(Note(line, why))


@dataclass(frozen=True)
class FileResult:
    path: str
    old: bytes
    new: bytes
    notes: tuple[Note, ...]
    services: frozenset[str]

    @property
    def changed(self) -> bool:
        return self.old != self.new
