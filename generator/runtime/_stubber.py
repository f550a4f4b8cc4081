"""The typed Stubber's common part: botocore's own Stubber, with typed methods.

Copied verbatim by botoloom into each generated package.  Each service's stubber module
(`<service>.stubber`) subclasses BaseStubber with add_response overloads per operation;
at run time every call is botocore.stub.Stubber's.
"""

from typing import TYPE_CHECKING, Any, ClassVar, Mapping, TypeVar

from ._types import ResponseMetadataTypeDef, TypedDict, NotRequired

if TYPE_CHECKING:
    _Base = object
    _STUBBER: Any = object
    ANY: Any = object()
else:
    from botocore.stub import ANY
    from botocore.stub import Stubber as _Base

    _STUBBER = _Base

__all__ = ("ANY", "BaseStubber", "EmptyStubResponseTypeDef")

_S = TypeVar("_S", bound="BaseStubber")


class EmptyStubResponseTypeDef(TypedDict):
    """The stubbed response of an operation that returns no data."""

    ResponseMetadata: NotRequired[ResponseMetadataTypeDef]


class BaseStubber(_Base):
    """botocore.stub.Stubber for one service's client (a typed client is boto3's client)."""

    _service_name: ClassVar[str] = ""
    if TYPE_CHECKING:
        client: Any

        # botocore's Stubber.add_response / add_client_error, for code that holds any Stubber
        # (the boto3 stubs' `botocore.stub.Stubber` is this class).  `*args: Any, **kwargs:
        # Any` is the gradual signature: each service's stubber overrides them with its
        # typed overloads, which a narrower base signature would reject as incompatible.
        def add_response(self, *args: Any, **kwargs: Any) -> None:
            """Queue `service_response` for the next call of `method` (botocore's)."""

        def add_client_error(self, *args: Any, **kwargs: Any) -> None:
            """Queue a service error for the next call of `method` (botocore's)."""

    def __init__(self, client: Any) -> None:
        """Stub `client`: a boto3 client of this service (typed or not: the same object)."""
        try:
            name = client.meta.service_model.service_name
        except AttributeError:
            raise TypeError(
                f"{type(self).__name__} stubs a boto3 client, got {client!r}"
            ) from None
        if name != self._service_name:
            raise TypeError(
                f"{type(self).__name__} stubs a {self._service_name!r} client, got {name!r}"
            )
        _STUBBER.__init__(self, client)

    def __enter__(self: _S) -> _S:
        self.activate()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.deactivate()

    def activate(self) -> None:
        """Start answering the client's calls with the queued responses."""
        _STUBBER.activate(self)

    def deactivate(self) -> None:
        """Stop stubbing: the client sends real requests again."""
        _STUBBER.deactivate(self)

    def assert_no_pending_responses(self) -> None:
        """Raise botocore's AssertionError if a queued response was not used."""
        _STUBBER.assert_no_pending_responses(self)

    def _stub_response(
        self, method: object, response: object, expected: object
    ) -> None:
        # object: add_response's implementation takes what all of its overloads take,
        # the first of which no call matches (_types.NoMatchingOverload)
        _STUBBER.add_response(self, method, response, expected)

    def _stub_client_error(
        self,
        method: str,
        code: str,
        message: str,
        status: int,
        meta: Mapping[str, str] | None,
        expected: Mapping[str, Any] | None,
        response_meta: Mapping[str, Any] | None,
        fields: Mapping[str, Any] | None,
    ) -> None:
        _STUBBER.add_client_error(
            self, method, code, message, status, meta, expected, response_meta, fields
        )
