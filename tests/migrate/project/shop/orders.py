"""Orders on sqs: a session, a client from it, the stubs imported at run time."""

from __future__ import annotations

import json

import boto3
from mypy_boto3_sqs import SQSClient
from mypy_boto3_sqs.type_defs import MessageTypeDef

from .settings import ENDPOINT, REGION

session = boto3.Session(region_name=REGION)


def queue_client() -> SQSClient:
    sqs = session.client("sqs", endpoint_url=ENDPOINT)
    return sqs


def create_queue(sqs: SQSClient, name: str) -> str:
    return sqs.create_queue(QueueName=name).get("QueueUrl", "")


def place(sqs: SQSClient, queue_url: str, order: dict[str, int]) -> None:
    sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(order, sort_keys=True))


def take_all(sqs: SQSClient, queue_url: str) -> list[dict[str, int]]:
    messages: list[MessageTypeDef] = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
    orders = []
    for message in messages:
        orders.append(json.loads(message.get("Body", "{}")))
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message.get("ReceiptHandle", ""))
    return orders
