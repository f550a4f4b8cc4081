"""Fixtures of the end-to-end tests: typed service resources on the session's moto server (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ..helpers import on_moto


@pytest.fixture
def typed_resource(moto_reset: str) -> Iterator[Callable[..., Any]]:
    """Factory: typed_resource(aws_typed.s3, **kwargs) -> S3ServiceResource on the moto
    server (fresh moto state per test).  kwargs go to the module's resource(...) factory;
    endpoint_url is always the local moto server."""
    yield from on_moto(moto_reset, "resource", lambda resource: resource.meta.client.close())
