"""build_full_result() is what botocore's paginate.py builds: page-only keys are not in it,
non-aggregated keys may be None (tests/runtime/test_full_result_snippets.py shows each
line fail at run time with an empty bucket stubbed)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3


def full(client: s3.S3Client) -> None:
    result = client.get_paginator("list_objects_v2").paginate(Bucket="b").build_full_result()
    result["KeyCount"]  # E[mypy]: TypedDict "ListObjectsV2OutputFullResultTypeDef" has no key "KeyCount"  # E[pyright]: "KeyCount" is not a defined key in "ListObjectsV2OutputFullResultTypeDef"
    result["IsTruncated"]  # E[mypy]: has no key "IsTruncated"  # E[pyright]: "IsTruncated" is not a defined key
    charged: str = result["RequestCharged"]  # E[mypy]: incompatible types in assignment (expression has type "Literal['requester'] | None", variable has type "str")  # E[pyright]: is not assignable to declared type "str"
    print(charged, result["Prefix"].upper())  # E[mypy]: item "None" of "str | None" has no attribute "upper"  # E[pyright]: "upper" is not a known attribute of "None"
