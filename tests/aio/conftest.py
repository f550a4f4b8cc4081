"""Async tests: typed aiobotocore clients of the committed package on the moto server.

Each test is a plain function that runs its coroutine with asyncio.run (no plugin), so
that every test gets a fresh event loop and aiobotocore's connections close with it."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import pytest

from ..parity.conftest import all_services_dir  # noqa: F401 - the all-services package (with --aio)

AioFactory = Callable[..., Any]


@asynccontextmanager
async def on_moto(endpoint: str) -> AsyncIterator[AioFactory]:
    """make(service_module_name, **kwargs) -> an entered typed aio client on `endpoint`
    only; every client is closed when the block ends."""
    async with AsyncExitStack() as stack:

        async def make(name: str, **kwargs: Any) -> Any:
            if kwargs.setdefault("endpoint_url", endpoint) != endpoint:
                raise ValueError("aio clients in tests only talk to the local moto server")
            kwargs.setdefault("region_name", "us-east-1")
            module = importlib.import_module(f"aws_typed.{name}.aio")
            return await stack.enter_async_context(module.client(**kwargs))

        yield make


@pytest.fixture
def run_on_moto(moto_reset: str) -> Callable[[Callable[[AioFactory], Awaitable[None]]], None]:
    """run_on_moto(body): asyncio.run(body(make)) with fresh moto state."""

    def run(body: Callable[[AioFactory], Awaitable[None]]) -> None:
        async def main() -> None:
            async with on_moto(moto_reset) as make:
                await body(make)

        asyncio.run(main())

    return run
