"""A serverless worker over dynamodb, sqs and lambda clients: items, queues, invocations."""

from __future__ import annotations

import json

from aws_typed import dynamodb, lambda_, sqs
from aws_typed.dynamodb.type_defs import AttributeValueTypeDef

REGION = "eu-west-1"


def clients() -> tuple[dynamodb.DynamoDBClient, sqs.SQSClient, lambda_.LambdaClient]:
    return dynamodb.client(region_name=REGION), sqs.client(region_name=REGION), lambda_.client(region_name=REGION)


def save_order(table: dynamodb.DynamoDBClient, order_id: str, total: int, tags: list[str]) -> None:
    item: dict[str, AttributeValueTypeDef] = {
        "pk": {"S": f"order#{order_id}"},
        "total": {"N": str(total)},
        "tags": {"SS": tags},
        "lines": {"L": [{"M": {"sku": {"S": "a-1"}, "qty": {"N": "2"}}}]},
    }
    table.put_item(TableName="orders", Item=item, ConditionExpression="attribute_not_exists(pk)")


def load_order(table: dynamodb.DynamoDBClient, order_id: str) -> int:
    found = table.get_item(TableName="orders", Key={"pk": {"S": f"order#{order_id}"}}, ConsistentRead=True)
    total = found.get("Item", {}).get("total", {}).get("N", "0")
    return int(total)


def recent_orders(table: dynamodb.DynamoDBClient, day: str) -> list[str]:
    out: list[str] = []
    for page in table.get_paginator("query").paginate(
        TableName="orders",
        IndexName="by-day",
        KeyConditionExpression="#d = :d",
        ExpressionAttributeNames={"#d": "day"},
        ExpressionAttributeValues={":d": {"S": day}},
    ):
        for item in page.get("Items", []):
            out.append(item["pk"].get("S", ""))
    return out


def drain(queue: sqs.SQSClient, url: str, worker: lambda_.LambdaClient) -> int:
    handled = 0
    messages = queue.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
    for message in messages:
        payload = json.dumps({"body": message.get("Body", "")}).encode()
        result = worker.invoke(FunctionName="handler", InvocationType="RequestResponse", Payload=payload)
        if result.get("StatusCode") == 200 and "FunctionError" not in result:
            queue.delete_message(QueueUrl=url, ReceiptHandle=message.get("ReceiptHandle", ""))
            handled += 1
    return handled


def functions(worker: lambda_.LambdaClient) -> dict[str, str]:
    names: dict[str, str] = {}
    for page in worker.get_paginator("list_functions").paginate():
        for fn in page.get("Functions", []):
            names[fn.get("FunctionName", "")] = fn.get("Runtime", "unknown")
    return names
