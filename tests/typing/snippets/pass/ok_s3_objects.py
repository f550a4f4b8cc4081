"""S3 object basics: listing, uploading (bytes and file), downloading, head, copy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import boto3  # type: ignore[import-untyped, unused-ignore]

from aws_typed import s3
from aws_typed.s3.literals import StorageClassType
from aws_typed.s3.type_defs import ObjectTypeDef


def make_clients() -> tuple[s3.S3Client, s3.S3Client]:
    # Both ways of getting a typed client: the factory and wrapping a boto3 client.
    created = s3.client(region_name="us-east-1", endpoint_url=None)
    wrapped = s3.S3Client(boto3.client("s3"))
    return created, wrapped


def list_keys(client: s3.S3Client, bucket: str, prefix: str = "") -> list[str]:
    resp = client.list_objects_v2(Bucket=bucket, Prefix=prefix, MaxKeys=100)
    keys: list[str] = []
    for obj in resp.get("Contents", []):
        key = obj.get("Key")
        if key is not None:
            keys.append(key)
    truncated: bool = resp.get("IsTruncated", False)
    if truncated:
        token: str | None = resp.get("NextContinuationToken")
        if token is not None:
            more = client.list_objects_v2(Bucket=bucket, ContinuationToken=token)
            keys.extend(o["Key"] for o in more.get("Contents", []) if "Key" in o)
    status: int = resp["ResponseMetadata"]["HTTPStatusCode"]
    assert status == 200
    return keys


def largest(objects: list[ObjectTypeDef]) -> int:
    return max((o.get("Size", 0) for o in objects), default=0)


def upload(client: s3.S3Client, bucket: str, path: Path) -> str:
    storage: StorageClassType = "STANDARD_IA"
    client.put_object(
        Bucket=bucket,
        Key="raw.bin",
        Body=b"\x00\x01",
        ContentType="application/octet-stream",
        Metadata={"owner": "me"},
        ACL="private",
        StorageClass=storage,
    )
    with path.open("rb") as fh:
        put = client.put_object(Bucket=bucket, Key=path.name, Body=fh)
    client.put_object(Bucket=bucket, Key="text.txt", Body="hello")
    client.put_object(Bucket=bucket, Key="empty")
    return put.get("ETag", "")


def download(client: s3.S3Client, bucket: str, key: str) -> bytes:
    resp = client.get_object(Bucket=bucket, Key=key, Range="bytes=0-99")
    data: bytes = resp["Body"].read()
    length: int | None = resp.get("ContentLength")
    modified: datetime | None = resp.get("LastModified")
    meta: dict[str, str] = resp.get("Metadata", {})
    for line in client.get_object(Bucket=bucket, Key=key)["Body"].iter_lines():
        data += line
    del length, modified, meta
    return data


def bucket_region(client: s3.S3Client, bucket: str) -> str | None:
    head = client.head_bucket(Bucket=bucket)
    headers: dict[str, str] = head["ResponseMetadata"]["HTTPHeaders"]
    return head.get("BucketRegion", headers.get("x-amz-bucket-region"))


def copy(client: s3.S3Client, bucket: str) -> None:
    client.copy_object(Bucket=bucket, Key="copy-1", CopySource=f"{bucket}/original")
    client.copy_object(
        Bucket=bucket,
        Key="copy-2",
        CopySource={"Bucket": bucket, "Key": "original", "VersionId": "v1"},
        MetadataDirective="REPLACE",
        Metadata={"copied": "yes"},
    )
    result = client.copy_object(
        Bucket=bucket, Key="copy-3", CopySource={"Bucket": bucket, "Key": "original"}
    )
    etag: str | None = result.get("CopyObjectResult", {}).get("ETag")
    del etag


def buckets(client: s3.S3Client) -> list[str]:
    return [b["Name"] for b in client.list_buckets().get("Buckets", []) if "Name" in b]
