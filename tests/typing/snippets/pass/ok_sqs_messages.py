"""SQS: create_queue, send_message, receive_message iterating Messages."""

from __future__ import annotations

import json

from aws_typed import sqs
from aws_typed.sqs.service_resource import Queue


def make_queue(client: sqs.SQSClient, name: str) -> str:
    resp = client.create_queue(
        QueueName=name,
        Attributes={"VisibilityTimeout": "30", "FifoQueue": "false"},
        tags={"team": "core"},
    )
    return resp.get("QueueUrl", "")


def publish(client: sqs.SQSClient, url: str, event: dict[str, int]) -> str | None:
    resp = client.send_message(
        QueueUrl=url,
        MessageBody=json.dumps(event),
        DelaySeconds=5,
        MessageAttributes={"kind": {"DataType": "String", "StringValue": "event"}},
    )
    return resp.get("MessageId")


def drain(client: sqs.SQSClient, url: str) -> list[str]:
    bodies: list[str] = []
    resp = client.receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=10,
        WaitTimeSeconds=20,
        MessageAttributeNames=["All"],
        MessageSystemAttributeNames=["ApproximateReceiveCount"],
    )
    for message in resp.get("Messages", []):
        bodies.append(message.get("Body", ""))
        received = message.get("Attributes", {}).get("ApproximateReceiveCount", "0")
        assert int(received) >= 0
        attr = message.get("MessageAttributes", {}).get("kind")
        if attr is not None:
            kind: str | None = attr.get("StringValue")
            del kind
        if "ReceiptHandle" in message:
            client.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    return bodies


def main() -> None:
    client = sqs.client(region_name="us-east-1")
    url = make_queue(client, "jobs")
    publish(client, url, {"id": 1})
    print(drain(client, url))


def receive_with_system_attributes(client: sqs.SQSClient, queue: Queue, url: str) -> None:
    # ReceiveMessage's (deprecated) AttributeNames takes the message system attribute names too:
    # SQS documents and answers them there, botocore's model lists only queue attribute names.
    client.receive_message(QueueUrl=url, AttributeNames=["SentTimestamp", "All"], MessageAttributeNames=["All"])
    queue.receive_messages(AttributeNames=["ApproximateReceiveCount"], WaitTimeSeconds=1)
