"""Exceptions: client.exceptions.X are typed ClientError subclasses with a typed response."""

from __future__ import annotations

from aws_typed import ClientError, dynamodb, s3


def read_or_none(client: s3.S3Client, bucket: str, key: str) -> bytes | None:
    try:
        return client.get_object(Bucket=bucket, Key=key)["Body"].read()
    except client.exceptions.NoSuchKey as e:
        code: str = e.response["Error"]["Code"]
        message: str = e.response["Error"]["Message"]
        status: int = e.response["ResponseMetadata"]["HTTPStatusCode"]
        op: str = e.operation_name
        print(code, message, status, op)
        return None
    except (client.exceptions.NoSuchBucket, client.exceptions.InvalidObjectState):
        return None


def create(client: s3.S3Client, bucket: str) -> bool:
    try:
        client.create_bucket(Bucket=bucket)
    except client.exceptions.BucketAlreadyOwnedByYou:
        return False
    except ClientError as e:
        if e.response["Error"]["Code"] == "AccessDenied":
            return False
        raise
    return True


def put_once(client: dynamodb.DynamoDBClient, table: str) -> bool:
    exc_type: type[ClientError] = client.exceptions.ConditionalCheckFailedException
    try:
        client.put_item(
            TableName=table,
            Item={"pk": {"S": "x"}},
            ConditionExpression="attribute_not_exists(pk)",
        )
    except exc_type as e:
        assert isinstance(e, ClientError)
        return False
    return True
