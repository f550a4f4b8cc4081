"""Run-time behaviour of typed resources and collections: thin delegation to boto3.

Copied verbatim by botoloom into each generated package.  A typed resource wraps one of
boto3's own resource objects (`boto3.resource("s3").Bucket("b")`) and forwards every call
to it unchanged; the generated subclasses only declare types.  The methods boto3 injects
at run time (s3 transfers, dynamodb's batch writer) are typed in _injected.py.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Generic,
    Iterator,
    List,
    Optional,
    TypeVar,
    cast,
)

import boto3  # type: ignore[import-untyped, unused-ignore]

if TYPE_CHECKING:
    import sys

    from ._types import ResourceSessionLike

    if sys.version_info >= (3, 11):
        from typing import Self
    else:  # pragma: no cover
        from typing_extensions import Self

__all__ = (
    "BaseResource",
    "CollectionManager",
    "ResourceCollection",
    "ResourceMeta",
    "create_resource",
    "wrap_list",
    "wrap_optional",
    "wrap_optional_list",
)

_R = TypeVar("_R")
_Client = TypeVar("_Client")  # the typed client of a resource's service
_C = TypeVar("_C", bound="ResourceCollection[Any]")


def create_resource(
    service_name: str, session: ResourceSessionLike | None, kwargs: Any
) -> Any:
    """boto3.resource(service_name, **kwargs), from `session` when one is given."""
    factory: Any = session if session is not None else boto3
    return factory.resource(service_name, **kwargs)


def wrap_list(cls: Callable[[Any], _R], raw: Any) -> List[_R]:
    """Typed resources for a list of boto3 resources."""
    return [cls(item) for item in raw]


def wrap_optional(cls: Callable[[Any], _R], raw: Any) -> Optional[_R]:
    """A typed resource, or None where boto3 gives None (a reference without data)."""
    return None if raw is None else cls(raw)


def wrap_optional_list(cls: Callable[[Any], _R], raw: Any) -> Optional[List[_R]]:
    """Typed resources for a list of boto3 resources, or None where boto3 gives None."""
    return None if raw is None else [cls(item) for item in raw]


class ResourceMeta(Generic[_Client]):
    """boto3's resource.meta, with `client` the typed client of the resource's service."""

    __slots__ = ("_raw", "_client")

    def __init__(self, raw_meta: Any, client: _Client) -> None:
        self._raw = raw_meta
        self._client = client

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ResourceMeta) and bool(self._raw == other._raw)

    def __hash__(self) -> int:
        return hash(self._raw)

    @property
    def client(self) -> _Client:
        """The typed client the resource makes its requests with (boto3's, wrapped)."""
        return self._client

    @property
    def service_name(self) -> str:
        """The service's name, e.g. "s3"."""
        return str(self._raw.service_name)

    @property
    def identifiers(self) -> List[str]:
        """The resource's identifier names, e.g. ["bucket_name", "key"]."""
        return cast(List[str], self._raw.identifiers)

    @property
    def data(self) -> Optional[Dict[str, Any]]:
        """The loaded attributes, as the service returned them (None until loaded)."""
        return cast(Optional[Dict[str, Any]], self._raw.data)

    @property
    def resource_model(self) -> Any:
        """boto3's model of the resource."""
        return self._raw.resource_model

    @property
    def raw(self) -> Any:
        """The underlying boto3 ResourceMeta."""
        return self._raw


class BaseResource(Generic[_Client]):
    """Common part of every typed resource and service resource: wraps one boto3 resource.

    Parametrised by the typed client of its service: `meta.client` is that client."""

    __slots__ = ("_raw",)
    _boto3_class: ClassVar[str] = ""  # the boto3 class name, e.g. "s3.Bucket"
    # the typed client class that wraps meta.client (the generated classes set it)
    _client_class: ClassVar[Optional[type[Any]]] = None

    def __init__(self, raw_resource: Any) -> None:
        """Wrap an existing boto3 resource of this class's type."""
        name = type(raw_resource).__name__
        if name != self._boto3_class or not hasattr(raw_resource, "meta"):
            raise TypeError(
                f"{type(self).__name__} wraps a boto3 {self._boto3_class} resource, "
                f"got {raw_resource!r}"
            )
        self._raw = raw_resource

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    def __eq__(self, other: object) -> bool:
        """Equal when the wrapped boto3 resources are (same type and identifiers)."""
        return isinstance(other, BaseResource) and bool(self._raw == other._raw)

    def __hash__(self) -> int:
        return hash(self._raw)

    @property
    def raw(self) -> Any:
        """The underlying boto3 resource."""
        return self._raw

    @property
    def meta(self) -> ResourceMeta[_Client]:
        """boto3's resource metadata: service name, identifiers, loaded data, and the
        typed client (`meta.client`) the resource makes its requests with."""
        raw_meta = self._raw.meta
        wrap = self._client_class
        client = raw_meta.client if wrap is None else wrap(raw_meta.client)
        return ResourceMeta(raw_meta, cast(_Client, client))

    def get_available_subresources(self) -> List[str]:
        """The names of this resource's sub-resources, sorted."""
        return list(self._raw.get_available_subresources())


class ResourceCollection(Generic[_R]):
    """An iterable, lazily fetched group of typed resources (boto3's ResourceCollection).

    all(), filter(), limit() and page_size() return a new collection of the same type;
    requests are made only when it is iterated."""

    __slots__ = ("_raw",)
    _item: ClassVar[type[Any]]  # the typed resource class of the items

    def __init__(self, raw_collection: Any) -> None:
        """Wrap one of boto3's ResourceCollection objects."""
        self._raw = raw_collection

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    def __iter__(self) -> Iterator[_R]:
        """Every resource, over as many requests (pages) as needed."""
        item = self._item
        for raw in self._raw:
            yield cast(_R, item(raw))

    def pages(self) -> Iterator[List[_R]]:
        """The resources page by page (one list per service response)."""
        item = self._item
        for page in self._raw.pages():
            yield [cast(_R, item(raw)) for raw in page]

    def all(self) -> Self:
        """The collection without further filters (a copy)."""
        return type(self)(self._raw.all())

    def limit(self, count: int) -> Self:
        """At most `count` resources in total."""
        return type(self)(self._raw.limit(count))

    def page_size(self, count: int) -> Self:
        """Fetch at most `count` resources per request."""
        return type(self)(self._raw.page_size(count))

    @property
    def raw(self) -> Any:
        """The underlying boto3 ResourceCollection."""
        return self._raw


class CollectionManager(Generic[_C, _R]):
    """A resource's collection attribute (boto3's CollectionManager): not iterable itself;
    all(), filter(), limit() and page_size() give an iterable collection."""

    __slots__ = ("_raw",)
    _collection: ClassVar[type[Any]]  # the typed collection class

    def __init__(self, raw_manager: Any) -> None:
        """Wrap one of boto3's CollectionManager objects."""
        self._raw = raw_manager

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._raw!r})"

    def all(self) -> _C:
        """Every resource of the collection."""
        return cast(_C, self._collection(self._raw.all()))

    def limit(self, count: int) -> _C:
        """At most `count` resources in total."""
        return cast(_C, self._collection(self._raw.limit(count)))

    def page_size(self, count: int) -> _C:
        """Fetch at most `count` resources per request."""
        return cast(_C, self._collection(self._raw.page_size(count)))

    def pages(self) -> Iterator[List[_R]]:
        """The resources page by page (one list per service response)."""
        item = self._collection._item
        for page in self._raw.pages():
            yield [cast(_R, item(raw)) for raw in page]

    @property
    def raw(self) -> Any:
        """The underlying boto3 CollectionManager."""
        return self._raw
