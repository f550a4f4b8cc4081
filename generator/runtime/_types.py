"""Types shared by every service of this package: what botocore accepts and returns.

Copied verbatim by botoloom into each generated package.
"""

import sys
from datetime import datetime
from decimal import Decimal
from typing import (
    IO,
    TYPE_CHECKING,
    AbstractSet,
    Any,
    Callable,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Set,
    TypeVar,
    Union,
    final,
)

if TYPE_CHECKING:
    # Structural, with read-only members: boto3's own objects fit whether boto3 is untyped
    # (they are Any) or typed by boto3-stubs/types-boto3 (whose conditions declare
    # Literal-typed attributes and a TypedDict get_expression(), whose Binary has no
    # `value`), and so do this package's typed conditions (dynamodb.conditions).

    class ConditionBase(Protocol):
        """boto3.dynamodb.conditions.ConditionBase: Key(...) and Attr(...) conditions."""

        @property
        def expression_format(self) -> str: ...

        @property
        def expression_operator(self) -> str: ...

        def get_expression(self) -> Mapping[str, Any]: ...

    class Binary(Protocol):
        """boto3.dynamodb.types.Binary as boto3's resource layer returns it."""

        @property
        def value(self) -> bytes: ...

        def __bytes__(self) -> bytes: ...

    class BinaryLike(Protocol):
        """What the resource layer takes as a binary value: boto3.dynamodb.types.Binary
        (typed boto3 declares its __bytes__ as returning str)."""

        def __bytes__(self) -> Any: ...

else:
    from boto3.dynamodb.conditions import ConditionBase
    from boto3.dynamodb.types import Binary

    BinaryLike = Binary

# typing.TypedDict ignores NotRequired before 3.11 and pydantic refuses it before 3.12:
# typing_extensions' then (needed at run time only by the modules that define TypedDicts).
if sys.version_info >= (3, 12):
    from typing import NotRequired, TypedDict
elif TYPE_CHECKING:
    from typing_extensions import NotRequired, TypedDict
else:  # pragma: no cover - depends on the Python version and what is installed
    try:
        from typing_extensions import NotRequired, TypedDict
    except ImportError:
        if sys.version_info < (3, 11):
            raise ImportError(
                "the generated TypedDicts need typing_extensions on Python 3.10"
            ) from None
        from typing import NotRequired, TypedDict  # right keys; pydantic refuses them

if sys.version_info >= (3, 13):
    from typing import ReadOnly
elif TYPE_CHECKING:
    from typing_extensions import ReadOnly
else:  # pragma: no cover - depends on what is installed
    try:
        from typing_extensions import ReadOnly
    except ImportError:  # run time only needs the annotation to evaluate

        class ReadOnly:
            """Stand-in for typing.ReadOnly when typing_extensions is missing."""

            def __class_getitem__(cls, item):
                return item


__all__ = (
    "BlobTypeDef",
    "ClientArgsTypeDef",
    "ClientError",
    "ClientErrorResponseTypeDef",
    "ClientMeta",
    "ConditionBaseImportTypeDef",
    "NoMatchingOverload",
    "GeneratedClientService",
    "GeneratedResourceService",
    "CopySourceTypeDef",
    "DocumentOutputTypeDef",
    "DocumentTypeDef",
    "EmptyResponseTypeDef",
    "EncodedBlobTypeDef",
    "EventStream",
    "PaginateArgsTypeDef",
    "NotRequired",
    "PaginatorConfigTypeDef",
    "PresignedPostTypeDef",
    "ReadOnly",
    "ResourceArgsTypeDef",
    "ResourceSessionLike",
    "ResponseMetadataTypeDef",
    "SessionLike",
    "StreamingBody",
    "TableAttributeValueOutputTypeDef",
    "TableAttributeValueTypeDef",
    "TimestampTypeDef",
    "TypedDict",
    "WaitArgsTypeDef",
    "WaiterConfigTypeDef",
)

_T_co = TypeVar("_T_co", covariant=True)

TimestampTypeDef = Union[datetime, str]
"""A timestamp botocore serialises: a datetime or an ISO 8601 string."""

BlobTypeDef = Union[str, bytes, bytearray, IO[Any]]
"""Binary input sent as it is (a request's payload): text, bytes or a readable file object."""

