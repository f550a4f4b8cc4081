"""meta.client of typed resources and service resources is the typed client of the
service: boto3's own (same connection, same config), on the moto server; for
dynamodb the resource client, since boto3 converts values on a resource's client; and
aws_typed.dynamodb.conditions builds conditions that boto3's resource layer and the
typed client take."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import boto3.dynamodb.conditions
import pytest
from aws_typed import dynamodb, s3, sqs
from aws_typed._resources import ResourceMeta
from aws_typed.dynamodb.conditions import Attr, ConditionExpressionBuilder, Key
from aws_typed.dynamodb.service_resource import DynamoDBResourceClient

pytestmark = pytest.mark.e2e

ResourceFactory = Callable[..., Any]


def test_s3_meta_client_is_the_typed_client(typed_resource: ResourceFactory) -> None:
    res: s3.S3ServiceResource = typed_resource(s3)
    bucket = res.create_bucket(Bucket="botoloom-meta")
    obj = bucket.put_object(Key="a/1.txt", Body=b"hello")
    for owner in (res, bucket, obj):
        client = owner.meta.client
        assert isinstance(client, s3.S3Client)
        assert client is owner.meta.client  # boto3's own client, the same each time
        assert isinstance(owner.meta, ResourceMeta) and type(owner.meta).__module__ == "boto3.resources.base"
    head = obj.meta.client.head_object(Bucket="botoloom-meta", Key="a/1.txt")
    assert head["ContentLength"] == 5
    assert [o["Key"] for o in bucket.meta.client.list_objects_v2(Bucket="botoloom-meta")["Contents"]] == ["a/1.txt"]
    assert obj.meta.service_name == "s3" and obj.meta.identifiers == ["bucket_name", "key"]
    assert obj.meta.data is None
    obj.load()
    assert obj.meta.data is not None and obj.meta.data["ContentLength"] == 5
    assert obj.meta.resource_model.name == "Object"
    assert res.meta.client.meta.endpoint_url == obj.meta.client.meta.endpoint_url


def test_sqs_queue_meta_client(typed_resource: ResourceFactory) -> None:
    res: sqs.SQSServiceResource = typed_resource(sqs)
    queue = res.create_queue(QueueName="botoloom-meta")
    client = queue.meta.client
    assert isinstance(client, sqs.SQSClient)
    client.send_message(QueueUrl=queue.url, MessageBody="m")
    attrs = client.get_queue_attributes(QueueUrl=queue.url, AttributeNames=["ApproximateNumberOfMessages"])
    assert attrs["Attributes"]["ApproximateNumberOfMessages"] == "1"


def test_dynamodb_meta_client_and_typed_conditions(
    typed_resource: ResourceFactory, typed_client: ResourceFactory
) -> None:
    res: dynamodb.DynamoDBServiceResource = typed_resource(dynamodb)
    table = res.create_table(
        TableName="botoloom-meta",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    client = table.meta.client
    assert isinstance(client, DynamoDBResourceClient) and isinstance(res.meta.client, DynamoDBResourceClient)
    assert isinstance(client, dynamodb.DynamoDBClient) and client is table.meta.client
    assert client.describe_table(TableName="botoloom-meta")["Table"]["TableName"] == "botoloom-meta"
    # boto3 converts on the resource's client: Python values in and out, as the types say
    client.put_item(
        TableName="botoloom-meta", Item={"pk": "c", "sk": 1, "tags": {"x"}}, ConditionExpression=Attr("pk").not_exists()
    )
    assert client.get_item(TableName="botoloom-meta", Key={"pk": "c", "sk": 1})["Item"] == {
        "pk": "c",
        "sk": Decimal(1),
        "tags": {"x"},
    }
    assert client.query(TableName="botoloom-meta", KeyConditionExpression=Key("pk").eq("c"))["Count"] == 1
    client.delete_item(TableName="botoloom-meta", Key={"pk": "c", "sk": 1})
    for i in range(6):
        table.put_item(Item={"pk": "u", "sk": i, "n": Decimal(i) / 2, "tags": {"a"} if i % 2 else {"a", "b"}})

    assert Key is boto3.dynamodb.conditions.Key and Attr is boto3.dynamodb.conditions.Attr  # boto3's own
    found = table.query(
        KeyConditionExpression=Key("pk").eq("u") & Key("sk").between(1, 4), FilterExpression=Attr("tags").size().gt(1)
    )
    assert [item["sk"] for item in found["Items"]] == [2, 4]
    mixed = table.scan(FilterExpression=boto3.dynamodb.conditions.Attr("n").gte(Decimal(2)) & ~Attr("gone").exists())
    assert sorted(item["sk"] for item in mixed["Items"]) == [4, 5]

    assert [
        item["sk"] for item in table.query(KeyConditionExpression=Key("pk").eq("u") & Key("sk").lt(2))["Items"]
    ] == [0, 1]
    # A plain client takes AttributeValues: the builder gives it text and placeholders.
    plain: dynamodb.DynamoDBClient = typed_client(dynamodb)
    built = ConditionExpressionBuilder().build_expression(Key("pk").eq("u") & Key("sk").lt(2), is_key_condition=True)
    values = {
        k: {"S": v} if isinstance(v, str) else {"N": str(v)} for k, v in built.attribute_value_placeholders.items()
    }
    raw = plain.query(
        TableName="botoloom-meta",
        KeyConditionExpression=built.condition_expression,
        ExpressionAttributeNames=built.attribute_name_placeholders,
        ExpressionAttributeValues=values,
    )
    assert [item["sk"] for item in raw["Items"]] == [{"N": "0"}, {"N": "1"}]
