"""Run-time part of the typed classes: boto3's own objects, under two views.

Copied verbatim by botoloom into each generated package.  A typed class is the type of
boto3's own object (ARCHITECTURE.md, "one object, two views"): what a type checker reads
is declared in the `if TYPE_CHECKING:` branch here and in the generated .pyi stubs; at run
time every factory returns boto3's (botocore's) object unchanged, and the class names
exist for imports, `isinstance` and the old spelling `S3Client(raw)`, which returns `raw`
itself.  Nothing here wraps, copies or proxies an object.
"""

from __future__ import annotations

import sys
import types
from typing import (
    TYPE_CHECKING,
    Any,
    Generic,
    Iterator,
    List,
    TypeVar,
)

import boto3  # type: ignore[import-untyped, unused-ignore]

if TYPE_CHECKING:
    from ._types import ClientError, ClientMeta, SessionLike, StreamingBody
else:  # botocore's own classes, without importing the TypedDicts of _types at run time
    from botocore.exceptions import ClientError
    from botocore.response import StreamingBody

__all__ = (
    "BaseClient",
    "BaseClientExceptions",
    "ClientError",
    "PageIterator",
    "Paginator",
    "StreamingBody",
    "TypedClass",
    "Waiter",
    "callable_module",
    "create_client",
)

_Page = TypeVar("_Page")
_Full = TypeVar("_Full")


def create_client(service_name: str, session: SessionLike | None, kwargs: Any) -> Any:
    """boto3.client(service_name, **kwargs), from `session` when one is given."""
    factory: Any = session if session is not None else boto3
    return factory.client(service_name, **kwargs)


def service_of(obj: object) -> str | None:
    """The botocore service name of a client (or of what holds one), None when `obj` has
    none as a string (a MagicMock, create_autospec's double have a mock there)."""
    try:
        name = obj.meta.service_model.service_name  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - any object may be asked
        return None
    return (
        name if type(name) is str else None
    )  # create_autospec's mock passes isinstance


class TypedClass(type):
    """The metaclass of the typed classes at run time (never seen by type checkers).

    `isinstance(obj, Cls)` asks `Cls._boto_is(obj)` (true for boto3's object of that kind
    and service); `Cls(obj)` (the old wrapping spelling) asks `Cls._boto_of(obj)`, which
    returns `obj` itself, or refuses a real boto3 object of another service or kind;
    `Cls[...]` (a generic's parameters) is `Cls`."""

    def __instancecheck__(cls, obj: object) -> bool:
        return bool(cls._boto_is(obj))  # type: ignore[attr-defined]

    def __subclasscheck__(cls, sub: type) -> bool:
        return type.__subclasscheck__(cls, sub)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._boto_of(*args, **kwargs)  # type: ignore[attr-defined]

    def __getitem__(cls, item: object) -> TypedClass:
        return cls


def _refuse(cls: type, what: str, obj: object) -> TypeError:
    return TypeError(f"{cls.__name__} is the type of {what}, got {obj!r}")


if TYPE_CHECKING:

    class BaseClient:
        """What every boto3 client of a service has (botocore.client.BaseClient)."""

        def __init__(self, client: Any, /) -> None:
            """The old wrapping spelling: `S3Client(boto3.client("s3"))` is that client
            itself, typed."""

        @property
        def meta(self) -> ClientMeta:
            """botocore's client metadata: region, endpoint, service model, config, events."""
            ...

        @property
        def waiter_names(self) -> List[str]:
            """The names of the client's waiters (get_waiter's names)."""
            ...

        def can_paginate(self, operation_name: str) -> bool:
            """Whether `operation_name` (a method name) has a paginator."""
            ...

        def close(self) -> None:
            """Close the client's HTTP connections."""
            ...

    class BaseClientExceptions:
        """client.exceptions: the exception classes botocore really raises for this client."""

        def from_code(self, error_code: str) -> type[Exception]:
            """The exception class for a service error code (ClientError when unmodeled)."""
            ...

    class PageIterator(Generic[_Page, _Full]):
        """botocore's PageIterator: typed pages."""

        def __iter__(self) -> Iterator[_Page]: ...

        def build_full_result(self) -> _Full:
            """All pages merged: result keys joined, NextToken set when MaxItems cut it short."""
            ...

        def search(self, expression: str) -> Iterator[Any]:
            """Apply a JMESPath expression to every page and yield the results."""
            ...

        @property
        def resume_token(self) -> str | None:
            """Token to pass as PaginationConfig StartingToken to continue later."""
            ...

        @property
        def result_keys(self) -> List[Any]:
            """The JMESPath expressions of the keys that are aggregated across pages."""
            ...

    class Paginator:
        """botocore's Paginator of one operation."""

        @property
        def result_keys(self) -> List[Any]:
            """The JMESPath expressions of the keys that are aggregated across pages."""
            ...

    class Waiter:
        """botocore's Waiter of one waiter."""

        @property
        def name(self) -> str:
            """The waiter's name, e.g. BucketExists."""
            ...

        @property
        def config(self) -> Any:
            """botocore's waiter configuration: delay, max_attempts, operation, acceptors."""
            ...

else:
    import botocore.client
    import botocore.errorfactory
    import botocore.paginate
    import botocore.waiter

    class BaseClient(metaclass=TypedClass):
        """A boto3 client; the generated subclass says of which service (`_service_name`)."""

        _service_name = ""

        @classmethod
        def _boto_is(cls, obj):
            if not isinstance(obj, botocore.client.BaseClient):
                return False
            return not cls._service_name or service_of(obj) == cls._service_name

        @classmethod
        def _boto_of(cls, client):
            """`client` itself; refused only when it is a real client of another service
            (a MagicMock, create_autospec's double or Stubber's client pass)."""
            if isinstance(client, botocore.client.BaseClient) and cls._service_name:
                name = service_of(client)
                if name is not None and name != cls._service_name:
                    raise _refuse(cls, f"a {cls._service_name!r} client", client)
            return client

    class _Plain(metaclass=TypedClass):
        """A class whose instances are one botocore class's (`_botocore`)."""

        _botocore: type = object

        @classmethod
        def _boto_is(cls, obj):
            return isinstance(obj, cls._botocore) and cls._matches(obj)

        @classmethod
        def _matches(cls, obj):
            return True

        @classmethod
        def _boto_of(cls, obj):
            if isinstance(obj, cls._botocore) and not cls._matches(obj):
                raise _refuse(cls, cls._botocore.__name__, obj)
            return obj

    class BaseClientExceptions(_Plain):
        _botocore = botocore.errorfactory.BaseClientExceptions

    class PageIterator(_Plain):
        _botocore = botocore.paginate.PageIterator

    class Paginator(_Plain):
        """A botocore Paginator; the generated subclass names its operation."""

        _botocore = botocore.paginate.Paginator
        _operation = ""

        @classmethod
        def _matches(cls, obj):
            model = getattr(obj, "_model", None)
            return not cls._operation or getattr(model, "name", None) == cls._operation

    class Waiter(_Plain):
        """A botocore Waiter; the generated subclass names its waiter."""

        _botocore = botocore.waiter.Waiter
        _waiter = ""

        @classmethod
        def _matches(cls, obj):
            return not cls._waiter or getattr(obj, "name", None) == cls._waiter


class CallableModule(types.ModuleType):
    """A module that is also its factory: the package's `client` is the module
    `<package>.<service>.client` (as type checkers read `import ....client`), and calling
    it calls the module's function of the same name (`s3.client(...)`)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


def callable_module(name: str) -> None:
    """Make the module `name` (a factory's module, named as its factory) callable."""
    sys.modules[name].__class__ = CallableModule
