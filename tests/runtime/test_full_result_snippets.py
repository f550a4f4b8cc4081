"""Every line of tests/typing/snippets/fail/bad_full_result.py fails at run time: an empty
bucket's listing (as S3 sends it: KeyCount, IsTruncated, no Contents) stubbed through the
typed Stubber, build_full_result() has no page-only keys and None for the
non-aggregated ones."""

from __future__ import annotations

import boto3
import pytest
from aws_typed import s3
from aws_typed.s3.stubber import S3Stubber


def test_full_result_of_an_empty_bucket() -> None:
    client = s3.S3Client(boto3.session.Session().client("s3", region_name="us-east-1"))
    with S3Stubber(client) as stubber:
        stubber.add_response(
            "list_objects_v2", {"KeyCount": 0, "IsTruncated": False, "MaxKeys": 1000, "Name": "b"}, {"Bucket": "b"}
        )
        result = client.get_paginator("list_objects_v2").paginate(Bucket="b").build_full_result()
    assert result == {"Prefix": None, "RequestCharged": None}
    with pytest.raises(KeyError):
        result["KeyCount"]  # type: ignore[typeddict-item]
    with pytest.raises(KeyError):
        result["IsTruncated"]  # type: ignore[typeddict-item]
    assert not isinstance(result["RequestCharged"], str)
    with pytest.raises(AttributeError):
        result["Prefix"].upper()  # type: ignore[union-attr]
