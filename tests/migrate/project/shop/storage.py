"""Files on s3: a module-level client, typed with boto3-stubs under TYPE_CHECKING."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3

from .settings import BUCKET, ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import StorageClassType
    from mypy_boto3_s3.paginator import ListObjectsV2Paginator
    from mypy_boto3_s3.type_defs import ObjectTypeDef
    from mypy_boto3_s3.waiter import BucketExistsWaiter


def make_client() -> S3Client:
    # region first, as boto3 takes it positionally
    return boto3.client(
        "s3",  # the service
        REGION,
        endpoint_url=ENDPOINT,  # None: the real AWS
    )


def create_bucket(client: S3Client, name: str = BUCKET) -> None:
    client.create_bucket(Bucket=name)
    waiter: BucketExistsWaiter = client.get_waiter("bucket_exists")
    waiter.wait(Bucket=name, WaiterConfig={"Delay": 1, "MaxAttempts": 5})


def upload(client: S3Client, key: str, body: bytes, storage: StorageClassType = "STANDARD") -> str:
    response = client.put_object(Bucket=BUCKET, Key=key, Body=body, StorageClass=storage)
    return response.get("ETag", "").strip('"')


def list_objects(client: S3Client, prefix: str = "") -> list[ObjectTypeDef]:
    """Every object under `prefix`, two keys a page, to go through the paginator."""
    paginator: ListObjectsV2Paginator = client.get_paginator("list_objects_v2")
    found: list[ObjectTypeDef] = []
    for page in paginator.paginate(Bucket=BUCKET, Prefix=prefix, PaginationConfig={"PageSize": 2}):
        found.extend(page.get("Contents", []))
    return found


def read(client: S3Client, key: str) -> bytes:
    return client.get_object(Bucket=BUCKET, Key=key)["Body"].read()


def bucket_count() -> int:
    # boto3 only when this is called (a cold-start path)
    import boto3  # lazy: not at module level

    client: S3Client = boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
    return len(client.list_buckets().get("Buckets", []))
