"""Run-time part of the drop-in entry points: the generated `boto3` module of the package.

Copied verbatim by botoloom into each generated package.  `from <package> import boto3`
gives typed `client()`, `resource()` and `Session`: the generated module declares one
Literal overload per generated service and calls the functions here, which import the
service's module on first use and hand the call to its own factory.
"""

from __future__ import annotations

from importlib import import_module
from typing import (
    TYPE_CHECKING,
    Any,
    List,
    Mapping,
    NamedTuple,
    Optional,
    Protocol,
    cast,
)

import boto3  # type: ignore[import-untyped, unused-ignore]
import boto3.session  # type: ignore[import-untyped, unused-ignore]
from botocore.exceptions import UnknownServiceError  # type: ignore[import-untyped, unused-ignore]

from ._runtime import TypedClass

if TYPE_CHECKING:
    from ._resources import BaseResource
    from ._runtime import BaseClient

__all__ = (
    "BaseSession",
    "Credentials",
    "ReadOnlyCredentials",
    "ServiceNotGeneratedError",
    "create_client",
    "create_resource",
    "setup_default_session",
)


class ReadOnlyCredentials(NamedTuple):
    """botocore's ReadOnlyCredentials: a frozen access key, secret key, token and
    account id (botocore 1.35 and newer)."""

    access_key: str
    secret_key: str
    token: Optional[str]
    account_id: Optional[str]


class Credentials(Protocol):
    """botocore's Credentials: what Session.get_credentials() returns."""

    access_key: str
    secret_key: str
    token: Optional[str]
    account_id: Optional[str]
    method: str

    def get_frozen_credentials(self) -> ReadOnlyCredentials:
        """The three values at one moment (refreshable credentials change over time)."""
        ...


class ServiceNotGeneratedError(UnknownServiceError):  # type: ignore[misc, unused-ignore]
    """A service name that was not generated into this package (a subclass of botocore's
    UnknownServiceError, which boto3.client() raises for a name botocore does not know).
    """

    fmt = (
        "Service {service_name!r} was not generated into {package}; generated: "
        "{known_service_names}. Add it to [tool.botoloom] services and run botoloom "
        "again."
    )


def _factory(table: Mapping[str, str], service_name: object, submodule: str) -> Any:
    module = table.get(service_name) if isinstance(service_name, str) else None
    if module is None:
        raise ServiceNotGeneratedError(
            service_name=service_name,
            package=__package__,
            known_service_names=", ".join(table),
        )
    return import_module(f".{module}.{submodule}", __package__)


def create_client(
    table: Mapping[str, str], service_name: object, session: Any, kwargs: Any
) -> BaseClient:
    """The typed client of `service_name` (its module in `table`), from `session` or
    boto3's default session."""
    made = _factory(table, service_name, "client").client(session=session, **kwargs)
    return cast("BaseClient", made)


def create_resource(
    table: Mapping[str, str], service_name: object, session: Any, kwargs: Any
) -> BaseResource[Any]:
    """The typed service resource of `service_name`, as create_client()."""
    made = _factory(table, service_name, "service_resource").resource(
        session=session, **kwargs
    )
    return cast("BaseResource[Any]", made)


def setup_default_session(
    *,
    aws_access_key_id: Optional[str] = None,
    aws_secret_access_key: Optional[str] = None,
    aws_session_token: Optional[str] = None,
    region_name: Optional[str] = None,
    botocore_session: Any = None,
    profile_name: Optional[str] = None,
    aws_account_id: Optional[str] = None,
) -> None:
    """boto3.setup_default_session(...): the session that client() and resource() use
    when no session is given (boto3's own default session)."""
    boto3.setup_default_session(
        aws_access_key_id=aws_access_key_id,
        aws_secret_access_key=aws_secret_access_key,
        aws_session_token=aws_session_token,
        region_name=region_name,
        botocore_session=botocore_session,
        profile_name=profile_name,
        aws_account_id=aws_account_id,
    )


if TYPE_CHECKING:

    class BaseSession:
        """What a boto3.session.Session has (the generated Session adds client() and
        resource() with a Literal overload per generated service)."""

        def __init__(
            self,
            aws_access_key_id: Optional[str] = None,
            aws_secret_access_key: Optional[str] = None,
            aws_session_token: Optional[str] = None,
            region_name: Optional[str] = None,
            botocore_session: Any = None,
            profile_name: Optional[str] = None,
            aws_account_id: Optional[str] = None,
        ) -> None:
            """A new boto3.session.Session with these arguments."""

        @property
        def profile_name(self) -> str:
            """The profile this session reads (\"default\" when none was given)."""
            ...

        @property
        def region_name(self) -> Optional[str]:
            """The configured region, None when no region is configured anywhere."""
            ...

        @property
        def available_profiles(self) -> List[str]:
            """The profiles of the shared config and credentials files."""
            ...

        @property
        def events(self) -> Any:
            """The session's event system (botocore's HierarchicalEmitter)."""
            ...

        def get_credentials(self) -> Optional[Credentials]:
            """The credentials boto3 finds for this session, None when there are none."""
            ...

        def get_available_services(self) -> List[str]:
            """Every service botocore has a definition for (not only the generated ones)."""
            ...

        def get_available_resources(self) -> List[str]:
            """Every service boto3 has resources for (not only the generated ones)."""
            ...

        def get_available_partitions(self) -> List[str]:
            """The partitions botocore knows: aws, aws-cn, aws-us-gov, ..."""
            ...

        def get_available_regions(
            self,
            service_name: str,
            partition_name: str = "aws",
            allow_non_regional: bool = False,
        ) -> List[str]:
            """The regions where `service_name` has an endpoint in `partition_name`."""
            ...

        def get_partition_for_region(self, region_name: str) -> str:
            """The partition a region belongs to (us-east-1: aws)."""
            ...

else:

    class BaseSession(metaclass=TypedClass):
        """boto3.session.Session: `Session(...)` makes one, isinstance is true for one."""

        @classmethod
        def _boto_is(cls, obj):
            return isinstance(obj, boto3.session.Session)

        @classmethod
        def _boto_of(cls, *args, **kwargs):
            return boto3.session.Session(*args, **kwargs)
