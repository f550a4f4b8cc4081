"""Run-time behaviour of the generated package: thin delegation to boto3.

Copied verbatim by botoloom into each generated package.  Generated classes only
declare types; every call goes to the boto3/botocore object unchanged.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Generic,
    Iterator,
    List,
    TypeVar,
    cast,
)

import boto3  # type: ignore[import-untyped, unused-ignore]

if TYPE_CHECKING:
    from ._types import ClientError, ClientMeta, SessionLike
else:  # botocore's own class, without importing the TypedDicts of _types at run time
    from botocore.exceptions import ClientError

__all__ = (
    "BaseClient",
    "BaseClientExceptions",
    "ClientError",
    "PageIterator",
    "Paginator",
    "Waiter",
    "create_client",
)

_Page = TypeVar("_Page")
_Full = TypeVar("_Full")


def create_client(service_name: str, session: SessionLike | None, kwargs: Any) -> Any:
    """boto3.client(service_name, **kwargs), from `session` when one is given."""
    factory: Any = session if session is not None else boto3
    return factory.client(service_name, **kwargs)


class BaseClient:
    """Common part of every typed client: wraps one boto3 client."""

    __slots__ = ("_raw",)
    _service_name: ClassVar[str] = ""

    def __init__(self, raw_client: Any) -> None:
        """Wrap an existing boto3 client of this class's service."""
        try:
            name = raw_client.meta.service_model.service_name
        except AttributeError:
            raise TypeError(
                f"{type(self).__name__} wraps a boto3 client, got {raw_client!r}"
            ) from None
        if name != self._service_name:
            raise TypeError(
                f"{type(self).__name__} wraps a {self._service_name!r} client, got {name!r}"
            )
        self._raw = raw_client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    @property
    def raw(self) -> Any:
        """The underlying boto3 (botocore) client."""
        return self._raw

    @property
    def meta(self) -> ClientMeta:
        """botocore's client metadata: region, endpoint, service model, config, events."""
        return cast("ClientMeta", self._raw.meta)

    def can_paginate(self, operation_name: str) -> bool:
        """Whether `operation_name` (a method name) has a paginator."""
        return bool(self._raw.can_paginate(operation_name))

    def close(self) -> None:
        """Close the client's HTTP connections."""
        self._raw.close()

    if not TYPE_CHECKING:

        def __getattr__(self, name):
            # Methods botocore or boto3 inject at run time that are not typed here yet.
            return getattr(self._raw, name)


class BaseClientExceptions:
    """client.exceptions: the exception classes botocore really raises for this client."""

    __slots__ = ("_raw",)

    def __init__(self, raw_exceptions: Any) -> None:
        self._raw = raw_exceptions

    def from_code(self, error_code: str) -> type[Exception]:
        """The exception class for a service error code (ClientError when unmodeled)."""
        return cast("type[Exception]", self._raw.from_code(error_code))

    if not TYPE_CHECKING:
        # Hidden from type checkers: only the modeled errors declared by each service's
        # subclass exist for them, so a misspelled exception name is an error.
        def __getattr__(self, name):
            return getattr(self._raw, name)


class PageIterator(Generic[_Page, _Full]):
    """Iterates typed pages; wraps botocore's PageIterator."""

    __slots__ = ("_raw",)

    def __init__(self, raw_iterator: Any) -> None:
        self._raw = raw_iterator

    def __iter__(self) -> Iterator[_Page]:
        return iter(self._raw)

    def build_full_result(self) -> _Full:
        """All pages merged: result keys joined, NextToken set when MaxItems cut it short."""
        return cast(_Full, self._raw.build_full_result())

    def search(self, expression: str) -> Iterator[Any]:
        """Apply a JMESPath expression to every page and yield the results."""
        return cast(Iterator[Any], self._raw.search(expression))

    @property
    def resume_token(self) -> str | None:
        """Token to pass as PaginationConfig StartingToken to continue later."""
        return cast("str | None", self._raw.resume_token)

    @property
    def result_keys(self) -> List[Any]:
        """The JMESPath expressions of the keys that are aggregated across pages."""
        return cast(List[Any], self._raw.result_keys)

    @property
    def raw(self) -> Any:
        """The underlying botocore PageIterator."""
        return self._raw


class Paginator:
    """Common part of every typed paginator: wraps one botocore Paginator."""

    __slots__ = ("_raw",)

    def __init__(self, raw_paginator: Any) -> None:
        self._raw = raw_paginator

    @property
    def raw(self) -> Any:
        """The underlying botocore Paginator."""
        return self._raw


class Waiter:
    """Common part of every typed waiter: wraps one botocore Waiter."""

    __slots__ = ("_raw",)

    def __init__(self, raw_waiter: Any) -> None:
        self._raw = raw_waiter

    @property
    def name(self) -> str:
        """The waiter's name, e.g. BucketExists."""
        return str(self._raw.name)

    @property
    def raw(self) -> Any:
        """The underlying botocore Waiter."""
        return self._raw
