"""Removing old documents: a session made inline, a paginator."""

from __future__ import annotations

import boto3

from .settings import ENDPOINT, REGION


def sweep(bucket: str, prefix: str, session: boto3.Session | None = None) -> int:
    """Delete every document under `prefix`; how many there were."""
    s3 = (session or boto3.Session()).client("s3", region_name=REGION, endpoint_url=ENDPOINT)
    removed = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item.get("Key", ""))
            removed += 1
    return removed
