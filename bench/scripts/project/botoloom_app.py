"""A small service over six AWS services (bench/project.py): botoloom's typed package."""

from __future__ import annotations

import json

from aws_typed import dynamodb, ec2, lambda_, s3, sqs, sts
from aws_typed.dynamodb.conditions import Key

REGION = "eu-west-1"


def account() -> str:
    return sts.client(region_name=REGION).get_caller_identity().get("Account", "")


def archive(bucket: str, key: str, body: bytes) -> int:
    storage = s3.client(region_name=REGION)
    storage.put_object(Bucket=bucket, Key=key, Body=body, ContentType="text/plain")
    total = 0
    for page in storage.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=key):
        total += sum(obj.get("Size", 0) for obj in page.get("Contents", []))
    return total


def bucket_names(prefix: str) -> list[str]:
    return [b.name for b in s3.resource(region_name=REGION).buckets.all() if b.name.startswith(prefix)]


def enqueue(queue_url: str, payload: dict[str, str]) -> str:
    sent = sqs.client(region_name=REGION).send_message(QueueUrl=queue_url, MessageBody=json.dumps(payload))
    return sent.get("MessageId", "")


def orders(day: str) -> list[str]:
    table = dynamodb.resource(region_name=REGION).Table("orders")
    found = table.query(KeyConditionExpression=Key("day").eq(day), Limit=50)
    return [str(item["pk"]) for item in found.get("Items", [])]


def running(environment: str) -> list[str]:
    ids: list[str] = []
    pages = ec2.client(region_name=REGION).get_paginator("describe_instances")
    for page in pages.paginate(Filters=[{"Name": "tag:env", "Values": [environment]}]):
        for reservation in page.get("Reservations", []):
            ids += [i["InstanceId"] for i in reservation.get("Instances", []) if "InstanceId" in i]
    return ids


def invoke(name: str, event: dict[str, str]) -> int:
    result = lambda_.client(region_name=REGION).invoke(FunctionName=name, Payload=json.dumps(event).encode())
    return result.get("StatusCode", 0)
