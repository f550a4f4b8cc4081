"""The index in DynamoDB: a session parameter, conditions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3.session
from boto3.dynamodb.conditions import Attr, Key

from .settings import ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_dynamodb.service_resource import Table


def open_table(name: str, boto3_session: boto3.session.Session | None = None) -> Table:
    session = boto3_session or boto3.session.Session()
    return session.resource("dynamodb", region_name=REGION, endpoint_url=ENDPOINT).Table(name)


def record(table: Table, shelf: str, key: str, size: int) -> None:
    table.put_item(Item={"shelf": shelf, "key": key, "size": size})


def keys_on(table: Table, shelf: str, larger_than: int = 0) -> list[str]:
    """The keys on a shelf, of documents larger than `larger_than` bytes."""
    found = table.query(KeyConditionExpression=Key("shelf").eq(shelf), FilterExpression=Attr("size").gt(larger_than))
    return sorted(str(item["key"]) for item in found.get("Items", []))
