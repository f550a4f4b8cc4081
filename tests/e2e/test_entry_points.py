"""The drop-in entry module `aws_typed.boto3` on the moto server (127.0.0.1): the same calls
as boto3's own client(), resource() and Session, returning boto3's own objects (instances of
the typed classes)."""

from __future__ import annotations

import boto3 as real_boto3
import botocore.client
import botocore.exceptions
import pytest
from aws_typed import boto3, dynamodb, lambda_, s3, sqs

pytestmark = pytest.mark.e2e


def test_client_and_resource_are_the_typed_classes(moto_reset: str) -> None:
    client = boto3.client("s3", endpoint_url=moto_reset, region_name="us-east-1")
    assert isinstance(client, s3.S3Client) and isinstance(client, botocore.client.BaseClient)
    client.create_bucket(Bucket="entry")
    resource = boto3.resource("s3", endpoint_url=moto_reset, region_name="us-east-1")
    assert isinstance(resource, s3.S3ServiceResource) and not isinstance(resource, sqs.SQSServiceResource)
    assert [b.name for b in resource.buckets.all()] == ["entry"]
    assert isinstance(boto3.client("lambda", endpoint_url=moto_reset), lambda_.LambdaClient)


def test_session_client_and_resource(moto_reset: str) -> None:
    session = boto3.Session(region_name="eu-west-1")
    assert type(session) is real_boto3.session.Session and isinstance(session, boto3.Session)
    assert session.region_name == "eu-west-1"
    queue = session.client("sqs", endpoint_url=moto_reset).create_queue(QueueName="q")
    assert queue["QueueUrl"].endswith("/q")
    resource = session.resource("sqs", endpoint_url=moto_reset)
    assert isinstance(resource, sqs.SQSServiceResource)
    assert [q.url for q in resource.queues.all()] == [queue["QueueUrl"]]
    assert resource.meta.client.meta.region_name == "eu-west-1"

    raw = real_boto3.session.Session(region_name="us-west-2")
    assert isinstance(raw, boto3.Session)  # boto3's own session is the typed Session
    table = raw.client("dynamodb", endpoint_url=moto_reset)
    assert isinstance(table, dynamodb.DynamoDBClient) and not isinstance(table, sqs.SQSClient)
    assert table.list_tables()["TableNames"] == []
    assert not isinstance(object(), boto3.Session)


def test_session_methods_are_boto3s() -> None:
    session = boto3.Session(region_name="us-east-1", aws_access_key_id="AK", aws_secret_access_key="SK")
    raw = real_boto3.session.Session(region_name="us-east-1", aws_access_key_id="AK", aws_secret_access_key="SK")
    credentials = session.get_credentials()
    assert credentials is not None and credentials.access_key == "AK"
    assert credentials.get_frozen_credentials() == ("AK", "SK", None, None)
    assert session.get_available_services() == raw.get_available_services()
    assert session.get_available_resources() == raw.get_available_resources()
    assert session.get_available_partitions() == raw.get_available_partitions()
    assert session.get_available_regions("s3") == raw.get_available_regions("s3")
    assert session.get_partition_for_region("cn-north-1") == "aws-cn"
    assert session.profile_name == raw.profile_name
    assert session.available_profiles == raw.available_profiles
    assert isinstance(session.events, type(raw.events))


def test_default_session_is_boto3s(moto_reset: str) -> None:
    boto3.setup_default_session(region_name="ap-south-1")
    try:
        assert real_boto3.DEFAULT_SESSION is not None
        assert boto3.client("sqs", endpoint_url=moto_reset).meta.region_name == "ap-south-1"
    finally:
        real_boto3.DEFAULT_SESSION = None


@pytest.mark.parametrize("name", ["kinesis", "no-such-service", 3, None])
def test_a_service_that_was_not_generated(name: object) -> None:
    with pytest.raises(boto3.ServiceNotGeneratedError, match="was not generated into aws_typed") as caught:
        boto3.client(name)  # type: ignore[call-overload]
    assert isinstance(caught.value, botocore.exceptions.UnknownServiceError)
    assert "s3" in str(caught.value)
    # a Session is boto3's own: it raises boto3's error for a service without resources
    with pytest.raises(real_boto3.exceptions.ResourceNotExistsError):
        boto3.Session(region_name="us-east-1").resource("lambda")  # type: ignore[call-overload]


def test_modeled_errors_through_the_entry_client(moto_reset: str) -> None:
    client = boto3.client("sqs", endpoint_url=moto_reset)
    with pytest.raises(client.exceptions.QueueDoesNotExist) as caught:
        client.get_queue_url(QueueName="missing")
    assert isinstance(caught.value, boto3.ClientError)
    assert caught.value.response["Error"]["Code"]
