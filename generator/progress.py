"""Progress of a run: a bar on a terminal (tqdm), plain lines otherwise, nothing when quiet."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any


class Progress:
    """Context manager; call step(name) after each service."""

    def __init__(self, total: int, label: str, quiet: bool) -> None:
        self.total, self.label, self.quiet = total, label, quiet
        self.done = 0
        self._bar: Any = None

    def __enter__(self) -> Progress:
        if not self.quiet and self.total and sys.stderr.isatty():
            from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]

            self._bar = tqdm(total=self.total, desc=self.label, unit="service", file=sys.stderr, leave=False)
        return self

    def step(self, name: str) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.set_postfix_str(name, refresh=False)
            self._bar.update(1)
        elif not self.quiet:
            width = len(str(self.total))
            print(f"botoloom: [{self.done:>{width}}/{self.total}] {self.label} {name}", file=sys.stderr)

    def write(self, line: str) -> None:
        """A line on stderr while the bar may be shown: above the bar, which is drawn again
        below it (a plain print would be appended to the bar's line)."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
