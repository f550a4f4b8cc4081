"""The drop-in entry module: `from aws_typed import boto3`, then boto3's own calls, typed."""

from __future__ import annotations

from aws_typed import boto3
from aws_typed.dynamodb import DynamoDBClient
from aws_typed.s3 import S3Client, S3ServiceResource
from aws_typed.sqs import SQSClient


def clients() -> tuple[S3Client, SQSClient, DynamoDBClient]:
    s3 = boto3.client("s3", region_name="us-east-1")
    sqs = boto3.client("sqs", endpoint_url="http://127.0.0.1:5000")
    session = boto3.Session(region_name="eu-west-1", profile_name="default")
    return s3, sqs, session.client("dynamodb")


def resources(session: boto3.Session) -> S3ServiceResource:
    for bucket in session.resource("s3").buckets.all():
        print(bucket.name)
    return boto3.resource("s3")


def listing(s3: S3Client) -> list[str]:
    return [o["Key"] for o in s3.list_objects_v2(Bucket="b").get("Contents", []) if "Key" in o]


def session_methods(session: boto3.Session) -> str | None:
    credentials = session.get_credentials()
    if credentials is not None:
        frozen = credentials.get_frozen_credentials()
        print(frozen.access_key, frozen.token)
    regions: list[str] = session.get_available_regions("s3")
    print(regions, session.profile_name, session.available_profiles)
    return session.region_name


def by_name(name: boto3.ClientServiceName) -> None:
    boto3.client(name).close()


def errors() -> None:
    try:
        boto3.client("sqs").get_queue_url(QueueName="q")
    except boto3.ClientError as error:
        print(error.response["Error"]["Code"])
