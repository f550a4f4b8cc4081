"""A release job over six services, resources and clients mixed: s3, ec2, dynamodb, sqs, sns, lambda."""

from __future__ import annotations

import json

import boto3
from boto3.dynamodb.conditions import Attr, Key
from mypy_boto3_dynamodb import DynamoDBServiceResource
from mypy_boto3_ec2 import EC2Client, EC2ServiceResource
from mypy_boto3_ec2.type_defs import FilterTypeDef
from mypy_boto3_lambda import LambdaClient
from mypy_boto3_s3 import S3Client, S3ServiceResource
from mypy_boto3_sns import SNSServiceResource
from mypy_boto3_sqs import SQSClient, SQSServiceResource

REGION = "eu-west-1"


def upload_artifacts(storage: S3ServiceResource, bucket_name: str, files: dict[str, bytes]) -> list[str]:
    bucket = storage.Bucket(bucket_name)
    keys: list[str] = []
    for name, data in sorted(files.items()):
        obj = bucket.Object(f"releases/{name}")
        obj.put(Body=data, ContentType="application/zip", Metadata={"release": name})
        obj.wait_until_exists()
        keys.append(obj.key)
    return keys


def artifact_sizes(storage: S3ServiceResource, bucket_name: str) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for summary in storage.Bucket(bucket_name).objects.filter(Prefix="releases/").page_size(100):
        sizes[summary.key] = summary.size or 0
    return sizes


def presign(client: S3Client, bucket_name: str, keys: list[str]) -> dict[str, str]:
    links = {
        key: client.generate_presigned_url("get_object", Params={"Bucket": bucket_name, "Key": key}) for key in keys
    }
    listed = client.list_objects_v2(Bucket=bucket_name, Prefix="releases/", MaxKeys=50)
    for item in listed.get("Contents", []):
        links.setdefault(item.get("Key", ""), "")
    return links


def record_release(db: DynamoDBServiceResource, table_name: str, version: str, keys: list[str]) -> int:
    table = db.Table(table_name)
    table.put_item(Item={"pk": "release", "sk": version, "keys": keys, "count": len(keys)})
    found = table.query(KeyConditionExpression=Key("pk").eq("release"), FilterExpression=Attr("count").gt(0))
    with table.batch_writer() as batch:
        for key in keys:
            batch.put_item(Item={"pk": f"artifact#{version}", "sk": key})
    updated = table.update_item(
        Key={"pk": "release", "sk": version},
        UpdateExpression="SET published = :yes",
        ExpressionAttributeValues={":yes": True},
        ReturnValues="ALL_NEW",
    )
    return len(found.get("Items", [])) + len(updated.get("Attributes", {}))


def previous_versions(db: DynamoDBServiceResource, table_name: str) -> list[str]:
    table = db.Table(table_name)
    pages = table.scan(ProjectionExpression="sk", Limit=25)
    return sorted(str(item["sk"]) for item in pages.get("Items", []) if "sk" in item)


def fleet(compute: EC2ServiceResource, environment: str) -> list[str]:
    filters: list[FilterTypeDef] = [
        {"Name": "tag:env", "Values": [environment]},
        {"Name": "instance-state-name", "Values": ["running", "stopped"]},
    ]
    ids: list[str] = []
    for instance in compute.instances.filter(Filters=filters):
        if (instance.instance_type or "").startswith("t3"):
            ids.append(instance.id)
    return ids


def roll(compute: EC2ServiceResource, client: EC2Client, ids: list[str], image_id: str) -> list[str]:
    started: list[str] = []
    for instance_id in ids:
        instance = compute.Instance(instance_id)
        instance.stop()
        instance.wait_until_stopped()
        instance.create_tags(Tags=[{"Key": "image", "Value": image_id}])
    created = compute.create_instances(ImageId=image_id, InstanceType="t3.micro", MinCount=1, MaxCount=len(ids) or 1)
    for instance in created:
        started.append(instance.id)
    client.get_waiter("instance_running").wait(InstanceIds=started, WaiterConfig={"Delay": 5})
    for page in client.get_paginator("describe_instances").paginate(InstanceIds=started):
        for reservation in page.get("Reservations", []):
            started += [i.get("InstanceId", "") for i in reservation.get("Instances", [])]
    return started


def volumes_in_use(compute: EC2ServiceResource) -> int:
    return sum(volume.size or 0 for volume in compute.volumes.all() if volume.state == "in-use")


def notify(queues: SQSServiceResource, client: SQSClient, version: str, ids: list[str]) -> int:
    queue = queues.get_queue_by_name(QueueName="releases")
    sent = queue.send_message(MessageBody=json.dumps({"version": version, "instances": ids}))
    batch = queue.send_messages(Entries=[{"Id": str(n), "MessageBody": i} for n, i in enumerate(ids)])
    received = client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    for message in received.get("Messages", []):
        if "ReceiptHandle" in message:
            client.delete_message(QueueUrl=queue.url, ReceiptHandle=message["ReceiptHandle"])
    depth = int((queue.attributes or {}).get("ApproximateNumberOfMessages", "0"))
    return depth + len(batch.get("Successful", [])) + (1 if sent.get("MessageId") else 0)


def announce(topics: SNSServiceResource, topic_arn: str, version: str) -> str:
    topic = topics.Topic(topic_arn)
    for subscription in topic.subscriptions.all():
        print(subscription.arn, (subscription.attributes or {}).get("Protocol", ""))
    published = topic.publish(Message=f"release {version}", Subject="release")
    return published.get("MessageId", "")


def smoke_test(functions: LambdaClient, name: str, version: str) -> bool:
    result = functions.invoke(FunctionName=name, Payload=json.dumps({"version": version}).encode())
    config = functions.get_function_configuration(FunctionName=name)
    for page in functions.get_paginator("list_versions_by_function").paginate(FunctionName=name):
        for fn in page.get("Versions", []):
            print(fn.get("Version"), fn.get("LastModified"))
    return result.get("StatusCode", 0) == 200 and config.get("State") == "Active"


def release(version: str, files: dict[str, bytes]) -> None:
    storage = boto3.resource("s3", region_name=REGION)
    keys = upload_artifacts(storage, "releases-bucket", files)
    print(
        artifact_sizes(storage, "releases-bucket"),
        presign(boto3.client("s3", region_name=REGION), "releases-bucket", keys),
    )
    db = boto3.resource("dynamodb", region_name=REGION)
    print(record_release(db, "releases", version, keys), previous_versions(db, "releases"))
    compute = boto3.resource("ec2", region_name=REGION)
    ids = roll(compute, boto3.client("ec2", region_name=REGION), fleet(compute, "prod"), "ami-12345678")
    print(volumes_in_use(compute))
    print(notify(boto3.resource("sqs", region_name=REGION), boto3.client("sqs", region_name=REGION), version, ids))
    print(announce(boto3.resource("sns", region_name=REGION), "arn:aws:sns:eu-west-1:123456789012:releases", version))
    if not smoke_test(boto3.client("lambda", region_name=REGION), "release-smoke", version):
        raise SystemExit(f"release {version}: smoke test failed")


if __name__ == "__main__":
    release("2026.12.1", {"app.zip": b"PK", "web.zip": b"PK"})
