"""Resource-style code over s3, dynamodb, ec2 and sqs: buckets, tables, instances, queues."""

from __future__ import annotations

from aws_typed import dynamodb, ec2, s3, sqs
from aws_typed.dynamodb.conditions import Attr, Key

REGION = "eu-west-1"


def buckets(storage: s3.S3ServiceResource, prefix: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for bucket in storage.buckets.all():
        if bucket.name.startswith(prefix):
            sizes[bucket.name] = sum(obj.size or 0 for obj in bucket.objects.filter(Prefix="logs/").limit(100))
    return sizes


def upload(storage: s3.S3ServiceResource, name: str, key: str, data: bytes) -> str:
    obj = storage.Bucket(name).Object(key)
    obj.put(Body=data, ContentType="application/octet-stream")
    obj.wait_until_exists()
    return obj.e_tag or ""


def table_items(db: dynamodb.DynamoDBServiceResource, name: str, day: str) -> list[str]:
    table = db.Table(name)
    found = table.query(
        KeyConditionExpression=Key("day").eq(day),
        FilterExpression=Attr("total").gt(10),
    )
    out = [str(item["pk"]) for item in found.get("Items", [])]
    with table.batch_writer() as batch:
        batch.put_item(Item={"pk": f"seen#{day}", "count": len(out)})
    return out


def stop_tagged(compute: ec2.EC2ServiceResource, environment: str) -> list[str]:
    stopped: list[str] = []
    instances = compute.instances.filter(Filters=[{"Name": "tag:env", "Values": [environment]}])
    for instance in instances:
        if (instance.state or {}).get("Name") == "running":
            instance.stop()
            instance.wait_until_stopped()
            stopped.append(instance.id)
    return stopped


def volumes(compute: ec2.EC2ServiceResource) -> int:
    return sum(volume.size or 0 for volume in compute.volumes.all() if volume.encrypted)


def queue_depths(queues: sqs.SQSServiceResource) -> dict[str, str]:
    depths: dict[str, str] = {}
    for queue in queues.queues.filter(QueueNamePrefix="jobs-"):
        depths[queue.url] = (queue.attributes or {}).get("ApproximateNumberOfMessages", "0")
    return depths


def main() -> None:
    print(buckets(s3.resource(region_name=REGION), "logs-"))
    print(table_items(dynamodb.resource(region_name=REGION), "orders", "2026-12-02"))
    print(stop_tagged(ec2.resource(region_name=REGION), "dev"), volumes(ec2.resource(region_name=REGION)))
    print(queue_depths(sqs.resource(region_name=REGION)))
