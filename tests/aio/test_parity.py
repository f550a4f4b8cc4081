"""Parity of every service's aio module with aiobotocore at run time (see checks.py).

The package is the parity suite's all-services one (generated once per run, with --aio).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import aiobotocore.session
import botocore.session
import pytest
from aiobotocore.config import AioConfig

from generator.naming.rules import module_name

from ..parity.conftest import PACKAGE
from .checks import check_service

SERVICES = sorted(botocore.session.get_session().get_available_services())
NO_VALIDATION = AioConfig(parameter_validation=False, retries={"max_attempts": 0})
_SESSION: aiobotocore.session.AioSession | None = None


def _session() -> aiobotocore.session.AioSession:
    global _SESSION
    if _SESSION is None:
        _SESSION = aiobotocore.session.get_session()
    return _SESSION


def _forget(service: str) -> None:
    prefix = f"{PACKAGE}.{module_name(service)}"
    for name in [m for m in sys.modules if m == prefix or m.startswith(prefix + ".")]:
        del sys.modules[name]


@pytest.mark.parametrize("service", SERVICES)
def test_aio_module_matches_aiobotocore(service: str, all_services_dir: Path) -> None:
    try:
        failures = asyncio.run(check_service(PACKAGE, service, _session(), NO_VALIDATION))
    finally:
        _forget(service)
    assert not failures, f"{len(failures)} parity problem(s):\n" + "\n".join(failures[:200])
