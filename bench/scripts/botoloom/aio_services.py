"""An async user script over s3, ec2, dynamodb and sqs (botoloom's aio modules)."""

from __future__ import annotations

import asyncio

from aws_typed.dynamodb import aio as dynamodb
from aws_typed.ec2 import aio as ec2
from aws_typed.s3 import aio as s3
from aws_typed.sqs import aio as sqs


async def sizes(client: s3.S3Client, bucket: str) -> dict[str, int]:
    found: dict[str, int] = {}
    async for page in client.get_paginator("list_objects_v2").paginate(
        Bucket=bucket, PaginationConfig={"PageSize": 100}
    ):
        for obj in page.get("Contents", []):
            found[obj.get("Key", "")] = obj.get("Size", 0)
    return found


async def copy_text(client: s3.S3Client, bucket: str, key: str) -> str:
    got = await client.get_object(Bucket=bucket, Key=key)
    text = (await got["Body"].read()).decode()
    await client.put_object(
        Bucket=bucket, Key=key + ".copy", Body=text.encode(), ContentType=got.get("ContentType", "text/plain")
    )
    await client.get_waiter("object_exists").wait(Bucket=bucket, Key=key + ".copy", WaiterConfig={"Delay": 1})
    return text


async def running(client: ec2.EC2Client) -> list[str]:
    ids: list[str] = []
    pages = client.get_paginator("describe_instances").paginate(
        Filters=[{"Name": "instance-state-name", "Values": ["running"]}]
    )
    async for page in pages:
        for reservation in page.get("Reservations", []):
            ids += [i["InstanceId"] for i in reservation.get("Instances", []) if "InstanceId" in i]
    full = await client.get_paginator("describe_vpcs").paginate().build_full_result()
    print(len(full.get("Vpcs", [])))
    return ids


async def counts(client: dynamodb.DynamoDBClient, table: str) -> int:
    await client.get_waiter("table_exists").wait(TableName=table)
    item = await client.get_item(TableName=table, Key={"pk": {"S": "counter"}})
    value = item.get("Item", {}).get("n", {}).get("N", "0")
    result = await client.query(
        TableName=table, KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": {"S": "a"}}
    )
    try:
        await client.put_item(TableName=table, Item={"pk": {"S": "a"}}, ConditionExpression="attribute_not_exists(pk)")
    except client.exceptions.ConditionalCheckFailedException as exc:
        print(exc.response.get("Error", {}).get("Message", ""))
    return int(value) + result.get("Count", 0)


async def drain(client: sqs.SQSClient, name: str) -> list[str]:
    url = (await client.get_queue_url(QueueName=name)).get("QueueUrl", "")
    bodies: list[str] = []
    while True:
        got = await client.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        messages = got.get("Messages", [])
        if not messages:
            return bodies
        for message in messages:
            bodies.append(message.get("Body", ""))
            await client.delete_message(QueueUrl=url, ReceiptHandle=message.get("ReceiptHandle", ""))


async def main() -> None:
    async with s3.client(region_name="us-east-1") as s3c, ec2.client(region_name="us-east-1") as ec2c:
        print(await sizes(s3c, "b"), await copy_text(s3c, "b", "k"), await running(ec2c))
    async with dynamodb.client() as ddb, sqs.client() as queue:
        print(await counts(ddb, "t"), await drain(queue, "q"))


if __name__ == "__main__":
    asyncio.run(main())
