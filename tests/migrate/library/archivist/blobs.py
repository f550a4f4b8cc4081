"""Documents in S3: an optional client parameter, else one made here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3
from botocore.exceptions import ClientError
from botocore.response import StreamingBody

from .settings import ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def make_s3_client(boto3_session: boto3.Session | None = None) -> S3Client:
    session = boto3_session or boto3.Session()
    return session.client("s3", region_name=REGION, endpoint_url=ENDPOINT)


def put_blob(bucket: str, key: str, data: bytes, s3_client: S3Client | None = None) -> str:
    client = s3_client or boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
    return client.put_object(Bucket=bucket, Key=key, Body=data).get("ETag", "")


def read_blob(bucket: str, key: str, s3_client: S3Client | None = None) -> bytes | None:
    """The document's bytes; None when there is no such key."""
    client = s3_client or boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
    try:
        response = client.get_object(Bucket=bucket, Key=key)
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "NoSuchKey":
            return None
        raise
    body: StreamingBody = response["Body"]
    return body.read()
