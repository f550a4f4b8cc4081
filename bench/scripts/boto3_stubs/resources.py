"""Resource-style code over s3, dynamodb, ec2 and sqs: buckets, tables, instances, queues."""

from __future__ import annotations

import boto3
from boto3.dynamodb.conditions import Attr, Key
from mypy_boto3_dynamodb import DynamoDBServiceResource
from mypy_boto3_ec2 import EC2ServiceResource
from mypy_boto3_s3 import S3ServiceResource
from mypy_boto3_sqs import SQSServiceResource

REGION = "eu-west-1"


def buckets(storage: S3ServiceResource, prefix: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for bucket in storage.buckets.all():
        if bucket.name.startswith(prefix):
            sizes[bucket.name] = sum(obj.size or 0 for obj in bucket.objects.filter(Prefix="logs/").limit(100))
    return sizes


def upload(storage: S3ServiceResource, name: str, key: str, data: bytes) -> str:
    obj = storage.Bucket(name).Object(key)
    obj.put(Body=data, ContentType="application/octet-stream")
    obj.wait_until_exists()
    return obj.e_tag or ""


def table_items(db: DynamoDBServiceResource, name: str, day: str) -> list[str]:
    table = db.Table(name)
    found = table.query(
        KeyConditionExpression=Key("day").eq(day),
        FilterExpression=Attr("total").gt(10),
    )
    out = [str(item["pk"]) for item in found.get("Items", [])]
    with table.batch_writer() as batch:
        batch.put_item(Item={"pk": f"seen#{day}", "count": len(out)})
    return out


def stop_tagged(compute: EC2ServiceResource, environment: str) -> list[str]:
    stopped: list[str] = []
    instances = compute.instances.filter(Filters=[{"Name": "tag:env", "Values": [environment]}])
    for instance in instances:
        if (instance.state or {}).get("Name") == "running":
            instance.stop()
            instance.wait_until_stopped()
            stopped.append(instance.id)
    return stopped


def volumes(compute: EC2ServiceResource) -> int:
    return sum(volume.size or 0 for volume in compute.volumes.all() if volume.encrypted)


def queue_depths(queues: SQSServiceResource) -> dict[str, str]:
    depths: dict[str, str] = {}
    for queue in queues.queues.filter(QueueNamePrefix="jobs-"):
        depths[queue.url] = (queue.attributes or {}).get("ApproximateNumberOfMessages", "0")
    return depths


def main() -> None:
    print(buckets(boto3.resource("s3", region_name=REGION), "logs-"))
    print(table_items(boto3.resource("dynamodb", region_name=REGION), "orders", "2026-12-02"))
    print(
        stop_tagged(boto3.resource("ec2", region_name=REGION), "dev"),
        volumes(boto3.resource("ec2", region_name=REGION)),
    )
    print(queue_depths(boto3.resource("sqs", region_name=REGION)))
