"""The README's examples, as a user project writes them: clean under mypy --strict and
pyright with no setting (the one boto3 import is the README's documented exception)."""

from __future__ import annotations

# README "mypy --strict in your project": code importing boto3 itself needs types-boto3 or
# the ignore_missing_imports override; this file stands for that setting.
import boto3  # type: ignore[import-untyped, unused-ignore]

from aws_typed import ClientError, dynamodb, ec2, s3
from aws_typed.dynamodb.conditions import Attr, Key


def quickstart() -> bytes:
    client = s3.client(region_name="eu-west-1")
    client.create_bucket(
        Bucket="my-bucket",
        CreateBucketConfiguration={"LocationConstraint": "eu-west-1"},
    )
    client.put_object(Bucket="my-bucket", Key="a/1.txt", Body=b"hello")

    resp = client.list_objects_v2(Bucket="my-bucket", Prefix="a/")
    for obj in resp.get("Contents", []):
        print(obj.get("Key"), obj.get("Size"))

    body = client.get_object(Bucket="my-bucket", Key="a/1.txt")["Body"].read()

    for page in client.get_paginator("list_objects_v2").paginate(Bucket="my-bucket"):
        for obj in page.get("Contents", []):
            print(obj)

    client.get_waiter("bucket_exists").wait(Bucket="my-bucket", WaiterConfig={"Delay": 1})

    try:
        client.get_object(Bucket="my-bucket", Key="missing")
    except client.exceptions.NoSuchKey as err:
        print(err.response["Error"]["Code"])
    return body


def resources() -> None:
    bucket = s3.resource().Bucket("my-bucket")
    for page in bucket.objects.filter(Prefix="a/").page_size(100).pages():
        for summary in page:
            print(summary.key, summary.size)
    bucket.objects.filter(Prefix="tmp/").delete()
    bucket.upload_file("local.txt", "a/1.txt")

    table = dynamodb.resource().Table("users")
    with table.batch_writer() as batch:
        batch.put_item(Item={"pk": "u1", "age": 42})
    table.query(KeyConditionExpression=Key("pk").eq("u1"), FilterExpression=Attr("age").gt(40))
    table.meta.client.describe_table(TableName="users")

    for instance in ec2.resource().instances.filter(Filters=[{"Name": "tag:env", "Values": ["dev"]}]):
        instance.wait_until_running(WaiterConfig={"Delay": 5})


def wrap() -> None:
    client = s3.S3Client(boto3.client("s3"))
    print(client.meta.region_name)  # boto3's client itself, typed
    client = s3.client(session=boto3.Session(profile_name="dev"))

    try:
        client.head_bucket(Bucket="my-bucket")
    except ClientError as err:
        print(err.response["Error"]["Code"])
