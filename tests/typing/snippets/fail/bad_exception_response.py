"""Modeled errors carry a typed ClientError response."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3


def read(client: s3.S3Client) -> int:
    try:
        client.get_object(Bucket="b", Key="k")
    except client.exceptions.NoSuchKey as e:
        code: int = e.response["Error"]["Code"]  # E[mypy]: incompatible types in assignment (expression has type "str", variable has type "int")  # E[pyright]: type "str" is not assignable to declared type "int"
        print(e.response["Error"]["Cod"])  # E[mypy]: TypedDict "ErrorTypeDef" has no key "Cod"  # E[pyright]: "Cod" is not a defined key in "ErrorTypeDef"
    return 0
