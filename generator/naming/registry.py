"""A namespace's name giver: the first free candidate, first come, first served.

Who asks first decides every clash, so each user writes its order down: naming/table.py
for a service's modules, naming/entry.py for the package's entry module.
"""

from __future__ import annotations

from collections.abc import Iterable


class Registry:
    """Hands out unique names in one namespace; `reserved` are never handed out."""

    def __init__(self, reserved: Iterable[str]) -> None:
        self._taken: set[str] = set(reserved)

    def take(self, *candidates: str) -> str:
        """The first free candidate; else the last one with the smallest free number."""
        for name in candidates:
            if name not in self._taken:
                self._taken.add(name)
                return name
        base, n = candidates[-1], 2
        while f"{base}{n}" in self._taken:
            n += 1
        self._taken.add(f"{base}{n}")
        return f"{base}{n}"
