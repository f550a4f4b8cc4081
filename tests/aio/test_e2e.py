"""The typed async clients end to end on the moto server (127.0.0.1): calls, streaming
bodies, multi-page async pagination with MaxItems/StartingToken, build_full_result,
search, waiters (and WaiterError), modeled exceptions, for s3, dynamodb, sqs, ec2, lambda."""

from __future__ import annotations

import asyncio
import io
import zipfile
from typing import Any

import aiobotocore.eventstream
import aiobotocore.response
import aiobotocore.session
import botocore.exceptions
import pytest
from aws_typed._aio import PageIterator
from aws_typed.s3 import aio as s3_aio

from .conftest import AioFactory

pytestmark = pytest.mark.e2e
FAST = {"Delay": 1, "MaxAttempts": 2}


async def _pages(iterator: Any) -> list[Any]:
    return [page async for page in iterator]


def _keys(pages: list[Any], key: str, field: str) -> list[str]:
    return [item[field] for page in pages for item in page.get(key, [])]


def test_s3_objects_bodies_pages_waiters_errors(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        client = await make("s3")
        assert isinstance(client, s3_aio.S3Client) and type(client).__module__.startswith("aiobotocore")
        await client.create_bucket(Bucket="aio-bucket")
        await client.get_waiter("bucket_exists").wait(Bucket="aio-bucket", WaiterConfig=FAST)
        for i in range(7):
            await client.put_object(Bucket="aio-bucket", Key=f"k{i}", Body=b"line one\nline %d\n" % i)
        got = await client.get_object(Bucket="aio-bucket", Key="k3")
        assert isinstance(got["Body"], aiobotocore.response.StreamingBody)  # AioStreamingChecksumBody
        assert await got["Body"].read() == b"line one\nline 3\n"
        chunks = await client.get_object(Bucket="aio-bucket", Key="k4")
        assert [c async for c in chunks["Body"].iter_chunks(4)][:2] == [b"line", b" one"]
        lines = await client.get_object(Bucket="aio-bucket", Key="k5")
        assert [line async for line in lines["Body"].iter_lines()] == [b"line one", b"line 5"]

        paginator = client.get_paginator("list_objects_v2")
        pages = await _pages(paginator.paginate(Bucket="aio-bucket", PaginationConfig={"PageSize": 3}))
        assert [p["KeyCount"] for p in pages] == [3, 3, 1]
        first = paginator.paginate(Bucket="aio-bucket", PaginationConfig={"MaxItems": 4, "PageSize": 3})
        assert isinstance(first, PageIterator)
        head = _keys(await _pages(first), "Contents", "Key")
        assert head == ["k0", "k1", "k2", "k3"] and first.resume_token
        rest = paginator.paginate(Bucket="aio-bucket", PaginationConfig={"StartingToken": first.resume_token})
        assert _keys(await _pages(rest), "Contents", "Key") == ["k4", "k5", "k6"]
        full = await paginator.paginate(Bucket="aio-bucket", PaginationConfig={"MaxItems": 5}).build_full_result()
        assert [o["Key"] for o in full["Contents"]] == ["k0", "k1", "k2", "k3", "k4"] and "NextToken" in full
        found = [k async for k in paginator.paginate(Bucket="aio-bucket").search("Contents[].Key")]
        assert found == [f"k{i}" for i in range(7)]
        # aiobotocore's own page iterator (a sync `for` over it is a type error: the typed
        # PageIterator has no __iter__, tests/typing); the typed one is its type
        assert type(first).__module__.startswith("aiobotocore")

        with pytest.raises(client.exceptions.NoSuchKey):
            await client.get_object(Bucket="aio-bucket", Key="missing")
        with pytest.raises(client.exceptions.NoSuchBucket):
            await client.list_objects_v2(Bucket="aio-missing")
        with pytest.raises(botocore.exceptions.WaiterError, match="Max attempts exceeded"):
            await client.get_waiter("object_exists").wait(Bucket="aio-bucket", Key="nope", WaiterConfig=FAST)
        url = await client.generate_presigned_url("get_object", {"Bucket": "aio-bucket", "Key": "k1"})
        assert url.startswith("http://127.0.0.1:") and "Signature=" in url
        post = await client.generate_presigned_post("aio-bucket", "k1")
        assert post["fields"]["key"] == "k1"

    run_on_moto(body)


def test_s3_select_event_stream(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        client = await make("s3")
        await client.create_bucket(Bucket="aio-select")
        await client.put_object(Bucket="aio-select", Key="d.csv", Body=b"a,b\n1,2\n3,4\n")
        out = await client.select_object_content(
            Bucket="aio-select",
            Key="d.csv",
            Expression="SELECT * FROM S3Object",
            ExpressionType="SQL",
            InputSerialization={"CSV": {"FileHeaderInfo": "USE"}},
            OutputSerialization={"JSON": {}},
        )
        assert isinstance(out["Payload"], aiobotocore.eventstream.AioEventStream)
        records = [event["Records"]["Payload"] async for event in out["Payload"] if "Records" in event]
        assert b"".join(records).startswith(b'{"a":"1","b":"2"}\n{"a":"3","b":"4"}\n')

    run_on_moto(body)


def test_s3_from_a_session_and_the_old_spelling(moto_reset: str) -> None:
    async def main() -> None:
        session = aiobotocore.session.get_session()
        async with s3_aio.client(session=session, endpoint_url=moto_reset, region_name="us-east-1") as client:
            await client.create_bucket(Bucket="aio-session")
        async with session.create_client("s3", endpoint_url=moto_reset, region_name="us-east-1") as raw:
            typed = s3_aio.S3Client(raw)
            assert typed is raw and typed.meta.region_name == "us-east-1"
            listed = await typed.list_buckets()
            assert [b["Name"] for b in listed["Buckets"]] == ["aio-session"]
            assert typed.can_paginate("list_objects_v2")
        async with session.create_client("sqs", endpoint_url=moto_reset, region_name="us-east-1") as raw:
            with pytest.raises(TypeError, match="'s3' client"):
                s3_aio.S3Client(raw)  # a real client of another service
            assert not isinstance(raw, s3_aio.S3Client)
        opened = await session.create_client("s3", endpoint_url=moto_reset, region_name="us-east-1").__aenter__()
        typed = s3_aio.S3Client(opened)  # an entered client, closed by hand
        assert (await typed.head_bucket(Bucket="aio-session"))["ResponseMetadata"]["HTTPStatusCode"] == 200
        await typed.close()
        unopened = await session._create_client("s3", endpoint_url=moto_reset, region_name="us-east-1")
        async with s3_aio.S3Client(unopened) as entered:  # the typed client's own async with
            assert entered is unopened
            assert (await entered.list_buckets())["Buckets"]

    asyncio.run(main())


def test_dynamodb_table_items_scan_pages_and_errors(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        client = await make("dynamodb")
        await client.create_table(
            TableName="aio-table",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        await client.get_waiter("table_exists").wait(TableName="aio-table", WaiterConfig=FAST)
        for i in range(5):
            await client.put_item(TableName="aio-table", Item={"pk": {"S": f"p{i}"}, "n": {"N": str(i)}})
        got = await client.get_item(TableName="aio-table", Key={"pk": {"S": "p2"}})
        assert got["Item"]["n"] == {"N": "2"}
        pages = await _pages(
            client.get_paginator("scan").paginate(TableName="aio-table", PaginationConfig={"PageSize": 2})
        )
        assert sum(p["Count"] for p in pages) == 5 and len(pages) >= 3
        first = client.get_paginator("scan").paginate(
            TableName="aio-table", PaginationConfig={"MaxItems": 3, "PageSize": 2}
        )
        head = [item["pk"]["S"] for page in await _pages(first) for item in page["Items"]]
        rest_iter = client.get_paginator("scan").paginate(
            TableName="aio-table", PaginationConfig={"StartingToken": first.resume_token}
        )
        rest = [item["pk"]["S"] for page in await _pages(rest_iter) for item in page["Items"]]
        assert len(head) == 3 and sorted(head + rest) == [f"p{i}" for i in range(5)]
        full = await client.get_paginator("scan").paginate(TableName="aio-table").build_full_result()
        assert len(full["Items"]) == 5
        with pytest.raises(client.exceptions.ConditionalCheckFailedException):
            await client.put_item(
                TableName="aio-table", Item={"pk": {"S": "p1"}}, ConditionExpression="attribute_not_exists(pk)"
            )
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            await client.describe_table(TableName="aio-missing")
        with pytest.raises(botocore.exceptions.WaiterError):
            await client.get_waiter("table_exists").wait(TableName="aio-missing", WaiterConfig=FAST)

    run_on_moto(body)


def test_sqs_messages_queue_pages_and_errors(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        client = await make("sqs")
        urls = [(await client.create_queue(QueueName=f"aio-q{i}"))["QueueUrl"] for i in range(5)]
        await client.send_message(QueueUrl=urls[0], MessageBody="hello")
        received = await client.receive_message(QueueUrl=urls[0], MaxNumberOfMessages=1)
        assert [m["Body"] for m in received["Messages"]] == ["hello"]
        paginator = client.get_paginator("list_queues")
        # moto's list_queues ignores MaxResults (one page); MaxItems cuts on the client side
        first = paginator.paginate(QueueNamePrefix="aio-q", PaginationConfig={"MaxItems": 3})
        head = [u for p in await _pages(first) for u in p["QueueUrls"]]
        rest = paginator.paginate(QueueNamePrefix="aio-q", PaginationConfig={"StartingToken": first.resume_token})
        tail = [u for p in await _pages(rest) for u in p["QueueUrls"]]
        assert len(head) == 3 and len(tail) == 2 and sorted(head + tail) == sorted(urls)
        full = await paginator.paginate(QueueNamePrefix="aio-q", PaginationConfig={"MaxItems": 4}).build_full_result()
        assert len(full["QueueUrls"]) == 4 and "NextToken" in full
        with pytest.raises(client.exceptions.QueueDoesNotExist):
            await client.get_queue_url(QueueName="aio-missing")

    run_on_moto(body)


def test_ec2_instances_waiters_and_pages(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        client = await make("ec2")
        reservation = await client.run_instances(ImageId="ami-12c6146b", MinCount=5, MaxCount=5)
        ids = [i["InstanceId"] for i in reservation["Instances"]]
        await client.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=FAST)
        paginator = client.get_paginator("describe_instances")
        pages = await _pages(paginator.paginate(PaginationConfig={"PageSize": 5}))
        found = [i["InstanceId"] for p in pages for r in p["Reservations"] for i in r["Instances"]]
        assert sorted(found) == sorted(ids)
        full = await paginator.paginate(InstanceIds=ids[:2]).build_full_result()
        assert sorted(i["InstanceId"] for r in full["Reservations"] for i in r["Instances"]) == sorted(ids[:2])
        await client.terminate_instances(InstanceIds=ids[:1])
        await client.get_waiter("instance_terminated").wait(InstanceIds=ids[:1], WaiterConfig=FAST)
        with pytest.raises(botocore.exceptions.WaiterError):
            await client.get_waiter("instance_stopped").wait(InstanceIds=ids[1:2], WaiterConfig=FAST)
        with pytest.raises(botocore.exceptions.ClientError, match="InvalidInstanceID"):
            await client.describe_instances(InstanceIds=["i-00000000000000000"])

    run_on_moto(body)


TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return event\n")
    return buffer.getvalue()


def test_lambda_functions_pages_waiters_and_errors(run_on_moto: Any) -> None:
    async def body(make: AioFactory) -> None:
        iam = await make("iam")
        role = (await iam.create_role(RoleName="aio-role", AssumeRolePolicyDocument=TRUST))["Role"]["Arn"]
        client = await make("lambda_")
        code = _zip()
        for i in range(5):
            await client.create_function(
                FunctionName=f"aio-fn{i}",
                Runtime="python3.12",
                Role=role,
                Handler="handler.handler",
                Code={"ZipFile": code},
            )
        await client.get_waiter("function_active_v2").wait(FunctionName="aio-fn0", WaiterConfig=FAST)
        got = await client.get_function(FunctionName="aio-fn1")
        assert got["Configuration"]["FunctionName"] == "aio-fn1"
        paginator = client.get_paginator("list_functions")
        pages = await _pages(paginator.paginate(PaginationConfig={"PageSize": 2}))
        assert sorted(_keys(pages, "Functions", "FunctionName")) == [f"aio-fn{i}" for i in range(5)]
        first = paginator.paginate(PaginationConfig={"MaxItems": 3, "PageSize": 2})
        head = _keys(await _pages(first), "Functions", "FunctionName")
        rest = paginator.paginate(PaginationConfig={"StartingToken": first.resume_token, "PageSize": 2})
        assert len(head) == 3 and sorted(head + _keys(await _pages(rest), "Functions", "FunctionName")) == [
            f"aio-fn{i}" for i in range(5)
        ]
        full = await paginator.paginate().build_full_result()
        assert len(full["Functions"]) == 5
        with pytest.raises(client.exceptions.ResourceNotFoundException):
            await client.get_function(FunctionName="aio-missing")
        with pytest.raises(botocore.exceptions.WaiterError):
            await client.get_waiter("function_exists").wait(FunctionName="aio-missing", WaiterConfig=FAST)

    run_on_moto(body)
