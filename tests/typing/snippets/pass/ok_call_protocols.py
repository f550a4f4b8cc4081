"""The overloaded client methods (generate_presigned_url, get_paginator, get_waiter) are attributes
typed by a Protocol whose __call__ carries the overloads (issue #28: pyright's completion): a typed
client still satisfies a Protocol written with methods, the methods pass where a Callable is
expected, and each call keeps the type of its own overload (pyrefly excepted: WRONG markers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol

from aws_typed import s3
from aws_typed.s3.paginators import ListObjectsV2Paginator
from aws_typed.s3.type_defs import GetObjectRequestTypeDef
from aws_typed.s3.waiters import BucketExistsWaiter


class Presigner(Protocol):
    def generate_presigned_url(self, ClientMethod: Literal["get_object"], Params: GetObjectRequestTypeDef, ExpiresIn: int = 3600, HttpMethod: str | None = None) -> str: ...


class Listing(Protocol):
    def get_paginator(self, operation_name: Literal["list_objects_v2"]) -> ListObjectsV2Paginator: ...

    def get_waiter(self, waiter_name: Literal["bucket_exists"]) -> BucketExistsWaiter: ...


def presign(presigner: Presigner) -> str:
    return presigner.generate_presigned_url("get_object", {"Bucket": "b", "Key": "k"})


def first_key(listing: Listing) -> str:
    listing.get_waiter("bucket_exists").wait(Bucket="b")
    for page in listing.get_paginator("list_objects_v2").paginate(Bucket="b"):
        return str(page.get("KeyCount", 0))
    return ""


def use(
    client: s3.S3Client,
    sign: Callable[[Literal["list_buckets"]], str],
    pages: Callable[[Literal["list_objects_v2"]], ListObjectsV2Paginator],
) -> str:
    presigner: Presigner = client  # WRONG[pyrefly]: is not assignable to `Presigner` -- pyrefly 1.5.0 holds a Protocol's method read-write, so no attribute (Final or not) satisfies it (issue #28's call Protocols)
    listing: Listing = client  # WRONG[pyrefly]: is not assignable to `Listing` -- pyrefly 1.5.0 holds a Protocol's method read-write, so no attribute (Final or not) satisfies it (issue #28's call Protocols)
    sign = client.generate_presigned_url
    pages = client.get_paginator
    paginator: ListObjectsV2Paginator = client.get_paginator("list_objects_v2")
    waiter: BucketExistsWaiter = client.get_waiter("bucket_exists")
    waiter.wait(Bucket="b")
    paginator.paginate(Bucket="b")
    pages("list_objects_v2").paginate(Bucket="b")
    return presign(client) + first_key(client) + presign(presigner) + first_key(listing) + sign("list_buckets")  # WRONG[pyrefly]: parameter `presigner` -- pyrefly 1.5.0 holds a Protocol's method read-write, so no attribute (Final or not) satisfies it (issue #28's call Protocols)  # WRONG[pyrefly]: parameter `listing` -- pyrefly 1.5.0 holds a Protocol's method read-write, so no attribute (Final or not) satisfies it (issue #28's call Protocols)
