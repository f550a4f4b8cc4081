"""Typed service resources on the session's moto server (see tests/conftest.py)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest


@pytest.fixture
def typed_resource(moto_reset: str) -> Iterator[Callable[..., Any]]:
    """Factory: typed_resource(aws_typed.s3, **kwargs) -> S3ServiceResource on the moto
    server (fresh moto state per test).  kwargs go to the module's resource(...) factory;
    endpoint_url is always the local moto server."""
    made: list[Any] = []

    def factory(service_module: ModuleType | str, **kwargs: Any) -> Any:
        if isinstance(service_module, str):
            service_module = importlib.import_module(f"aws_typed.{service_module}")
        if "endpoint_url" in kwargs and kwargs["endpoint_url"] != moto_reset:
            raise ValueError("typed_resource only talks to the local moto server")
        kwargs["endpoint_url"] = moto_reset
        kwargs.setdefault("region_name", "us-east-1")
        resource = service_module.resource(**kwargs)
        made.append(resource)
        return resource

    yield factory
    for resource in made:
        resource.meta.client.close()
