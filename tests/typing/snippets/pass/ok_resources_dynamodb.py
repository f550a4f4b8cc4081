"""dynamodb resources: Python values in and out, Key/Attr condition builders in typed
calls, batch_writer, the Table's waiters and attributes."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from boto3.dynamodb.conditions import Attr, Key  # type: ignore[import-untyped, unused-ignore]

from aws_typed import dynamodb
from aws_typed._types import TableAttributeValueOutputTypeDef, TableAttributeValueTypeDef
from aws_typed.dynamodb.service_resource import Table


def create(res: dynamodb.DynamoDBServiceResource) -> Table:
    table = res.create_table(
        TableName="orders",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    table.wait_until_exists(WaiterConfig={"Delay": 2, "MaxAttempts": 10})
    for found in res.tables.filter(ExclusiveStartTableName="a").limit(5):
        print(found.name, found.table_status, found.item_count)
    return table


def write(table: Table) -> None:
    item: Mapping[str, TableAttributeValueTypeDef] = {
        "pk": "order#1",
        "total": Decimal("42.50"),
        "count": 3,
        "paid": True,
        "note": None,
        "raw": b"\x00",
        "tags": {"a", "b"},
        "lines": [{"sku": "x", "qty": 2}],
    }
    table.put_item(Item=item, ConditionExpression=Attr("pk").not_exists())
    with table.batch_writer(overwrite_by_pkeys=["pk"]) as batch:
        batch.put_item(Item={"pk": "order#2", "total": 1})
        batch.delete_item(Key={"pk": "order#3"})


def read(table: Table) -> list[TableAttributeValueOutputTypeDef]:
    page = table.query(KeyConditionExpression=Key("pk").eq("order#1") & Key("sk").begins_with("2024"))
    text = table.query(KeyConditionExpression="pk = :pk", ExpressionAttributeValues={":pk": "order#1"})
    scanned = table.scan(FilterExpression=Attr("total").gt(10) | Attr("paid").eq(False), Limit=10)
    last = page.get("LastEvaluatedKey")
    if last is not None:
        table.query(KeyConditionExpression=Key("pk").eq("order#1"), ExclusiveStartKey=last)
    got = table.get_item(Key={"pk": "order#1"}, ConsistentRead=True)
    item = got.get("Item", {})
    values: list[TableAttributeValueOutputTypeDef] = [item.get("total")]
    values.extend(i["pk"] for i in text.get("Items", []))
    values.extend(i["pk"] for i in scanned.get("Items", []))
    table.update_item(
        Key={"pk": "order#1"},
        UpdateExpression="SET visits = visits + :one",
        ConditionExpression=Attr("visits").lt(100),
        ExpressionAttributeValues={":one": 1},
    )
    table.delete_item(Key={"pk": "order#1"})
    return values


def service(res: dynamodb.DynamoDBServiceResource) -> None:
    got = res.batch_get_item(RequestItems={"orders": {"Keys": [{"pk": "order#1"}]}})
    rows = got.get("Responses", {}).get("orders", [])
    print(rows)
    res.batch_write_item(RequestItems={"orders": [{"PutRequest": {"Item": {"pk": "x", "n": 1}}}]})
    res.Table("orders").wait_until_not_exists()
