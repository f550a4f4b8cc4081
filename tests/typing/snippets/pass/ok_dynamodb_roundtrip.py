"""DynamoDB: feed what the service returned back into the next request.

The canonical manual pagination loop passes LastEvaluatedKey (an output map) as
ExclusiveStartKey (an input map), and copying an item means passing get_item's
Item to put_item.  Output values must be accepted where the same shape is input.
"""


from __future__ import annotations

from aws_typed import dynamodb


def count_all(client: dynamodb.DynamoDBClient, table: str) -> int:
    count = 0
    resp = client.scan(TableName=table)
    count += resp.get("Count", 0)
    while "LastEvaluatedKey" in resp:
        resp = client.scan(TableName=table, ExclusiveStartKey=resp["LastEvaluatedKey"])
        count += resp.get("Count", 0)
    return count


def copy_item(client: dynamodb.DynamoDBClient, source: str, target: str) -> None:
    item = client.get_item(TableName=source, Key={"pk": {"S": "x"}}).get("Item")
    if item is not None:
        client.put_item(TableName=target, Item=item)
