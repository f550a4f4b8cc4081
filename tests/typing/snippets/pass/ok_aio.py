"""Async (aiobotocore) clients: awaited calls, async pages, async with, streaming bodies,
waiters, exceptions, wrapping a client from a session."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from aws_typed.dynamodb import aio as dynamodb_aio
from aws_typed.s3 import aio
from aws_typed.s3.aio_type_defs import GetObjectOutputTypeDef
from aws_typed.s3.type_defs import ListObjectsV2OutputTypeDef, ObjectTypeDef


async def objects(client: aio.S3Client, bucket: str) -> AsyncIterator[ObjectTypeDef]:
    page: ListObjectsV2OutputTypeDef
    async for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": 100}):
        for obj in page.get("Contents", []):
            yield obj


async def use(client: aio.S3Client) -> int:
    listed: ListObjectsV2OutputTypeDef = await client.list_objects_v2(Bucket="b")
    got: GetObjectOutputTypeDef = await client.get_object(Bucket="b", Key="k")
    data: bytes = await got["Body"].read()
    async for chunk in got["Body"].iter_chunks(1024):
        data += chunk
    async with got["Body"] as body:
        data += await body.read(10)
    pages = client.get_paginator("list_objects_v2").paginate(Bucket="b", PaginationConfig={"MaxItems": 10})
    full = await pages.build_full_result()
    token: str | None = full.get("NextToken") or pages.resume_token
    async for key in pages.search("Contents[].Key"):
        print(key)
    await client.get_waiter("bucket_exists").wait(Bucket="b", WaiterConfig={"Delay": 1})
    url: str = await client.generate_presigned_url("get_object", {"Bucket": "b", "Key": "k"})
    post = await client.generate_presigned_post("b", "k")
    try:
        await client.get_object(Bucket="b", Key="missing")
    except client.exceptions.NoSuchKey as exc:
        code: str | None = exc.response["Error"].get("Code")
        print(code)
    selected = await client.select_object_content(
        Bucket="b", Key="k", Expression="SELECT * FROM S3Object", ExpressionType="SQL", InputSerialization={}, OutputSerialization={}
    )
    async for event in selected["Payload"]:
        if "Records" in event:
            data += event["Records"].get("Payload", b"")
    sizes = [obj.get("Size", 0) async for obj in objects(client, "b")]
    print(listed["ResponseMetadata"]["HTTPStatusCode"], token, url, post["url"])
    await client.close()
    return len(data) + sum(sizes)


async def main(session: Any) -> None:
    async with aio.client(region_name="us-east-1") as client:
        await use(client)
    async with dynamodb_aio.client(session=session, region_name="us-east-1") as table_client:
        item = await table_client.get_item(TableName="t", Key={"pk": {"S": "a"}})
        value: str | None = item.get("Item", {}).get("pk", {}).get("S")
        print(value)
    async with aio.S3Client(await session.create_client("s3").__aenter__()) as wrapped:
        await wrapped.list_buckets()