EncodedBlobTypeDef = Union[str, bytes, bytearray]
"""Binary input botocore base64-encodes into a JSON, query or XML body: text or bytes
(a file object raises TypeError there)."""

DocumentTypeDef = Union[None, bool, int, float, str, List[Any], Dict[str, Any]]
"""A JSON document sent to the service: botocore's validator takes a list or a dict, not a
tuple or another Sequence/Mapping.  Their items are Any: List and Dict are invariant, so
List["DocumentTypeDef"] would refuse a list[str] that botocore takes."""

DocumentOutputTypeDef = Union[
    None,
    bool,
    int,
    float,
    str,
    List["DocumentOutputTypeDef"],
    Dict[str, "DocumentOutputTypeDef"],
]
"""A JSON document as botocore parses it."""


class ResponseMetadataTypeDef(TypedDict):
    """Metadata botocore adds to every response."""

    HTTPStatusCode: int
    HTTPHeaders: Dict[str, str]
    RetryAttempts: int
    RequestId: NotRequired[str]
    HostId: NotRequired[str]


class EmptyResponseTypeDef(TypedDict):
    """The response of an operation that returns no data."""

    ResponseMetadata: ResponseMetadataTypeDef


class PaginatorConfigTypeDef(TypedDict, total=False):
    """The PaginationConfig argument of paginate()."""

    MaxItems: int
    PageSize: int
    StartingToken: str


class WaiterConfigTypeDef(TypedDict, total=False):
    """The WaiterConfig argument of wait()."""

    Delay: int
    MaxAttempts: int


class PaginateArgsTypeDef(TypedDict, total=False):
    """paginate() arguments of an operation that takes no parameters."""

    PaginationConfig: PaginatorConfigTypeDef


class WaitArgsTypeDef(TypedDict, total=False):
    """wait() arguments of an operation that takes no parameters."""

    WaiterConfig: WaiterConfigTypeDef


class CopySourceTypeDef(TypedDict):
    """The dict form of s3 CopySource that botocore accepts."""

    Bucket: str
    Key: str
    VersionId: NotRequired[str]


class ErrorTypeDef(TypedDict):
    """The Error part of a service error response."""

    Code: str
    Message: str


class ClientErrorResponseTypeDef(TypedDict):
    """ClientError.response: the parsed error response."""

    Error: ErrorTypeDef
    ResponseMetadata: ResponseMetadataTypeDef


TableAttributeValueTypeDef = Union[
    None,
    bool,
    int,
    Decimal,
    str,
    bytes,
    bytearray,
    BinaryLike,
    AbstractSet[Union[int, Decimal]],
    AbstractSet[str],
    AbstractSet[Union[bytes, bytearray, BinaryLike]],
    Sequence["TableAttributeValueTypeDef"],
    Mapping[str, "TableAttributeValueTypeDef"],
]
"""A dynamodb attribute value as boto3's resource layer takes it (TypeSerializer):
numbers are int or Decimal (float is refused), sets are number, string or binary sets."""

TableAttributeValueOutputTypeDef = Union[
    None,
    bool,
    Decimal,
    str,
    Binary,
    Set[Decimal],
    Set[str],
    Set[Binary],
    List["TableAttributeValueOutputTypeDef"],
    Dict[str, "TableAttributeValueOutputTypeDef"],
]
"""A dynamodb attribute value as boto3's resource layer returns it (TypeDeserializer)."""

ConditionBaseImportTypeDef = Union[str, ConditionBase]
"""A dynamodb key or condition expression: text, or a boto3.dynamodb.conditions builder
(Key("pk").eq("a"), Attr("n").gt(1) & ...), which boto3's resource layer turns into text."""


class PresignedPostTypeDef(TypedDict):
    """What s3 generate_presigned_post returns: the form's URL and its fields."""

    url: str
    fields: Dict[str, str]


class ClientArgsTypeDef(TypedDict, total=False):
    """Keyword arguments of boto3.client() besides the service name."""

    region_name: Optional[str]
    api_version: Optional[str]
    use_ssl: bool
    verify: Union[bool, str, None]
    endpoint_url: Optional[str]
    aws_access_key_id: Optional[str]
    aws_secret_access_key: Optional[str]
    aws_session_token: Optional[str]
    config: Any
    aws_account_id: Optional[str]


