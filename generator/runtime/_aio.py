"""The aio modules' classes: the types of aiobotocore's own objects.

Copied verbatim by botoloom into a package generated with --aio.  As for the sync classes
(_runtime.py), a typed class is the type of aiobotocore's object: what checkers read is
declared under `if TYPE_CHECKING:` here and in the aio.pyi stubs; at run time client()
returns aiobotocore's create_client context itself, and the class names exist for imports,
`isinstance` and the old spelling `S3Client(raw)`, which returns `raw`.  Every method that
aiobotocore makes a coroutine is typed Coroutine[...], so that a forgotten `await` is a
type error.  aiobotocore
ships no type information (no py.typed), so its bodies, page iterators, event
streams and sessions are typed here, as Protocols.  aiobotocore itself is imported
only by client() without a session.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    AsyncIterator,
    Callable,
    Coroutine,
    Dict,
    Generic,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    TypeVar,
    cast,
)

if TYPE_CHECKING:
    from ._types import ClientMeta, PresignedPostTypeDef

__all__ = (
    "AioSessionLike",
    "BaseClient",
    "ClientContext",
    "EventStream",
    "PageIterator",
    "Paginator",
    "S3ClientMethods",
    "StreamingBody",
    "Waiter",
    "create_client",
)

_Page = TypeVar("_Page")
_Full = TypeVar("_Full")
_T_co = TypeVar("_T_co", covariant=True)
_Self = TypeVar("_Self", bound="BaseClient")
_Client = TypeVar("_Client", bound="BaseClient")


class AioSessionLike(Protocol):
    """An aiobotocore.session.AioSession (or anything with its create_client() method)."""

    @property
    def create_client(self) -> Callable[..., Any]: ...


class StreamingBody(Protocol):
    """aiobotocore.response.StreamingBody (get_object's AioStreamingChecksumBody is one):
    a streamed payload read with `await body.read()` or `async for chunk in body`."""

    async def read(self, amt: Optional[int] = None) -> bytes: ...

    async def readlines(self) -> List[bytes]: ...

    def __aiter__(self) -> AsyncIterator[bytes]: ...

    def iter_lines(
        self, chunk_size: int = ..., keepends: bool = False
    ) -> AsyncIterator[bytes]: ...

    def iter_chunks(self, chunk_size: int = ...) -> AsyncIterator[bytes]: ...

    def tell(self) -> int: ...

    async def aclose(self) -> None: ...

    async def __aenter__(self) -> StreamingBody: ...

    async def __aexit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None: ...


class EventStream(Protocol[_T_co]):
    """aiobotocore.eventstream.AioEventStream: `async for event in stream`."""

    def __aiter__(self) -> AsyncIterator[_T_co]: ...

    def close(self) -> None: ...


def create_client(
    service_name: str, session: AioSessionLike | None, kwargs: Any
) -> Any:
    """aiobotocore's create_client context for `service_name`, from `session` or a new one."""
    if session is None:
        from aiobotocore.session import get_session  # type: ignore[import-untyped, import-not-found, unused-ignore]

        session = cast(AioSessionLike, get_session())
    return session.create_client(service_name, **kwargs)


if TYPE_CHECKING:

    class Paginator:
        """aiobotocore's AioPaginator of one operation."""

    class Waiter:
        """aiobotocore's AIOWaiter of one waiter."""

        @property
        def name(self) -> str:
            """The waiter's name, e.g. BucketExists."""
            ...

    class BaseClient:
        """What every aiobotocore client of a service has."""

        def __init__(self, client: Any, /) -> None:
            """The old wrapping spelling: `S3Client(raw)` is `raw` itself, typed."""

        async def __aenter__(self: _Self) -> _Self: ...

        async def __aexit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None: ...

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

        def close(self) -> Coroutine[Any, Any, None]:
            """Close the client's HTTP connections (a coroutine: await it)."""
            ...

        def generate_presigned_url(
            self,
            ClientMethod: str,
            Params: Dict[str, Any] | None = None,
            ExpiresIn: int = 3600,
            HttpMethod: str | None = None,
        ) -> Coroutine[Any, Any, str]:
            """A presigned URL for `ClientMethod` called with `Params` (a coroutine in aiobotocore)."""
            ...

    class S3ClientMethods:
        """The s3 client's injected method that aiobotocore makes a coroutine, typed."""

        def generate_presigned_post(
            self,
            Bucket: str,
            Key: str,
            Fields: Optional[Mapping[str, Any]] = None,
            Conditions: Optional[Sequence[Any]] = None,
            ExpiresIn: int = 3600,
        ) -> Coroutine[Any, Any, PresignedPostTypeDef]:
            """The URL and form fields of a presigned HTML form POST upload (a coroutine)."""
            ...

    class ClientContext(Generic[_Client]):
        """`async with aio.client(...) as client`: aiobotocore's create_client context; it
        gives the client and closes it on leaving."""

        async def __aenter__(self) -> _Client: ...

        async def __aexit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None: ...

    class PageIterator(Generic[_Page, _Full]):
        """aiobotocore's AioPageIterator: typed pages with `async for`.

        It has no __iter__: a sync `for` over it is a type error (aiobotocore's own
        iterator would yield a coroutine there, without raising)."""

        def __aiter__(self) -> AsyncIterator[_Page]: ...

        def build_full_result(self) -> Coroutine[Any, Any, _Full]:
            """All pages merged (a coroutine): result keys joined, NextToken set when MaxItems cut it short."""
            ...

        def search(self, expression: str) -> AsyncIterator[Any]:
            """Apply a JMESPath expression to every page; `async for` over the results."""
            ...

        @property
        def resume_token(self) -> str | None:
            """Token to pass as PaginationConfig StartingToken to continue later."""
            ...

        @property
        def result_keys(self) -> List[Any]:
            """The JMESPath expressions of the keys that are aggregated across pages."""
            ...

else:

    from . import _runtime
    from ._runtime import TypedClass

    def _is_aio(obj):
        """An object of one of aiobotocore's classes (aiobotocore is not imported here)."""
        return any(c.__module__.startswith("aiobotocore") for c in type(obj).__mro__)

    class BaseClient(_runtime.BaseClient):
        """An aiobotocore client; the generated subclass says of which service."""

        @classmethod
        def _boto_is(cls, obj):
            return _is_aio(obj) and super()._boto_is(obj)

    class S3ClientMethods:
        pass

    class ClientContext(metaclass=TypedClass):
        @classmethod
        def _boto_is(cls, obj):
            return _is_aio(obj) and hasattr(obj, "__aenter__")

        @classmethod
        def _boto_of(cls, obj):
            return obj

    class PageIterator(_runtime.PageIterator):
        @classmethod
        def _matches(cls, obj):
            return _is_aio(obj)

    class Paginator(_runtime.Paginator):
        @classmethod
        def _matches(cls, obj):
            return _is_aio(obj) and super()._matches(obj)

    class Waiter(_runtime.Waiter):
        @classmethod
        def _matches(cls, obj):
            return _is_aio(obj) and super()._matches(obj)
