"""Waiters: typed get_waiter overloads, wait() with operation params and WaiterConfig."""

from __future__ import annotations

from aws_typed import dynamodb, ec2, s3
from aws_typed.s3.waiters import BucketExistsWaiter


def wait_for_bucket(client: s3.S3Client, bucket: str) -> str:
    waiter: BucketExistsWaiter = client.get_waiter("bucket_exists")
    waiter.wait(Bucket=bucket, WaiterConfig={"Delay": 1, "MaxAttempts": 2})
    client.get_waiter("object_exists").wait(
        Bucket=bucket, Key="k", WaiterConfig={"Delay": 5}
    )
    client.get_waiter("object_not_exists").wait(Bucket=bucket, Key="gone")
    return waiter.name


def wait_for_instances(client: ec2.EC2Client, ids: list[str]) -> None:
    client.get_waiter("instance_running").wait(
        InstanceIds=ids,
        Filters=[{"Name": "instance-type", "Values": ["t3.micro"]}],
        WaiterConfig={"MaxAttempts": 40},
    )


def wait_for_table(client: dynamodb.DynamoDBClient, table: str) -> None:
    client.get_waiter("table_exists").wait(
        TableName=table, WaiterConfig={"Delay": 2, "MaxAttempts": 10}
    )
