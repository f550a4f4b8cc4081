"""End to end on the moto server: typed clients for s3, sqs and dynamodb do real
HTTP round trips (to 127.0.0.1 only) and return botocore's parsed responses."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import botocore.exceptions
import pytest
from aws_typed import dynamodb, s3, sqs

pytestmark = pytest.mark.e2e

TypedClientFactory = Callable[..., Any]
BUCKET = "botoloom-e2e"


# --- s3 ------------------------------------------------------------------------


def test_s3_object_round_trip(typed_client: TypedClientFactory, tmp_path: Path) -> None:
    client = typed_client(s3)
    assert isinstance(client, s3.S3Client)
    assert client.meta.endpoint_url.startswith("http://127.0.0.1:")

    created = client.create_bucket(Bucket=BUCKET)
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 200
    head = client.head_bucket(Bucket=BUCKET)
    assert head["ResponseMetadata"]["HTTPStatusCode"] == 200

    client.put_object(Bucket=BUCKET, Key="bytes.txt", Body=b"hello bytes", ContentType="text/plain")
    client.put_object(Bucket=BUCKET, Key="buffer.bin", Body=io.BytesIO(b"\x00\x01\x02 buffer"))
    path = tmp_path / "upload.txt"
    path.write_bytes(b"from a real file\n" * 100)
    with path.open("rb") as handle:
        put = client.put_object(Bucket=BUCKET, Key="dir/file.txt", Body=handle, Metadata={"origin": "file"})
    assert put["ETag"].strip('"')

    got = client.get_object(Bucket=BUCKET, Key="bytes.txt")
    assert got["Body"].read() == b"hello bytes"
    assert got["ContentType"] == "text/plain"
    assert got["ContentLength"] == len(b"hello bytes")
    assert client.get_object(Bucket=BUCKET, Key="buffer.bin")["Body"].read() == b"\x00\x01\x02 buffer"
    file_object = client.get_object(Bucket=BUCKET, Key="dir/file.txt")
    assert file_object["Body"].read() == path.read_bytes()
    assert file_object["Metadata"] == {"origin": "file"}

    listed = client.list_objects_v2(Bucket=BUCKET)
    assert listed["KeyCount"] == 3
    assert [item["Key"] for item in listed["Contents"]] == [
        "buffer.bin",
        "bytes.txt",
        "dir/file.txt",
    ]
    assert {item["Key"]: item["Size"] for item in listed["Contents"]}["dir/file.txt"] == path.stat().st_size
    prefixed = client.list_objects_v2(Bucket=BUCKET, Prefix="dir/", Delimiter="/")
    assert [item["Key"] for item in prefixed["Contents"]] == ["dir/file.txt"]

    deleted = client.delete_object(Bucket=BUCKET, Key="bytes.txt")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]] == [
        "buffer.bin",
        "dir/file.txt",
    ]


def test_s3_missing_key_raises_modeled_exception(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(s3)
    client.create_bucket(Bucket=BUCKET)
    with pytest.raises(client.exceptions.NoSuchKey) as info:
        client.get_object(Bucket=BUCKET, Key="missing")
    assert type(info.value) is client.exceptions.NoSuchKey
    assert isinstance(info.value, botocore.exceptions.ClientError)
    assert info.value.response["Error"]["Code"] == "NoSuchKey"
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    with pytest.raises(client.exceptions.NoSuchBucket):
        client.list_objects_v2(Bucket="botoloom-no-such-bucket")


def test_s3_head_bucket_of_missing_bucket_is_a_client_error(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(s3)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        client.head_bucket(Bucket="botoloom-no-such-bucket")
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404


# --- sqs -----------------------------------------------------------------------


def test_sqs_message_round_trip(typed_client: TypedClientFactory) -> None:
    client = typed_client(sqs)
    assert isinstance(client, sqs.SQSClient)
    url = client.create_queue(QueueName="botoloom-e2e", Attributes={"VisibilityTimeout": "30"})["QueueUrl"]
    assert url.endswith("/botoloom-e2e")
    assert client.get_queue_url(QueueName="botoloom-e2e")["QueueUrl"] == url

    sent = client.send_message(
        QueueUrl=url,
        MessageBody="hello queue",
        MessageAttributes={"kind": {"DataType": "String", "StringValue": "greeting"}},
    )
    assert sent["MessageId"]

    received = client.receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=1,
        WaitTimeSeconds=0,
        MessageAttributeNames=["All"],
    )
    (message,) = received["Messages"]
    assert message["Body"] == "hello queue"
    assert message["MessageId"] == sent["MessageId"]
    assert message["MessageAttributes"]["kind"]["StringValue"] == "greeting"

    client.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
    attributes = client.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert attributes["ApproximateNumberOfMessages"] == "0"
    assert attributes["ApproximateNumberOfMessagesNotVisible"] == "0"
    assert client.receive_message(QueueUrl=url, WaitTimeSeconds=0).get("Messages", []) == []


def test_sqs_missing_queue_raises_queue_does_not_exist(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(sqs)
    with pytest.raises(client.exceptions.QueueDoesNotExist) as info:
        client.get_queue_url(QueueName="botoloom-missing")
    assert type(info.value) is client.exceptions.QueueDoesNotExist
    # The wire code is not the shape name.
    assert info.value.response["Error"]["Code"] == "AWS.SimpleQueueService.NonExistentQueue"


# --- dynamodb --------------------------------------------------------------------

TABLE = "botoloom-e2e"


def _create_table(client: Any) -> None:
    client.create_table(
        TableName=TABLE,
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "N"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )


def test_dynamodb_items_round_trip(typed_client: TypedClientFactory) -> None:
    client = typed_client(dynamodb)
    assert isinstance(client, dynamodb.DynamoDBClient)
    _create_table(client)
    assert client.describe_table(TableName=TABLE)["Table"]["TableStatus"] == "ACTIVE"

    item: dict[str, Any] = {
        "pk": {"S": "user#1"},
        "sk": {"N": "1"},
        "profile": {
            "M": {
                "name": {"S": "Ada"},
                "age": {"N": "36"},
                "languages": {"L": [{"S": "en"}, {"N": "2"}, {"M": {"nested": {"BOOL": True}}}]},
                "avatar": {"B": b"\x89PNG\x00"},
                "nothing": {"NULL": True},
            }
        },
        "tags": {"SS": ["a", "b"]},
    }
    client.put_item(TableName=TABLE, Item=item)
    for sk in range(2, 6):
        client.put_item(
            TableName=TABLE,
            Item={
                "pk": {"S": "user#1"},
                "sk": {"N": str(sk)},
                "n": {"N": str(sk * 10)},
            },
        )
    client.put_item(TableName=TABLE, Item={"pk": {"S": "user#2"}, "sk": {"N": "1"}})

    got = client.get_item(
        TableName=TABLE,
        Key={"pk": {"S": "user#1"}, "sk": {"N": "1"}},
        ConsistentRead=True,
    )
    stored = got["Item"]
    assert stored["profile"] == item["profile"]
    assert sorted(stored["tags"]["SS"]) == ["a", "b"]
    assert stored["profile"]["M"]["avatar"]["B"] == b"\x89PNG\x00"
    assert "Item" not in client.get_item(TableName=TABLE, Key={"pk": {"S": "nobody"}, "sk": {"N": "1"}})

    queried = client.query(
        TableName=TABLE,
        KeyConditionExpression="pk = :pk AND sk >= :min",
        ExpressionAttributeValues={":pk": {"S": "user#1"}, ":min": {"N": "3"}},
        ScanIndexForward=False,
    )
    assert queried["Count"] == 3
    assert [entry["sk"]["N"] for entry in queried["Items"]] == ["5", "4", "3"]

    scanned = client.scan(TableName=TABLE)
    assert scanned["Count"] == 6
    filtered = client.scan(
        TableName=TABLE,
        FilterExpression="#n > :v",
        ExpressionAttributeNames={"#n": "n"},
        ExpressionAttributeValues={":v": {"N": "30"}},
    )
    assert sorted(entry["sk"]["N"] for entry in filtered["Items"]) == ["4", "5"]


def test_dynamodb_missing_table_raises_modeled_exception(
    typed_client: TypedClientFactory,
) -> None:
    client = typed_client(dynamodb)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.describe_table(TableName="botoloom-missing")
