"""Paginators: typed get_paginator overloads, typed pages and items, build_full_result."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from aws_typed import dynamodb, ec2, iam, s3
from aws_typed.s3.paginators import ListObjectsV2Paginator
from aws_typed.s3.type_defs import ListObjectsV2OutputTypeDef, ObjectTypeDef


def total_size(client: s3.S3Client, bucket: str) -> int:
    paginator: ListObjectsV2Paginator = client.get_paginator("list_objects_v2")
    total = 0
    pages = paginator.paginate(
        Bucket=bucket,
        Prefix="logs/",
        PaginationConfig={"MaxItems": 1000, "PageSize": 100},
    )
    for page in pages:
        for obj in page.get("Contents", []):
            if "Size" in obj:
                size: int = obj["Size"]
                total += size
            modified: datetime | None = obj.get("LastModified")
            del modified
        for common in page.get("CommonPrefixes", []):
            prefix: str = common.get("Prefix", "")
            del prefix
    token: str | None = pages.resume_token
    del token
    return total


def iter_objects(client: s3.S3Client, bucket: str) -> Iterator[ObjectTypeDef]:
    page: ListObjectsV2OutputTypeDef
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        yield from page.get("Contents", [])


def resume(client: s3.S3Client, bucket: str, token: str) -> list[str]:
    full = (
        client.get_paginator("list_objects_v2")
        .paginate(
            Bucket=bucket, PaginationConfig={"StartingToken": token, "MaxItems": 10}
        )
        .build_full_result()
    )
    keys = [o["Key"] for o in full.get("Contents", []) if "Key" in o]
    next_token: str | None = full.get("NextToken")
    if next_token is not None:
        keys.append(next_token)
    return keys


def old_api(client: s3.S3Client, bucket: str) -> int:
    count = 0
    for page in client.get_paginator("list_objects").paginate(Bucket=bucket):
        count += len(page.get("Contents", []))
    return count


def instance_ids(client: ec2.EC2Client) -> list[str]:
    ids: list[str] = []
    paginator = client.get_paginator("describe_instances")
    for page in paginator.paginate(Filters=[{"Name": "tag:env", "Values": ["prod"]}]):
        for reservation in page.get("Reservations", []):
            ids.extend(
                i["InstanceId"]
                for i in reservation.get("Instances", [])
                if "InstanceId" in i
            )
    return ids


def user_names(client: iam.IAMClient) -> list[str]:
    names: list[str] = []
    for page in client.get_paginator("list_users").paginate(PathPrefix="/"):
        for user in page["Users"]:
            name: str = user["UserName"]
            created: datetime = user["CreateDate"]
            del created
            names.append(name)
    return names


def query_all(client: dynamodb.DynamoDBClient, table: str) -> int:
    full = (
        client.get_paginator("query")
        .paginate(
            TableName=table,
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": {"S": "x"}},
        )
        .build_full_result()
    )
    return len(full.get("Items", []))
