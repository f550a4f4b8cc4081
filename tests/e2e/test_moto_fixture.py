"""The moto server fixtures themselves: local only, reset between tests."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from aws_typed import s3

from tests.conftest import _start_moto

pytestmark = pytest.mark.e2e


def test_server_is_on_loopback(moto_server: str, typed_client: Callable[..., Any]) -> None:
    parts = urlsplit(moto_server)
    assert parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port
    client = typed_client(s3)
    assert client.meta.endpoint_url == moto_server
    with pytest.raises(ValueError):
        typed_client(s3, endpoint_url="https://s3.amazonaws.com")


@pytest.mark.parametrize("attempt", [1, 2])
def test_state_is_reset_between_tests(typed_client: Callable[..., Any], attempt: int) -> None:
    client = typed_client(s3)
    assert client.list_buckets()["Buckets"] == []  # whatever the other round left is gone
    client.create_bucket(Bucket="botoloom-reset")


def test_start_reports_a_port_clash_instead_of_hanging() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        started = time.monotonic()
        with pytest.raises(OSError, match="could not bind"):
            _start_moto(taken.getsockname()[1], timeout=10)
        assert time.monotonic() - started < 10
