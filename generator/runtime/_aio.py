"""Run-time behaviour of the generated aio modules: thin delegation to aiobotocore.

Copied verbatim by botoloom into a package generated with --aio.  The generated
classes only declare types; every call goes to the aiobotocore object unchanged, and
every method that aiobotocore makes a coroutine returns that coroutine as it is
(typed Coroutine[...], so that a forgotten `await` is a type error).  aiobotocore
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
    ClassVar,
    Coroutine,
    Dict,
    Generic,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Type,
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


class Paginator:
    """Common part of every typed async paginator: wraps one aiobotocore Paginator."""

    __slots__ = ("_raw",)

    def __init__(self, raw_paginator: Any) -> None:
        self._raw = raw_paginator


class Waiter:
    """Common part of every typed async waiter: wraps one aiobotocore Waiter."""

    __slots__ = ("_raw",)

    def __init__(self, raw_waiter: Any) -> None:
        self._raw = raw_waiter

    @property
    def name(self) -> str:
        """The waiter's name, e.g. BucketExists."""
        return str(self._raw.name)


class BaseClient:
    """Common part of every typed async client: wraps one aiobotocore client."""

    __slots__ = ("_raw",)
    _service_name: ClassVar[str] = ""

    def __init__(self, raw_client: Any) -> None:
        """Wrap an existing aiobotocore client of this class's service (already entered)."""
        meta = getattr(raw_client, "meta", None)
        name = getattr(getattr(meta, "service_model", None), "service_name", None)
        if name is None:
            raise TypeError(
                f"{type(self).__name__} wraps an aiobotocore client, got {raw_client!r}"
            )
        if name != self._service_name:
            raise TypeError(
                f"{type(self).__name__} wraps a {self._service_name!r} client, got {name!r}"
            )
        self._raw = raw_client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    async def __aenter__(self: _Self) -> _Self:
        await self._raw.__aenter__()
        return self

    async def __aexit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None:
        await self._raw.__aexit__(exc_type, exc_value, tb)

    @property
    def raw(self) -> Any:
        """The underlying aiobotocore client."""
        return self._raw

    @property
    def meta(self) -> ClientMeta:
        """botocore's client metadata: region, endpoint, service model, config, events."""
        return cast("ClientMeta", self._raw.meta)

    def can_paginate(self, operation_name: str) -> bool:
        """Whether `operation_name` (a method name) has a paginator."""
        return bool(self._raw.can_paginate(operation_name))

    def close(self) -> Coroutine[Any, Any, None]:
        """Close the client's HTTP connections (a coroutine: await it)."""
        return cast("Coroutine[Any, Any, None]", self._raw.close())

    def generate_presigned_url(
        self,
        ClientMethod: str,
        Params: Dict[str, Any] | None = None,
        ExpiresIn: int = 3600,
        HttpMethod: str | None = None,
    ) -> Coroutine[Any, Any, str]:
        """A presigned URL for `ClientMethod` called with `Params` (a coroutine in aiobotocore)."""
        return cast(
            "Coroutine[Any, Any, str]",
            self._raw.generate_presigned_url(
                ClientMethod, Params, ExpiresIn, HttpMethod
            ),
        )

    if not TYPE_CHECKING:

        def __getattr__(self, name):
            # Methods aiobotocore injects at run time that are not typed here
            # (rds generate_db_auth_token, ...).
            return getattr(self._raw, name)


class S3ClientMethods:
    """The s3 client's injected method that aiobotocore makes a coroutine, typed."""

    __slots__ = ()
    if TYPE_CHECKING:
        _raw: Any

    def generate_presigned_post(
        self,
        Bucket: str,
        Key: str,
        Fields: Optional[Mapping[str, Any]] = None,
        Conditions: Optional[Sequence[Any]] = None,
        ExpiresIn: int = 3600,
    ) -> Coroutine[Any, Any, PresignedPostTypeDef]:
        """The URL and form fields of a presigned HTML form POST upload (a coroutine)."""
        return cast(
            "Coroutine[Any, Any, PresignedPostTypeDef]",
            self._raw.generate_presigned_post(
                Bucket, Key, Fields, Conditions, ExpiresIn
            ),
        )


class ClientContext(Generic[_Client]):
    """`async with aio.client(...) as client`: enters aiobotocore's create_client context
    and gives the typed client; leaving it closes the client."""

    __slots__ = ("_cls", "_raw")

    def __init__(self, cls: Type[_Client], raw_context: Any) -> None:
        self._cls = cls
        self._raw = raw_context

    async def __aenter__(self) -> _Client:
        return self._cls(await self._raw.__aenter__())

    async def __aexit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None:
        await self._raw.__aexit__(exc_type, exc_value, tb)


class PageIterator(Generic[_Page, _Full]):
    """Iterates typed pages with `async for`; wraps aiobotocore's AioPageIterator.

    It has no __iter__: a sync `for` over it is a type error (aiobotocore's own
    iterator would yield a coroutine there, without raising)."""

    __slots__ = ("_raw",)

    def __init__(self, raw_iterator: Any) -> None:
        self._raw = raw_iterator

    def __aiter__(self) -> AsyncIterator[_Page]:
        return cast("AsyncIterator[_Page]", self._raw.__aiter__())

    def build_full_result(self) -> Coroutine[Any, Any, _Full]:
        """All pages merged (a coroutine): result keys joined, NextToken set when MaxItems cut it short."""
        return cast("Coroutine[Any, Any, _Full]", self._raw.build_full_result())

    def search(self, expression: str) -> AsyncIterator[Any]:
        """Apply a JMESPath expression to every page; `async for` over the results."""
        return cast("AsyncIterator[Any]", self._raw.search(expression))

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
        """The underlying aiobotocore AioPageIterator."""
        return self._raw
