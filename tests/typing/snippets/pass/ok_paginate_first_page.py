"""paginate() takes every member of the operation's request: botocore's paginator sends the
input tokens on the first request (StartingToken overrides them) and the limit key on every
one (PageSize overrides it); tests/unit/test_exact_inputs.py sends these through botocore."""

from __future__ import annotations

from aws_typed import dynamodb, ec2, iam, s3


def first_pages(
    storage: s3.S3Client, identity: iam.IAMClient, compute: ec2.EC2Client, table: dynamodb.DynamoDBClient
) -> None:
    for page in storage.get_paginator("list_objects_v2").paginate(Bucket="b", ContinuationToken="t", MaxKeys=10):
        del page
    for users in identity.get_paginator("list_users").paginate(Marker="m", MaxItems=10):
        del users
    for reservations in compute.get_paginator("describe_instances").paginate(NextToken="t", MaxResults=5):
        del reservations
    for items in table.get_paginator("scan").paginate(TableName="t", ExclusiveStartKey={"pk": {"S": "a"}}, Limit=5):
        del items
