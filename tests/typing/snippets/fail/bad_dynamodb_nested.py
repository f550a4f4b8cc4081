"""DynamoDB: the recursive AttributeValue type is checked all the way down."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import dynamodb


def put(client: dynamodb.DynamoDBClient) -> None:
    client.put_item(TableName="t", Item={"a": {"M": {"b": {"L": [{"N": 5}]}}}})  # E[mypy]: incompatible types (expression has type "int", TypedDict item "N" has type "str")  # E[pyright]: "Literal[5]" is not assignable to "str"
    client.put_item(TableName="t", Item={"a": {"M": {"b": {"M": {"c": {"NS": [1, 2]}}}}}})  # E[mypy]: list item 0 has incompatible type "int"; expected "str"  # E[pyright]: "Literal[1]" is not assignable to "str"
    client.put_item(TableName="t", Item={"a": {"L": [{"M": {"b": {"STR": "x"}}}]}})  # E[mypy]: extra key "STR" for TypedDict "AttributeValueTypeDef"  # E[pyright]: "STR" is an undefined item in type "AttributeValueTypeDef"
    client.put_item(TableName="t", Item={"a": {"M": [{"S": "x"}]}})  # E[mypy]: TypedDict item "M" has type "Mapping[str, AttributeValueTypeDef]"  # E[pyright]: cannot be assigned to parameter "Item"
    client.query(TableName="t", KeyConditionExpression={"pk": "x"})  # E[mypy]: argument "KeyConditionExpression" to "query" of "DynamoDBClient" has incompatible type  # E[pyright]: cannot be assigned to parameter "KeyConditionExpression" of type "str"


def read(client: dynamodb.DynamoDBClient) -> None:
    item = client.get_item(TableName="t", Key={"pk": {"S": "x"}}).get("Item", {})
    blob: str = item["data"].get("B", b"")  # E[mypy]: incompatible types in assignment (expression has type "bytes", variable has type "str")  # E[pyright]: type "bytes" is not assignable to declared type "str"
    count: int = item["n"].get("N", "0")  # E[mypy]: incompatible types in assignment (expression has type "str", variable has type "int")  # E[pyright]: type "str" is not assignable to declared type "int"
    del blob, count
