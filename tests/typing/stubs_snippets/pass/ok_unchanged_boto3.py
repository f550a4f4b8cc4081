"""Unchanged boto3 code under botoloom's boto3 stubs (install --stubs): every object boto3
gives is exactly the typed class (assert_type: the same type, so every mistake the typed
classes catch is caught on boto3's spelling too), and raw and typed objects mix both ways."""

from __future__ import annotations

import boto3
import boto3.resources.base
import boto3.session
import botocore.exceptions
import botocore.paginate
import botocore.session
import botocore.waiter
from boto3.dynamodb.conditions import Attr, Key
from boto3.resources.base import ResourceMeta, ServiceResource
from botocore.client import BaseClient
from botocore.config import Config
from botocore.exceptions import ClientError, NoCredentialsError
from botocore.response import StreamingBody
from botocore.stub import ANY, Stubber
from typing_extensions import assert_type

from aws_typed import ClientError as TypedClientError
from aws_typed import dynamodb, s3, sqs
from aws_typed.dynamodb.service_resource import DynamoDBServiceResource, Table
from aws_typed.s3.client import S3Client
from aws_typed.s3.paginators import ListObjectsV2Paginator
from aws_typed.s3.service_resource import Bucket, BucketObjectsCollection, ObjectSummary, S3ServiceResource
from aws_typed.s3.stubber import S3Stubber
from aws_typed.s3.waiters import BucketExistsWaiter
from aws_typed.sqs.client import SQSClient


def clients() -> None:
    assert_type(boto3.client("s3"), S3Client)
    assert_type(boto3.client("s3", region_name="eu-west-1", config=Config(retries={"max_attempts": 3})), S3Client)
    assert_type(boto3.session.Session().client("sqs"), SQSClient)
    assert_type(boto3.Session(profile_name="dev").client("s3"), S3Client)
    assert_type(boto3.resource("s3"), S3ServiceResource)
    assert_type(boto3.session.Session().resource("dynamodb"), DynamoDBServiceResource)


def sub_objects() -> None:
    c = boto3.client("s3")
    assert_type(c.get_paginator("list_objects_v2"), ListObjectsV2Paginator)
    assert_type(c.get_waiter("bucket_exists"), BucketExistsWaiter)
    bucket = boto3.resource("s3").Bucket("b")
    assert_type(bucket, Bucket)
    assert_type(bucket.objects.filter(Prefix="a/"), BucketObjectsCollection)
    for summary in bucket.objects.all():
        assert_type(summary, ObjectSummary)
    assert_type(bucket.meta.client, S3Client)
    assert_type(boto3.resource("dynamodb").Table("t"), Table)


def raw_to_typed(c: S3Client) -> S3Client:
    return c


def typed_to_raw(c: BaseClient) -> BaseClient:  # botocore's BaseClient takes a typed client
    return c


def botocore_objects() -> None:
    c = boto3.client("s3")
    paginator: botocore.paginate.Paginator = c.get_paginator("list_objects_v2")
    pages: botocore.paginate.PageIterator = c.get_paginator("list_objects_v2").paginate(Bucket="b")
    waiter: botocore.waiter.Waiter = c.get_waiter("bucket_exists")
    low = botocore.session.get_session().create_client("s3")  # botocore's own session: untyped
    print(paginator, pages, waiter, low)


def mixing() -> None:
    raw = boto3.client("s3")
    typed = s3.client()
    raw_to_typed(raw)
    raw_to_typed(typed)
    typed_to_raw(raw)
    typed_to_raw(typed)
    queues: list[SQSClient] = [boto3.client("sqs"), sqs.client()]
    tables: list[Table] = [boto3.resource("dynamodb").Table("a"), dynamodb.resource().Table("b")]
    print(queues, tables)


def calls() -> None:
    c = boto3.client("s3")
    c.put_object(Bucket="b", Key="k", Body=b"x")
    body: StreamingBody = c.get_object(Bucket="b", Key="k")["Body"]
    data: bytes = body.read()
    for page in c.get_paginator("list_objects_v2").paginate(Bucket="b"):
        for obj in page.get("Contents", []):
            print(obj.get("Key"), data)
    c.get_waiter("bucket_exists").wait(Bucket="b", WaiterConfig={"Delay": 1})
    # AWS's own example (sqs/receive_message.py): message system attribute names in AttributeNames
    boto3.client("sqs").receive_message(QueueUrl="q", AttributeNames=["SentTimestamp"], MessageAttributeNames=["All"])
    table = boto3.resource("dynamodb").Table("t")
    table.query(KeyConditionExpression=Key("pk").eq("u1"), FilterExpression=Attr("age").gt(40))


def errors() -> None:
    c = boto3.client("s3")
    try:
        c.get_object(Bucket="b", Key="k")
    except c.exceptions.NoSuchKey as missing:
        code: str = missing.response["Error"]["Code"]
        print(code)
    except botocore.exceptions.ClientError as err:
        print(err.response["Error"]["Message"], err.operation_name)
        caught: TypedClientError = err  # botocore's ClientError is the package's
        print(caught)
    except NoCredentialsError as nocred:
        print(nocred.kwargs)
    try:
        c.head_bucket(Bucket="b")
    except ClientError as again:
        status = again.response["ResponseMetadata"].get("HTTPStatusCode")
        print(status)


def stubbed() -> None:
    c = boto3.client("s3")
    with Stubber(c) as stubber:
        stubber.add_response("head_bucket", {}, {"Bucket": ANY})
        stubber.assert_no_pending_responses()


def any_stubber(stubber: Stubber) -> None:  # code written for botocore's Stubber
    stubber.add_client_error("head_bucket", "404")
    stubber.activate()


def typed_stubbers() -> None:
    typed = S3Stubber(boto3.client("s3"))
    any_stubber(typed)  # the typed S3Stubber is a botocore Stubber (a subclass at run time too)
    held: Stubber = typed
    typed.add_response("head_bucket", {}, {"Bucket": "b"})
    with S3Stubber(boto3.client("s3")) as entered:
        assert_type(entered, S3Stubber)
    print(held)


class Wrapper:
    """The AWS examples' shape: a resource held as boto3's ServiceResource."""

    def __init__(self, s3_resource: ServiceResource) -> None:
        self.s3_resource = s3_resource

    def head(self, name: str) -> None:
        self.s3_resource.meta.client.head_bucket(Bucket=name)  # meta is typed (not boto3's `meta = None`)
        print(self.s3_resource.meta.service_name)


def resource_bases(thing: object) -> None:
    s3r = boto3.resource("s3")
    Wrapper(s3r)  # a typed service resource is a ServiceResource
    Wrapper(boto3.resource("dynamodb").Table("t"))  # and so is every resource
    base: boto3.resources.base.ServiceResource = s3r.Bucket("b")
    meta: ResourceMeta = s3r.meta
    assert_type(s3r.Bucket("b").meta.client, S3Client)  # a typed resource keeps its typed client
    if isinstance(thing, ServiceResource):
        print(thing.meta.identifiers)
    print(base, meta.data)


async def aio_clients() -> None:
    from aiobotocore.session import get_session

    from aws_typed.s3 import aio

    session = get_session()
    async with session.create_client("s3", region_name="us-east-1") as raw:
        assert_type(raw, aio.S3Client)
        out = await raw.list_objects_v2(Bucket="b")
        print(out.get("Contents", []))
    async with aio.client(session=session) as typed:
        assert_type(typed, aio.S3Client)
