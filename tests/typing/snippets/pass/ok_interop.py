"""Typed and raw boto3 objects mix (issue #27): a function annotated with the typed client
takes boto3's client, and a function written for boto3's client takes the typed one; at run
time they are one object (tests/runtime/test_interop.py).

mypy reads boto3 and botocore as untyped (Any) and accepts both directions. pyright, pyrefly
and ty infer types from boto3's and botocore's source: there `boto3.client()` is not S3Client
(pyright) and S3Client is no subclass of botocore's BaseClient, until botoloom's boto3 stubs
(issue #30) give both the same type. `S3Client(boto3.client("s3"))` (the object itself, typed) passes in
every checker."""

from __future__ import annotations

import boto3  # type: ignore[import-untyped, unused-ignore]
import boto3.session  # type: ignore[import-untyped, unused-ignore]
import botocore.client  # type: ignore[import-untyped, unused-ignore]
from aws_typed import s3
from aws_typed.s3.client import S3Client

# fmt: off


def typed_api(client: S3Client) -> int:
    return len(client.list_buckets().get("Buckets", []))


def boto3_api(client: botocore.client.BaseClient) -> str:
    region: str = client.meta.region_name
    return region


def main() -> None:
    typed_api(boto3.client("s3"))  # WRONG[pyright]: cannot be assigned -- pyright infers boto3.client() from boto3's source; issue #30's stubs make it S3Client
    typed_api(S3Client(boto3.client("s3")))
    boto3_api(s3.client())  # WRONG[pyright]: cannot be assigned -- read from botocore's source, S3Client is no subclass of its BaseClient (issue #30)  # WRONG[pyrefly]: not assignable -- read from botocore's source, S3Client is no subclass of its BaseClient (issue #30)  # WRONG[ty]: incorrect -- read from botocore's source, S3Client is no subclass of its BaseClient (issue #30)
    session_client: S3Client = boto3.session.Session().client("s3")  # WRONG[pyright]: is not assignable -- pyright infers Session.client() from boto3's source; issue #30's stubs make it S3Client
    typed_api(session_client)
