"""`memo`: functools.cached_property without its lock.

Python 3.11's cached_property takes an RLock on every first access; the type expressions
and parameters compute their text and imports once each, hundreds of thousands of times
per run, and botoloom renders one service per thread at most. (Python 3.12 dropped the
lock: the two behave the same there.) Works on frozen dataclasses: the value goes into
the instance's __dict__, which shadows this non-data descriptor from then on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

S = TypeVar("S")
T = TypeVar("T")


class memo(Generic[S, T]):
    def __init__(self, compute: Callable[[S], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> memo[S, T]: ...
    @overload
    def __get__(self, instance: S, owner: type | None = None) -> T: ...
    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
