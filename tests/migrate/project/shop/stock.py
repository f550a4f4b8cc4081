"""Stock in dynamodb, through boto3's resource layer."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from boto3 import resource
from boto3.dynamodb.conditions import Key
from botocore.exceptions import ClientError

from .settings import ENDPOINT, REGION

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBServiceResource
    from mypy_boto3_dynamodb.service_resource import Table

TABLE = "stock"


def database() -> DynamoDBServiceResource:
    return resource("dynamodb", region_name=REGION, endpoint_url=ENDPOINT)


def create_table(db: DynamoDBServiceResource) -> Table:
    table = db.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "sku", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "sku", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    table.wait_until_exists(WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    return table


def put(table: Table, sku: str, count: int) -> None:
    table.put_item(Item={"sku": sku, "count": count})


def count(table: Table, sku: str) -> int:
    item = table.get_item(Key={"sku": sku}).get("Item", {})
    value = item.get("count", 0)
    return int(value) if isinstance(value, (int, Decimal)) else 0


def matching(table: Table, sku: str) -> int:
    """How many items have this sku (a query with a key condition)."""
    return len(table.query(KeyConditionExpression=Key("sku").eq(sku)).get("Items", []))


def count_in(db: DynamoDBServiceResource, name: str, sku: str) -> int | None:
    """The count in table `name`; None when there is no such table."""
    try:
        item = db.Table(name).get_item(Key={"sku": sku}).get("Item", {})
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "ResourceNotFoundException":
            return None
        raise
    value = item.get("count", 0)
    return int(value) if isinstance(value, (int, Decimal)) else 0
