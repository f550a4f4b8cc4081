"""Typed resources and collections: the types of boto3's own resource objects.

Copied verbatim by botoloom into each generated package.  A typed resource is the type of
one of boto3's own resource objects (`boto3.resource("s3").Bucket("b")`): what checkers
read is declared under `if TYPE_CHECKING:` here and in the generated stubs; at run time
the classes exist for imports, `isinstance` and the old spelling `Bucket(raw)`, which
returns `raw` itself (_runtime.TypedClass).  The methods boto3 injects at run time (s3
transfers, dynamodb's batch writer) are typed in _injected.py.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Dict,
    Generic,
    Iterator,
    List,
    Optional,
    TypeVar,
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
)

_R = TypeVar("_R")
if TYPE_CHECKING:
    from typing_extensions import TypeVar as _TypeVar

    # The typed client of a resource's service; Any when not given, so that a bare
    # `BaseResource` / `ResourceMeta` (the boto3 stubs' `boto3.resources.base.ServiceResource`
    # and `ResourceMeta`, what code written for boto3 annotates with) is complete.
    _Client = _TypeVar("_Client", default=Any)
_C = TypeVar("_C", bound="ResourceCollection[Any]")


def create_resource(
    service_name: str, session: ResourceSessionLike | None, kwargs: Any
) -> Any:
    """boto3.resource(service_name, **kwargs), from `session` when one is given."""
    factory: Any = session if session is not None else boto3
    return factory.resource(service_name, **kwargs)


if TYPE_CHECKING:

    class ResourceMeta(Generic[_Client]):
        """boto3's resource.meta, with `client` the typed client of the resource's service."""

        @property
        def client(self) -> _Client:
            """The client the resource makes its requests with (boto3's, typed)."""
            ...

        @property
        def service_name(self) -> str:
            """The service's name, e.g. "s3"."""
            ...

        @property
        def identifiers(self) -> List[str]:
            """The resource's identifier names, e.g. ["bucket_name", "key"]."""
            ...

        @property
        def data(self) -> Optional[Dict[str, Any]]:
            """The loaded attributes, as the service returned them (None until loaded)."""
            ...

        @property
        def resource_model(self) -> Any:
            """boto3's model of the resource."""
            ...

    class BaseResource(Generic[_Client]):
        """What every boto3 resource and service resource has; parametrised by the typed
        client of its service: `meta.client` is that client."""

        def __init__(self, resource: Any, /) -> None:
            """The old wrapping spelling: `Bucket(raw)` is `raw` itself, typed."""

        @property
        def meta(self) -> ResourceMeta[_Client]:
            """boto3's resource metadata: service name, identifiers, loaded data, and the
            client (`meta.client`) the resource makes its requests with."""
            ...

        def get_available_subresources(self) -> List[str]:
            """The names of this resource's sub-resources, sorted."""
            ...

    class ResourceCollection(Generic[_R]):
        """An iterable, lazily fetched group of resources (boto3's ResourceCollection).

        all(), filter(), limit() and page_size() return a new collection of the same type;
        requests are made only when it is iterated."""

        def __iter__(self) -> Iterator[_R]:
            """Every resource, over as many requests (pages) as needed."""
            ...

        def pages(self) -> Iterator[List[_R]]:
            """The resources page by page (one list per service response)."""
            ...

        def all(self) -> Self:
            """The collection without further filters (a copy)."""
            ...

        def limit(self, count: int) -> Self:
            """At most `count` resources in total."""
            ...

        def page_size(self, count: int) -> Self:
            """Fetch at most `count` resources per request."""
            ...

    class CollectionManager(Generic[_C, _R]):
        """A resource's collection attribute (boto3's CollectionManager): not iterable
        itself; all(), filter(), limit() and page_size() give an iterable collection."""

        def all(self) -> _C:
            """Every resource of the collection."""
            ...

        def limit(self, count: int) -> _C:
            """At most `count` resources in total."""
            ...

        def page_size(self, count: int) -> _C:
            """Fetch at most `count` resources per request."""
            ...

        def pages(self) -> Iterator[List[_R]]:
            """The resources page by page (one list per service response)."""
            ...

else:
    import boto3.resources.base
    import boto3.resources.collection

    from ._runtime import TypedClass

    class _Boto3(metaclass=TypedClass):
        """Instances: boto3's objects of one class (`_boto3`), of one name when the
        generated class gives it (`_boto3_class`, e.g. "s3.Bucket")."""

        _boto3 = object
        _boto3_class = ""

        @classmethod
        def _boto_is(cls, obj):
            if not isinstance(obj, cls._boto3):
                return False
            return not cls._boto3_class or type(obj).__name__ == cls._boto3_class

        @classmethod
        def _boto_of(cls, obj):
            if isinstance(obj, cls._boto3) and not cls._boto_is(obj):
                raise TypeError(
                    f"{cls.__name__} is the type of boto3's {cls._boto3_class}, got {obj!r}"
                )
            return obj

    class ResourceMeta(_Boto3):
        _boto3 = boto3.resources.base.ResourceMeta

    class BaseResource(_Boto3):
        _boto3 = boto3.resources.base.ServiceResource

    class ResourceCollection(_Boto3):
        _boto3 = boto3.resources.collection.ResourceCollection

    class CollectionManager(_Boto3):
        _boto3 = boto3.resources.collection.CollectionManager
