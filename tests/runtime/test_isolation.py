"""The session set-up of tests/conftest.py: generated/ importable, fake AWS
credentials, and no way for a test to reach a real AWS endpoint."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import aws_typed
import boto3
import botocore.exceptions
import pytest
from aws_typed import s3
from botocore.config import Config

from tests.conftest import GENERATED, NonLocalConnectionError

NO_RETRIES = Config(retries={"max_attempts": 0, "mode": "standard"}, connect_timeout=1, read_timeout=1)


def test_generated_package_is_the_committed_one() -> None:
    assert Path(aws_typed.__file__).resolve().is_relative_to(GENERATED.resolve())


def test_fake_credentials_and_region() -> None:
    assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
    assert os.environ["AWS_SECRET_ACCESS_KEY"] == "testing"
    assert os.environ["AWS_DEFAULT_REGION"] == "us-east-1"
    assert "AWS_PROFILE" not in os.environ
    assert not any(name.startswith("AWS_ENDPOINT_URL") for name in os.environ)
    session = boto3.session.Session()
    credentials = session.get_credentials()
    assert credentials is not None and credentials.access_key == "testing"
    assert session.region_name == "us-east-1"


def test_a_real_aws_endpoint_is_unreachable() -> None:
    client = s3.client(config=NO_RETRIES)  # default endpoint: s3.amazonaws.com
    with pytest.raises(botocore.exceptions.HTTPClientError) as info:
        client.list_buckets()
    assert isinstance(info.value.kwargs["error"], NonLocalConnectionError)


def test_a_public_address_is_unreachable() -> None:
    with pytest.raises(NonLocalConnectionError):
        socket.create_connection(("8.8.8.8", 443), timeout=1)
    with pytest.raises(NonLocalConnectionError):
        socket.getaddrinfo("sqs.us-east-1.amazonaws.com", 443)
    client = s3.client(endpoint_url="https://52.216.0.1", config=NO_RETRIES)
    with pytest.raises(botocore.exceptions.HTTPClientError) as info:
        client.list_buckets()
    assert isinstance(info.value.kwargs["error"], NonLocalConnectionError)


def test_loopback_is_allowed() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
    assert socket.getaddrinfo("localhost", 80)
