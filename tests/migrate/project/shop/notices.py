"""Notices on sns: a session made on the spot, and a client for a service named at run time."""

from __future__ import annotations

from typing import Any

import boto3
import boto3.session

from .settings import ENDPOINT, REGION


def publish(subject: str, text: str) -> str:
    sns = boto3.session.Session(region_name=REGION).client("sns", endpoint_url=ENDPOINT)
    topic = sns.create_topic(Name="notices").get("TopicArn", "")
    return sns.publish(TopicArn=topic, Subject=subject, Message=text).get("MessageId", "")


def any_client(service: str) -> Any:
    """A client for whatever service the caller names: not typed, left to boto3."""
    return boto3.client(service, region_name=REGION, endpoint_url=ENDPOINT)
