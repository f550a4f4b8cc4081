"""DynamoDB: nested AttributeValue maps (M and L recursion), get_item, query."""

from __future__ import annotations

from collections.abc import Mapping

from aws_typed import dynamodb
from aws_typed.dynamodb.type_defs import (
    AttributeValueOutputTypeDef,
    AttributeValueTypeDef,
)


def save_order(client: dynamodb.DynamoDBClient, table: str) -> None:
    client.put_item(
        TableName=table,
        Item={
            "pk": {"S": "order#1"},
            "sk": {"S": "2024-01-01"},
            "total": {"N": "42.50"},
            "paid": {"BOOL": True},
            "note": {"NULL": True},
            "raw": {"B": b"\x00\x01"},
            "tags": {"SS": ["a", "b"]},
            "customer": {
                "M": {
                    "name": {"S": "Ada"},
                    "address": {
                        "M": {
                            "city": {"S": "London"},
                            "lines": {"L": [{"S": "1 Main St"}, {"N": "2"}]},
                        }
                    },
                }
            },
            "lines": {
                "L": [
                    {"M": {"sku": {"S": "X1"}, "qty": {"N": "2"}}},
                    {"L": [{"N": "1"}, {"L": [{"BOOL": False}]}]},
                ]
            },
        },
        ConditionExpression="attribute_not_exists(pk)",
        ReturnValues="ALL_OLD",
    )


def plain(value: AttributeValueOutputTypeDef) -> object:
    """Convert a DynamoDB output value into plain Python, recursively."""
    if "S" in value:
        s: str = value["S"]
        return s
    if "N" in value:
        return float(value["N"])
    if "B" in value:
        b: bytes = value["B"]
        return b
    if "M" in value:
        return {k: plain(v) for k, v in value["M"].items()}
    if "L" in value:
        return [plain(v) for v in value["L"]]
    return value.get("BOOL")


def load_order(client: dynamodb.DynamoDBClient, table: str) -> dict[str, object] | None:
    key: Mapping[str, AttributeValueTypeDef] = {
        "pk": {"S": "order#1"},
        "sk": {"S": "2024-01-01"},
    }
    resp = client.get_item(TableName=table, Key=key, ConsistentRead=True)
    item = resp.get("Item")
    if item is None:
        return None
    customer = item["customer"].get("M", {})
    city = customer["address"].get("M", {}).get("city", {}).get("S", "")
    for line in item["lines"].get("L", []):
        qty: str | None = line.get("M", {}).get("qty", {}).get("N")
        nested: list[AttributeValueOutputTypeDef] = line.get("L", [])
        del qty, nested
    assert isinstance(city, str)
    return {name: plain(value) for name, value in item.items()}


def orders_since(client: dynamodb.DynamoDBClient, table: str, day: str) -> int:
    resp = client.query(
        TableName=table,
        KeyConditionExpression="pk = :pk AND sk >= :day",
        ExpressionAttributeValues={":pk": {"S": "order#1"}, ":day": {"S": day}},
        ExpressionAttributeNames={"#t": "total"},
        ProjectionExpression="pk, sk, #t",
        ScanIndexForward=False,
        Limit=25,
    )
    count: int = resp.get("Count", 0)
    for item in resp.get("Items", []):
        total = item.get("total", {}).get("N")
        if total is not None:
            count += int(float(total))
    return count


def main() -> None:
    client = dynamodb.client(region_name="us-east-1")
    save_order(client, "orders")
    print(load_order(client, "orders"), orders_since(client, "orders", "2024"))
