"""Unchanged boto3 code under botoloom's boto3 stubs: the typed classes' mistakes, on boto3's
own spelling, and the names boto3 and botocore do not have."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError, NoCredentialError  # E[mypy]: module "botocore.exceptions" has no attribute "NoCredentialError"  # E[pyright]: "NoCredentialError" is unknown import symbol

from aws_typed.sqs.client import SQSClient

c = boto3.client("s3")
c.put_object(Buckett="b", Key="k", Body=b"x")  # E[mypy]: unexpected keyword argument "Buckett"  # E[pyright]: no parameter named "Buckett"
c.get_object(Key="k")  # E[mypy]: missing named argument "Bucket"  # E[pyright]: argument missing for parameter "Bucket"
c.list_objects_v2(Bucket="b", MaxKeys="10")  # E[mypy]: argument "MaxKeys" to "list_objects_v2" of "S3Client" has incompatible type "str"  # E[pyright]: cannot be assigned to parameter "MaxKeys"
c.list_object_v3(Bucket="b")  # E[mypy]: "S3Client" has no attribute "list_object_v3"  # E[pyright]: cannot access attribute "list_object_v3"
boto3.client("s4")  # E[mypy]: argument 1 to "client" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "client"  # MISS[pyrefly]: pyrefly 1.5 widens a Literal of more than about 256 strings to str (the last overload: the botocore services not generated)
q: SQSClient = boto3.client("s3")  # E[mypy]: incompatible types in assignment  # E[pyright]: "S3Client" is not assignable to declared type "SQSClient"
boto3.session.Session().client("sqs").get_queue_url(QueueNam="q")  # E[mypy]: unexpected keyword argument "QueueNam"  # E[pyright]: no parameter named "QueueNam"
c.get_paginator("list_objects_v3")  # E[mypy]: argument 1 to "__call__" of "_GetPaginator" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
c.get_paginator("list_objects_v2").paginate(Bucket=1)  # E[mypy]: argument "Bucket" to "paginate" of "ListObjectsV2Paginator" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Bucket"
c.get_waiter("bucket_exist")  # E[mypy]: argument 1 to "__call__" of "_GetWaiter" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
c.get_waiter("bucket_exists").wait(Bucket="b", WaiterConfig={"Delay": "1"})  # E[mypy]: TypedDict item "Delay" has type "int"  # E[pyright]: is not assignable to
bucket = boto3.resource("s3").Bucket("b")
boto3.resource("s3").Bukcet("b")  # E[mypy]: "S3ServiceResource" has no attribute "Bukcet"  # E[pyright]: cannot access attribute "Bukcet"
n: int = bucket.name  # E[mypy]: expression has type "str", variable has type "int"  # E[pyright]: type "str" is not assignable to declared type "int"
bucket.objects.filter(Prefix=3)  # E[mypy]: argument "Prefix" to "filter" of "BucketObjectsCollectionManager" has incompatible type "int"  # E[pyright]: cannot be assigned to parameter "Prefix" of type "str"
for summary in bucket.objects.all():
    summary.content_type  # E[mypy]: "ObjectSummary" has no attribute "content_type"  # E[pyright]: cannot access attribute "content_type" for class "ObjectSummary"
try:
    c.get_object(Bucket="b", Key="k")
except c.exceptions.NoSuchKy:  # E[mypy]: "S3Exceptions" has no attribute "NoSuchKy"  # E[pyright]: cannot access attribute "NoSuchKy"
    pass
except ClientError as err:
    code: int = err.response["Error"]["Code"]  # E[mypy]: expression has type "str", variable has type "int"  # E[pyright]: type "str" is not assignable to declared type "int"
    err.response["Error"]["Cod"]  # E[mypy]: TypedDict "ErrorTypeDef" has no key "Cod"  # E[pyright]: "Cod" is not a defined key in "ErrorTypeDef"
Config(regoin_name="x")  # E[mypy]: unexpected keyword argument "regoin_name" for "Config"  # E[pyright]: no parameter named "regoin_name"
from boto3.dynamodb.conditions import Key
boto3.resource("dynamodb").Table("t").query(KeyConditionExpression=Key("n").eq(1.5))  # E[mypy]: argument 1 to "eq" of "AttributeBase" has incompatible type "float"  # E[pyright]: "float" is not assignable
import aiobotocore.session
aiobotocore.session.get_session().create_client("s4")  # E[mypy]: no overload variant of "create_client"  # E[pyright]: no overloads for "create_client"  # MISS[pyrefly]: pyrefly 1.5 widens a Literal of more than about 256 strings to str (the last overload: the botocore services not generated)
async def aio_mistake() -> None:
    async with aiobotocore.session.get_session().create_client("s3") as raw:
        await raw.list_objects_v2(Buckett="b")  # E[mypy]: unexpected keyword argument "Buckett"  # E[pyright]: no parameter named "Buckett"
from boto3.resources.base import ServiceResource
from botocore.stub import Stubber
from aws_typed.s3.stubber import S3Stubber
def takes_resource(r: ServiceResource) -> None:
    r.meta.servce_name  # E[mypy]: "ResourceMeta[Any]" has no attribute "servce_name"  # E[pyright]: cannot access attribute "servce_name"
takes_resource(boto3.client("s3"))  # E[mypy]: argument 1 to "takes_resource" has incompatible type "S3Client"  # E[pyright]: "S3Client" is not assignable to "BaseResource[Any]"
def takes_stubber(stubber: Stubber) -> None:
    stubber.add_respons("head_bucket", {})  # E[mypy]: "BaseStubber" has no attribute "add_respons"  # E[pyright]: cannot access attribute "add_respons"
typed_stubber: Stubber = S3Stubber(boto3.client("s3"))
S3Stubber(boto3.client("s3")).add_response("head_bucket", {"Nope": 1})  # E[mypy]: argument 2 to "add_response" of "S3Stubber"  # E[pyright]: no overloads for "add_response"