class ResourceArgsTypeDef(TypedDict, total=False):
    """Keyword arguments of boto3.resource() besides the service name."""

    region_name: Optional[str]
    api_version: Optional[str]
    use_ssl: bool
    verify: Union[bool, str, None]
    endpoint_url: Optional[str]
    aws_access_key_id: Optional[str]
    aws_secret_access_key: Optional[str]
    aws_session_token: Optional[str]
    config: Any


if TYPE_CHECKING:
    # What a checker knows of botocore's body: structural, so botocore's own StreamingBody
    # (a Stubber response, a body of untyped code) is one; at run time the name is
    # botocore's class itself (isinstance, construction), as ClientError is.

    class StreamingBody(Protocol):
        """botocore.response.StreamingBody: a streamed response payload."""

        def read(self, amt: Optional[int] = None) -> bytes: ...

        def readlines(self) -> List[bytes]: ...

        def __iter__(self) -> Iterator[bytes]: ...

        def iter_lines(
            self, chunk_size: int = ..., keepends: bool = False
        ) -> Iterator[bytes]: ...

        def iter_chunks(self, chunk_size: int = ...) -> Iterator[bytes]: ...

        def readable(self) -> bool: ...

        def tell(self) -> int: ...

        def close(self) -> None: ...

else:
    from botocore.response import StreamingBody


class EventStream(Protocol[_T_co]):
    """botocore.eventstream.EventStream: iterates the parsed events."""

    def __iter__(self) -> Iterator[_T_co]: ...

    def close(self) -> None: ...


class NoMatchingOverload(Protocol[_T_co]):
    """The parameter type of an overload no call matches (`NoMatchingOverload[NoReturn]`).

    The generated overloaded methods (generate_presigned_url, add_response, get_paginator,
    get_waiter, client(), resource()) start with such an overload.  When a call fits none
    of the others, mypy reports it against this one, in a line per argument, instead of
    listing every overload: mypy picks an overload whose parameters have the shape of the
    arguments, and any argument has the shape of NoMatchingOverload[Any] (every object has
    __sizeof__), while none is a NoMatchingOverload[NoReturn]."""

    def __sizeof__(self) -> _T_co: ...  # type: ignore[override]


@final
class GeneratedClientService:
    """The parameter type of the last overload of the entry module's client() (and
    Session.client()), after the one that takes ClientServiceName: not a service name.

    When a name is none of ClientServiceName's, pyright reports the call against the last
    overload (of those that fit as well as any).  Against ClientServiceName it would list
    the names it could have been, some ten lines; against this class it says in one that
    the name is not a GeneratedClientService.  No value is one: it never matches."""


@final
class GeneratedResourceService:
    """As GeneratedClientService, for resource() and Session.resource() (ResourceServiceName)."""


class ClientMeta(Protocol):
    """botocore's client.meta."""

    @property
    def region_name(self) -> str: ...

    @property
    def endpoint_url(self) -> str: ...

    @property
    def service_model(self) -> Any: ...

    @property
    def config(self) -> Any: ...

    @property
    def partition(self) -> str: ...

    @property
    def events(self) -> Any: ...

    @property
    def method_to_api_mapping(self) -> Dict[str, str]: ...


class SessionLike(Protocol):
    """A boto3.session.Session (or anything with its client() method).

    client() is a read-only callable of any signature: typed boto3's Session declares it
    as overloads on Literal service names, which no fixed signature matches."""

    @property
    def client(self) -> Callable[..., Any]: ...


class ResourceSessionLike(Protocol):
    """A boto3.session.Session (or anything with its resource() method); resource() as
    SessionLike's client()."""

    @property
    def resource(self) -> Callable[..., Any]: ...


if TYPE_CHECKING:

    class ClientError(Exception):
        """botocore.exceptions.ClientError, typed."""

        response: ClientErrorResponseTypeDef
        operation_name: str

        def __init__(
            self, error_response: Mapping[str, Any], operation_name: str
        ) -> None: ...

else:
    from botocore.exceptions import ClientError
