"""Typed declarations of the methods boto3 injects at run time (boto3.s3.inject,
boto3.dynamodb.table), as bases of the generated classes.

Copied verbatim by botoloom into each generated package.  Declarations only: boto3's
objects have these methods themselves.
"""

from __future__ import annotations

import os
from typing import (
    IO,
    TYPE_CHECKING,
    Any,
    Callable,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    TypeVar,
    Union,
)

from ._resources import BaseResource

if TYPE_CHECKING:
    from ._types import (
        CopySourceTypeDef,
        PresignedPostTypeDef,
        TableAttributeValueTypeDef,
    )

__all__ = (
    "BatchWriter",
    "DynamoDBTableMethods",
    "S3BucketMethods",
    "S3ClientMethods",
    "S3ObjectMethods",
    "S3ObjectSummaryMethods",
)

FilePath = Union[str, "os.PathLike[str]"]
TransferCallback = Callable[[int], Any]
_Client = TypeVar("_Client")  # the typed client of the service (BaseResource)


class S3ClientMethods:
    """The s3 client's transfer and presigned-POST methods (boto3.s3.inject), typed.

    Declarations only: boto3's client has these methods itself."""

    if TYPE_CHECKING:

        def upload_file(
            self,
            Filename: FilePath,
            Bucket: str,
            Key: str,
            ExtraArgs: Optional[Mapping[str, Any]] = None,
            Callback: Optional[TransferCallback] = None,
            Config: Any = None,
        ) -> None:
            """Upload a file to an S3 object (managed, multipart when large)."""
            ...

        def download_file(
            self,
            Bucket: str,
            Key: str,
            Filename: FilePath,
            ExtraArgs: Optional[Mapping[str, Any]] = None,
            Callback: Optional[TransferCallback] = None,
            Config: Any = None,
        ) -> None:
            """Download an S3 object to a file."""
            ...

        def upload_fileobj(
            self,
            Fileobj: IO[Any],
            Bucket: str,
            Key: str,
            ExtraArgs: Optional[Mapping[str, Any]] = None,
            Callback: Optional[TransferCallback] = None,
            Config: Any = None,
        ) -> None:
            """Upload a readable binary file-like object to an S3 object."""
            ...

        def download_fileobj(
            self,
            Bucket: str,
            Key: str,
            Fileobj: IO[Any],
            ExtraArgs: Optional[Mapping[str, Any]] = None,
            Callback: Optional[TransferCallback] = None,
            Config: Any = None,
        ) -> None:
            """Download an S3 object into a writable binary file-like object."""
            ...

        def copy(
            self,
            CopySource: CopySourceTypeDef,
            Bucket: str,
            Key: str,
            ExtraArgs: Optional[Mapping[str, Any]] = None,
            Callback: Optional[TransferCallback] = None,
            SourceClient: Any = None,
            Config: Any = None,
        ) -> None:
            """Copy an object (managed, multipart when large)."""
            ...

        def generate_presigned_post(
            self,
            Bucket: str,
            Key: str,
            Fields: Optional[Mapping[str, Any]] = None,
            Conditions: Optional[Sequence[Any]] = None,
            ExpiresIn: int = 3600,
        ) -> PresignedPostTypeDef:
            """The URL and form fields of a presigned HTML form POST upload."""
            ...


class S3BucketMethods(BaseResource[_Client]):
    """Methods boto3 injects into s3 Bucket resources, typed."""

    def load(self) -> None:
        """Load the bucket's attributes (creation date) with s3.list_buckets."""
        ...

    def upload_file(
        self,
        Filename: FilePath,
        Key: str,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Upload a file to an object of this bucket."""
        ...

    def download_file(
        self,
        Key: str,
        Filename: FilePath,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Download an object of this bucket to a file."""
        ...

    def upload_fileobj(
        self,
        Fileobj: IO[Any],
        Key: str,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Upload a readable binary file-like object to an object of this bucket."""
        ...

    def download_fileobj(
        self,
        Key: str,
        Fileobj: IO[Any],
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Download an object of this bucket into a writable binary file-like object."""
        ...

    def copy(
        self,
        CopySource: CopySourceTypeDef,
        Key: str,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        SourceClient: Any = None,
        Config: Any = None,
    ) -> None:
        """Copy an object into this bucket (managed, multipart when large)."""
        ...


class S3ObjectMethods(BaseResource[_Client]):
    """Methods boto3 injects into s3 Object resources, typed."""

    def upload_file(
        self,
        Filename: FilePath,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Upload a file to this object."""
        ...

    def download_file(
        self,
        Filename: FilePath,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Download this object to a file."""
        ...

    def upload_fileobj(
        self,
        Fileobj: IO[Any],
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Upload a readable binary file-like object to this object."""
        ...

    def download_fileobj(
        self,
        Fileobj: IO[Any],
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        Config: Any = None,
    ) -> None:
        """Download this object into a writable binary file-like object."""
        ...

    def copy(
        self,
        CopySource: CopySourceTypeDef,
        ExtraArgs: Optional[Mapping[str, Any]] = None,
        Callback: Optional[TransferCallback] = None,
        SourceClient: Any = None,
        Config: Any = None,
    ) -> None:
        """Copy another object onto this one (managed, multipart when large)."""
        ...


class S3ObjectSummaryMethods(BaseResource[_Client]):
    """Methods boto3 injects into s3 ObjectSummary resources, typed."""

    def load(self) -> None:
        """Load the summary's attributes with s3.head_object."""
        ...


class BatchWriter(Protocol):
    """boto3.dynamodb.table.BatchWriter: buffers puts and deletes into batch_write_item
    calls (resending unprocessed items); flushes on leaving the `with` block."""

    def put_item(self, Item: Mapping[str, TableAttributeValueTypeDef]) -> None:
        """Buffer a put (sent with the next batch; an equal key replaces a buffered one
        when overwrite_by_pkeys names the key)."""
        ...

    def delete_item(self, Key: Mapping[str, TableAttributeValueTypeDef]) -> None:
        """Buffer a delete of the item with this key."""
        ...

    def __enter__(self) -> BatchWriter: ...

    def __exit__(self, exc_type: Any, exc_value: Any, tb: Any) -> None: ...


class DynamoDBTableMethods(BaseResource[_Client]):
    """Methods boto3 injects into dynamodb Table resources, typed."""

    def batch_writer(  # type: ignore[empty-body]  # a declaration: boto3's Table has it
        self, overwrite_by_pkeys: Optional[Sequence[str]] = None
    ) -> BatchWriter:
        """A context manager that writes put_item/delete_item calls in batches."""
        ...
