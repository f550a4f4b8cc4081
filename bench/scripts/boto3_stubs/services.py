"""A small ops script over s3, ec2, dynamodb and sqs: clients, paginators, waiters, resources."""

from __future__ import annotations

import boto3
from mypy_boto3_dynamodb import DynamoDBClient
from mypy_boto3_ec2 import EC2Client
from mypy_boto3_ec2.type_defs import FilterTypeDef
from mypy_boto3_s3 import S3Client
from mypy_boto3_sqs import SQSClient

REGION = "eu-west-1"


def make_clients() -> tuple[S3Client, EC2Client, DynamoDBClient, SQSClient]:
    return (
        boto3.client("s3", region_name=REGION),
        boto3.client("ec2", region_name=REGION),
        boto3.client("dynamodb", region_name=REGION),
        boto3.client("sqs", region_name=REGION),
    )


def archive_reports(storage: S3Client, bucket: str, prefix: str) -> int:
    storage.create_bucket(
        Bucket=bucket,
        CreateBucketConfiguration={"LocationConstraint": "eu-west-1"},
    )
    storage.get_waiter("bucket_exists").wait(Bucket=bucket, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    storage.put_object(Bucket=bucket, Key=f"{prefix}/latest.txt", Body=b"ok", ACL="private")
    total = 0
    for page in storage.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            total += obj.get("Size", 0)
    body = storage.get_object(Bucket=bucket, Key=f"{prefix}/latest.txt")["Body"].read()
    return total + len(body)


def running_instances(compute: EC2Client, environment: str) -> list[str]:
    ids: list[str] = []
    paginator = compute.get_paginator("describe_instances")
    filters: list[FilterTypeDef] = [
        {"Name": "tag:env", "Values": [environment]},
        {"Name": "instance-state-name", "Values": ["running"]},
    ]
    for page in paginator.paginate(Filters=filters):
        for reservation in page.get("Reservations", []):
            for instance in reservation.get("Instances", []):
                if "InstanceId" in instance:
                    ids.append(instance["InstanceId"])
    return ids


def launch(compute: EC2Client, image_id: str) -> str:
    reservation = compute.run_instances(
        ImageId=image_id,
        InstanceType="t3.micro",
        MinCount=1,
        MaxCount=1,
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "env", "Value": "bench"}]}],
    )
    instances = reservation.get("Instances", [])
    instance_id = instances[0].get("InstanceId", "") if instances else ""
    compute.get_waiter("instance_running").wait(InstanceIds=[instance_id])
    vpcs = compute.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])
    for vpc in vpcs.get("Vpcs", []):
        print(vpc.get("VpcId"), vpc.get("CidrBlock"))
    return instance_id


def store_orders(table: DynamoDBClient, name: str) -> int:
    table.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    table.get_waiter("table_exists").wait(TableName=name)
    for n in range(3):
        table.put_item(TableName=name, Item={"pk": {"S": "order"}, "sk": {"N": str(n)}, "paid": {"BOOL": n % 2 == 0}})
    item = table.get_item(TableName=name, Key={"pk": {"S": "order"}, "sk": {"N": "0"}}).get("Item", {})
    count = 1 if "paid" in item else 0
    pages = table.get_paginator("query").paginate(
        TableName=name,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": "order"}},
    )
    for page in pages:
        count += page.get("Count", 0)
    return count


def drain(queue: SQSClient, name: str) -> list[str]:
    url = queue.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "30"}).get("QueueUrl", "")
    queue.send_message(QueueUrl=url, MessageBody="hello", DelaySeconds=0)
    assert queue.get_queue_url(QueueName=name).get("QueueUrl", "") == url
    bodies: list[str] = []
    response = queue.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
    for message in response.get("Messages", []):
        bodies.append(message.get("Body", ""))
        if "ReceiptHandle" in message:
            queue.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    for page in queue.get_paginator("list_queues").paginate(QueueNamePrefix="bench"):
        bodies.extend(page.get("QueueUrls", []))
    return bodies


def tidy_with_resources(bucket_name: str, table_name: str) -> int:
    bucket = boto3.resource("s3", region_name=REGION).Bucket(bucket_name)
    total = sum(obj.size or 0 for obj in bucket.objects.filter(Prefix="reports/"))
    table = boto3.resource("dynamodb", region_name=REGION).Table(table_name)
    table.put_item(Item={"pk": "order", "sk": 99, "paid": True})
    queue = boto3.resource("sqs", region_name=REGION).get_queue_by_name(QueueName="bench-queue")
    queue.send_message(MessageBody=str(total))
    return total + (table.item_count or 0)


def main() -> None:
    storage, compute, table, queue = make_clients()
    print(archive_reports(storage, "botoloom-bench", "reports"))
    print(running_instances(compute, "bench"), launch(compute, "ami-12345678"))
    print(store_orders(table, "orders"), drain(queue, "bench-queue"))
    print(tidy_with_resources("botoloom-bench", "orders"))


if __name__ == "__main__":
    main()
