"""Timestamps in every form botocore's validator and serialisers read (parse_to_aware_datetime):
a datetime, a string, an int or float epoch; tests/unit/test_exact_inputs.py sends these
through botocore's validator and serialiser."""

from __future__ import annotations

from datetime import datetime

from aws_typed import cloudwatch, dynamodb, s3


def epochs(storage: s3.S3Client, metrics: cloudwatch.CloudWatchClient, table: dynamodb.DynamoDBClient) -> None:
    storage.get_object(Bucket="b", Key="k", ResponseExpires=1.5, IfModifiedSince=1700000000)
    storage.get_object(Bucket="b", Key="k", IfUnmodifiedSince="1700000000")
    metrics.get_metric_statistics(
        Namespace="n", MetricName="m", StartTime=0, EndTime=1.7e9, Period=60, Statistics=["Sum"]
    )
    table.list_backups(TimeRangeLowerBound=1700000000, TimeRangeUpperBound=datetime.now())
    url: str = storage.generate_presigned_url(
        "get_object", Params={"Bucket": "b", "Key": "k", "ResponseExpires": 1.5}, ExpiresIn=60
    )
    del url
