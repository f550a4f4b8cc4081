"""Typed waiters end to end on the moto server: success when the resource is
there, botocore's WaiterError within WaiterConfig's MaxAttempts when not."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import botocore.exceptions
import pytest
from aws_typed import cloudformation, dynamodb, ec2, iam, s3, sqs
from aws_typed._runtime import Waiter
from aws_typed.s3.waiters import BucketExistsWaiter, BucketNotExistsWaiter

pytestmark = pytest.mark.e2e

TypedClientFactory = Callable[..., Any]
FAST = {"Delay": 1, "MaxAttempts": 2}


class CallCounter:
    """Counts API calls of one operation made through a client."""

    def __init__(self, client: Any, operation: str) -> None:
        self.calls = 0
        service_id = client.meta.service_model.service_id.hyphenize()
        client.meta.events.register(f"before-call.{service_id}.{operation}", self._count)

    def _count(self, **_: Any) -> None:
        self.calls += 1


def test_bucket_exists(typed_client: TypedClientFactory) -> None:
    client = typed_client(s3)
    client.create_bucket(Bucket="botoloom-waited")
    waiter = client.get_waiter("bucket_exists")
    assert isinstance(waiter, Waiter) and isinstance(waiter, BucketExistsWaiter)
    assert not isinstance(waiter, BucketNotExistsWaiter)
    assert waiter.name == "BucketExists"
    counter = CallCounter(client, "HeadBucket")
    assert waiter.wait(Bucket="botoloom-waited", WaiterConfig=FAST) is None
    assert counter.calls == 1


def test_bucket_exists_on_missing_bucket_fails_after_max_attempts(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(s3)
    counter = CallCounter(client, "HeadBucket")
    started = time.monotonic()
    with pytest.raises(botocore.exceptions.WaiterError) as info:
        client.get_waiter("bucket_exists").wait(Bucket="botoloom-never", WaiterConfig={"Delay": 0.3, "MaxAttempts": 2})
    elapsed = time.monotonic() - started
    assert counter.calls == 2
    assert 0.3 <= elapsed < 5
    assert "Max attempts exceeded" in str(info.value)
    assert info.value.last_response["ResponseMetadata"]["HTTPStatusCode"] == 404


def test_table_exists(typed_client: TypedClientFactory) -> None:
    client = typed_client(dynamodb)
    client.create_table(
        TableName="waited",
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    client.get_waiter("table_exists").wait(TableName="waited", WaiterConfig=FAST)
    assert client.describe_table(TableName="waited")["Table"]["TableStatus"] == "ACTIVE"


def test_table_exists_on_missing_table_fails_after_max_attempts(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(dynamodb)
    counter = CallCounter(client, "DescribeTable")
    started = time.monotonic()
    with pytest.raises(botocore.exceptions.WaiterError) as info:
        client.get_waiter("table_exists").wait(TableName="missing", WaiterConfig={"Delay": 0.2, "MaxAttempts": 3})
    assert counter.calls == 3
    assert 0.4 <= time.monotonic() - started < 5
    assert info.value.last_response["Error"]["Code"] == "ResourceNotFoundException"
    assert "Max attempts exceeded" in str(info.value)


def test_instance_running_and_terminal_failure(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(ec2)
    reservation = client.run_instances(ImageId="ami-12c6146b", MinCount=3, MaxCount=3)
    ids = [instance["InstanceId"] for instance in reservation["Instances"]]
    client.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig=FAST)
    states = {
        instance["State"]["Name"]
        for r in client.describe_instances(InstanceIds=ids)["Reservations"]
        for instance in r["Instances"]
    }
    assert states == {"running"}

    # A terminated instance is a terminal failure state of InstanceRunning: no retry.
    client.terminate_instances(InstanceIds=ids[:1])
    counter = CallCounter(client, "DescribeInstances")
    with pytest.raises(botocore.exceptions.WaiterError) as info:
        client.get_waiter("instance_running").wait(InstanceIds=ids[:1], WaiterConfig=FAST)
    assert "terminal failure state" in str(info.value)
    assert counter.calls == 1


def test_user_exists(typed_client: TypedClientFactory) -> None:
    client = typed_client(iam)
    client.create_user(UserName="botoloom-user")
    client.get_waiter("user_exists").wait(UserName="botoloom-user", WaiterConfig=FAST)
    counter = CallCounter(client, "GetUser")
    with pytest.raises(botocore.exceptions.WaiterError):
        client.get_waiter("user_exists").wait(UserName="botoloom-nobody", WaiterConfig={"Delay": 0.2, "MaxAttempts": 2})
    assert counter.calls == 2


def test_stack_create_complete(typed_client: TypedClientFactory) -> None:
    client = typed_client(cloudformation)
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "Queue": {
                "Type": "AWS::SQS::Queue",
                "Properties": {"QueueName": "botoloom-stack-queue"},
            }
        },
        "Outputs": {"QueueName": {"Value": {"Fn::GetAtt": ["Queue", "QueueName"]}}},
    }
    stack_id = client.create_stack(StackName="botoloom-stack", TemplateBody=json.dumps(template))["StackId"]
    client.get_waiter("stack_create_complete").wait(StackName="botoloom-stack", WaiterConfig=FAST)
    (stack,) = client.describe_stacks(StackName="botoloom-stack")["Stacks"]
    assert stack["StackId"] == stack_id
    assert stack["StackStatus"] == "CREATE_COMPLETE"
    # The stack really made the queue.
    queues = typed_client(sqs)
    assert queues.get_queue_url(QueueName="botoloom-stack-queue")["QueueUrl"].endswith("/botoloom-stack-queue")
