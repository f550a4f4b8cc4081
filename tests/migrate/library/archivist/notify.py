"""A message on SQS for each document: boto3 is imported only when a message is sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .settings import ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient


def announce(queue_url: str, message: str, sqs_client: SQSClient | None = None) -> str:
    # importing boto3 inside the function for cold-start performance
    import boto3

    client = sqs_client or boto3.client("sqs", region_name=REGION, endpoint_url=ENDPOINT)
    return client.send_message(QueueUrl=queue_url, MessageBody=message).get("MessageId", "")
