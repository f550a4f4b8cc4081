"""archivist's own tests: on a moto server (ARCHIVIST_AWS_ENDPOINT, on 127.0.0.1), with
botocore's Stubber, with `mock.patch("boto3.client")` and `create_autospec`."""

from __future__ import annotations

import io
import itertools
import os
from unittest import mock

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

import archivist
from archivist import catalog, notify, sweep

REGION = "us-east-1"
ENDPOINT = os.environ.get("ARCHIVIST_AWS_ENDPOINT", "")
NAMES = itertools.count()
on_moto = pytest.mark.skipif(not ENDPOINT.startswith("http://127.0.0.1:"), reason="no moto server")


@pytest.fixture
def bucket() -> str:
    name = f"docs-{os.getpid()}-{next(NAMES)}"
    boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT).create_bucket(Bucket=name)
    return name


@pytest.fixture
def table_name() -> str:
    boto3.resource("dynamodb", region_name=REGION, endpoint_url=ENDPOINT).create_table(
        TableName=(name := f"index-{os.getpid()}-{next(NAMES)}"),
        KeySchema=[{"AttributeName": "shelf", "KeyType": "HASH"}, {"AttributeName": "key", "KeyType": "RANGE"}],
        AttributeDefinitions=[
            {"AttributeName": "shelf", "AttributeType": "S"},
            {"AttributeName": "key", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    return name


@pytest.fixture
def queue_url() -> str:
    sqs = boto3.client("sqs", region_name=REGION, endpoint_url=ENDPOINT)
    return str(sqs.create_queue(QueueName=f"announcements-{os.getpid()}-{next(NAMES)}")["QueueUrl"])


@on_moto
def test_moto_blobs(bucket: str) -> None:
    assert archivist.put_blob(bucket, "a.txt", b"alpha").startswith('"')
    assert archivist.read_blob(bucket, "a.txt") == b"alpha"
    assert archivist.read_blob(bucket, "missing.txt") is None  # ClientError NoSuchKey
    session = boto3.Session(region_name=REGION)
    client = archivist.make_s3_client(session)
    assert [o["Key"] for o in client.list_objects_v2(Bucket=bucket)["Contents"]] == ["a.txt"]


@on_moto
def test_moto_archive_end_to_end(bucket: str, table_name: str, queue_url: str) -> None:
    archive = archivist.Archive(bucket, table_name, queue_url, boto3_session=boto3.Session(region_name=REGION))
    archive.keep("letters", "one", b"x" * 10)
    archive.keep("letters", "two", b"y")
    assert archive.fetch("letters", "one") == b"x" * 10
    assert archive.listing("letters") == ["letters/one", "letters/two"]
    table = catalog.open_table(table_name, boto3.Session(region_name=REGION))
    assert catalog.keys_on(table, "letters") == ["one", "two"]
    assert catalog.keys_on(table, "letters", larger_than=5) == ["one"]
    messages = boto3.client("sqs", region_name=REGION, endpoint_url=ENDPOINT).receive_message(
        QueueUrl=queue_url, MaxNumberOfMessages=10
    )
    assert sorted(m["Body"] for m in messages["Messages"]) == ["letters/one", "letters/two"]
    assert sweep.sweep(bucket, "letters/") == 2


@on_moto
def test_moto_raw_clients_given(bucket: str, queue_url: str) -> None:
    s3 = boto3.client("s3", region_name=REGION, endpoint_url=ENDPOINT)
    sqs = boto3.client("sqs", region_name=REGION, endpoint_url=ENDPOINT)
    archivist.put_blob(bucket, "b.txt", b"beta", s3_client=s3)
    assert notify.announce(queue_url, "b.txt", sqs_client=sqs)


def test_stubber_on_a_raw_client() -> None:
    client = boto3.client("s3", region_name=REGION, aws_access_key_id="k", aws_secret_access_key="s")
    with Stubber(client) as stubber:
        stubber.add_response("get_object", {"Body": StreamingBody(io.BytesIO(b"hi"), 2)}, {"Bucket": "b", "Key": "k"})
        assert archivist.read_blob("b", "k", s3_client=client) == b"hi"
        stubber.add_client_error("get_object", "NoSuchKey", expected_params={"Bucket": "b", "Key": "gone"})
        assert archivist.read_blob("b", "gone", s3_client=client) is None


def test_stubber_on_the_librarys_client() -> None:
    client = archivist.make_s3_client(
        boto3.Session(region_name=REGION, aws_access_key_id="k", aws_secret_access_key="s")
    )
    with Stubber(client) as stubber:
        stubber.add_response("put_object", {"ETag": '"e"'}, {"Bucket": "b", "Key": "k", "Body": b"d"})
        assert archivist.put_blob("b", "k", b"d", s3_client=client) == '"e"'


def test_patched_boto3_client() -> None:
    with mock.patch("boto3.client") as make:
        make.return_value.send_message.return_value = {"MessageId": "m-1"}
        assert notify.announce("https://queue", "hello") == "m-1"
    make.assert_called_once_with("sqs", region_name=REGION, endpoint_url=os.environ.get("ARCHIVIST_AWS_ENDPOINT"))
    make.return_value.send_message.assert_called_once_with(QueueUrl="https://queue", MessageBody="hello")


def test_autospec_client() -> None:
    spec = boto3.client("sqs", region_name=REGION, aws_access_key_id="k", aws_secret_access_key="s")
    fake = mock.create_autospec(spec, instance=True)
    fake.send_message.return_value = {"MessageId": "m-2"}
    assert notify.announce("https://queue", "hi", sqs_client=fake) == "m-2"


def test_a_session_double() -> None:
    """A session given to Archive: its clients come from it (self.session.client in a method)."""
    session = mock.create_autospec(boto3.Session, instance=True)
    session.client.return_value.list_objects_v2.return_value = {"Contents": [{"Key": "letters/a"}]}
    archive = archivist.Archive("docs", "index", "https://queue", boto3_session=session)
    assert archive.listing("letters") == ["letters/a"]
    session.client.assert_called_with("s3", region_name=REGION, endpoint_url=os.environ.get("ARCHIVIST_AWS_ENDPOINT"))
    session.client.return_value.list_objects_v2.assert_called_with(Bucket="docs", Prefix="letters/")
