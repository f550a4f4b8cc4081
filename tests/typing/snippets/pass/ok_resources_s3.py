"""s3 resources: typed service resource, collections of typed resources, attributes,
actions, batch actions, waiters and boto3's injected transfer methods."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import boto3.session  # type: ignore[import-untyped, unused-ignore]

from aws_typed import s3
from aws_typed.s3.service_resource import (
    Bucket,
    BucketObjectsCollection,
    BucketObjectsCollectionManager,
    Object,
    ObjectSummary,
)
from aws_typed.s3.type_defs import DeleteObjectsOutputTypeDef, GetObjectOutputTypeDef


def make() -> s3.S3ServiceResource:
    res = s3.resource(region_name="eu-west-1", endpoint_url="http://127.0.0.1:5000")
    other = s3.resource(session=boto3.session.Session(profile_name="dev"))
    wrapped = s3.S3ServiceResource(boto3.session.Session().resource("s3"))
    assert other.meta.service_name == wrapped.meta.service_name
    return res


def objects(res: s3.S3ServiceResource) -> list[str]:
    bucket: Bucket = res.create_bucket(Bucket="b", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    bucket.wait_until_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 3})
    made: Object = bucket.put_object(Key="a/1.txt", Body=b"hello", ContentType="text/plain")
    manager: BucketObjectsCollectionManager = bucket.objects
    listed: BucketObjectsCollection = manager.filter(Prefix="a/").page_size(10).limit(100)
    keys = []
    for summary in listed:
        item: ObjectSummary = summary
        keys.append(item.key)
        size: int | None = item.size
        modified: datetime | None = item.last_modified
        print(size, modified)
    for page in bucket.objects.pages():
        first: ObjectSummary = page[0]
        print(first.bucket_name)
    deleted: list[DeleteObjectsOutputTypeDef] = bucket.objects.filter(Prefix="a/").delete(ExpectedBucketOwner="123456789012")
    print(deleted[0].get("Deleted", []), made.e_tag)
    return keys


def objects_and_transfers(bucket: Bucket, path: Path) -> bytes:
    obj = bucket.Object("a/1.txt")
    obj.wait_until_exists(IfMatch="etag", WaiterConfig={"Delay": 5})
    length: int | None = obj.content_length
    metadata: dict[str, str] | None = obj.metadata
    obj.load()
    obj.reload()
    print(length, metadata)
    got: GetObjectOutputTypeDef = obj.get(Range="bytes=0-10")
    bucket.upload_file(path, "k", ExtraArgs={"ContentType": "text/plain"}, Callback=print)
    bucket.download_file("k", str(path))
    bucket.upload_fileobj(io.BytesIO(b"x"), "k2")
    obj.upload_file(str(path))
    obj.download_fileobj(io.BytesIO())
    obj.copy({"Bucket": "src", "Key": "k", "VersionId": "v"})
    bucket.copy({"Bucket": "src", "Key": "k"}, "k3")
    bucket.load()
    print(bucket.creation_date, bucket.get_available_subresources())
    return got["Body"].read()


def client_transfers(client: s3.S3Client, path: Path) -> str:
    client.upload_file(str(path), "b", "k", ExtraArgs={"ACL": "private"})
    client.download_file("b", "k", path)
    client.upload_fileobj(io.BytesIO(b"x"), "b", "k")
    client.download_fileobj("b", "k", io.BytesIO())
    client.copy({"Bucket": "src", "Key": "k"}, "b", "k2")
    post = client.generate_presigned_post("b", "k", Fields={"acl": "private"}, ExpiresIn=60)
    fields: dict[str, str] = post["fields"]
    print(fields)
    return post["url"]
