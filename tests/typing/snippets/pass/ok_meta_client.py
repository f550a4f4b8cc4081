"""meta.client of resources and service resources is the typed client of the service;
dynamodb.conditions builds typed conditions that the resource layer accepts."""

from __future__ import annotations

from decimal import Decimal

from aws_typed import dynamodb, ec2, iam, s3, sqs
from aws_typed._types import TableAttributeValueOutputTypeDef
from aws_typed.dynamodb.conditions import Attr, ConditionBase, ConditionExpressionBuilder, Key
from aws_typed.s3.service_resource import Bucket, Object


def clients(res: s3.S3ServiceResource, bucket: Bucket, obj: Object, table: dynamodb.service_resource.Table) -> None:
    top: s3.S3Client = res.meta.client
    same: s3.S3Client = bucket.meta.client
    head = obj.meta.client.head_object(Bucket=obj.bucket_name, Key=obj.key)
    length: int | None = head.get("ContentLength")
    described = table.meta.client.describe_table(TableName=table.name)
    status = described.get("Table", {}).get("TableStatus")
    print(top, same, length, status, bucket.meta.service_name, bucket.meta.identifiers, bucket.meta.data)


def other_services(instance: ec2.service_resource.Instance, user: iam.service_resource.User, queue: sqs.service_resource.Queue) -> None:
    ec2_client: ec2.EC2Client = instance.meta.client
    iam_client: iam.IAMClient = user.meta.client
    sqs_client: sqs.SQSClient = queue.meta.client
    ec2_client.describe_instances(InstanceIds=[instance.id])
    iam_client.get_user(UserName=user.name)
    sqs_client.get_queue_attributes(QueueUrl=queue.url)


def conditions(table: dynamodb.service_resource.Table) -> None:
    key: ConditionBase = Key("pk").eq("u1") & Key("sk").between("a", "b")
    table.query(KeyConditionExpression=key, FilterExpression=Attr("n").gte(Decimal("1.5")))
    table.scan(FilterExpression=Attr("tags").size().gt(2) | ~Attr("gone").exists() & Attr("x").is_in([1, 2]))
    table.delete_item(Key={"pk": "u1"}, ConditionExpression=Attr("kind").attribute_type("S"))
    built = ConditionExpressionBuilder().build_expression(key, is_key_condition=True)
    table.meta.client.query(
        TableName=table.name,
        KeyConditionExpression=built.condition_expression,
        ExpressionAttributeNames=built.attribute_name_placeholders,
    )


def dynamodb_resource_client(table: dynamodb.service_resource.Table) -> TableAttributeValueOutputTypeDef:
    """A dynamodb resource's client converts values (boto3 registers that on it)."""
    client = table.meta.client
    plain: dynamodb.DynamoDBClient = client  # still a DynamoDBClient for everything else
    resource_client: dynamodb.service_resource.DynamoDBResourceClient = client
    client.put_item(TableName=table.name, Item={"pk": "u1", "n": 1, "tags": {"a"}}, ConditionExpression=Attr("pk").not_exists())
    found = client.query(TableName=table.name, KeyConditionExpression=Key("pk").eq("u1"))
    client.transact_write_items(TransactItems=[{"Put": {"TableName": table.name, "Item": {"pk": "u2", "n": Decimal(2)}}}])
    print(plain.describe_table(TableName=table.name), resource_client, found.get("Count"))
    return client.get_item(TableName=table.name, Key={"pk": "u1"}).get("Item", {}).get("n")
