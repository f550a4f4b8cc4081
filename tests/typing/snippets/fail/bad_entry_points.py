"""The drop-in entry module: unknown services, services without resources, wrong arguments."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import boto3
from aws_typed.s3 import S3Client


def wrong(name: str) -> None:
    boto3.client("kinesys")  # E[mypy]: argument 1 to "client" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "client" match
    boto3.client(name)  # E[mypy]: argument 1 to "client" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "client" match
    boto3.resource("lambda")  # E[mypy]: argument 1 to "resource" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "resource" match
    boto3.client("s3", regoin_name="us-east-1")  # E[mypy]: unexpected keyword argument "regoin_name"  # E[pyright]: no overloads for "client" match  # MISS[ty]: ty does not check **kwargs: Unpack[TypedDict] against overloads
    sqs: S3Client = boto3.client("sqs")  # E[mypy]: incompatible types in assignment  # E[pyright]: is not assignable to declared type "S3Client"
    boto3.Session().client("s3").list_objects_v2(Bucket=1)  # E[mypy]: incompatible type "int"; expected "str"  # E[pyright]: "Literal[1]" is not assignable to "str"


def credentials(session: boto3.Session) -> str:
    return session.get_credentials().access_key  # E[mypy]: item "None" of "Credentials | None" has no attribute "access_key"  # E[pyright]: "access_key" is not a known attribute of "None"
