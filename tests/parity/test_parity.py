"""Parity with boto3 at run time, for every service botocore ships.

For each service the generated package (all services are generated once per run, see
conftest.py) is imported and compared with botocore's own model and a real boto3
client; see checks.py for what is compared.  A failure names the service, the
operation (or shape path) and the key.
"""

from __future__ import annotations

import sys
import typing
from pathlib import Path

import boto3
import botocore.session
import pytest

from generator.naming.rules import module_name

from .checks import check_service
from .conftest import PACKAGE

SERVICES = sorted(botocore.session.get_session().get_available_services())
_SESSION: boto3.session.Session | None = None


def _session() -> boto3.session.Session:
    """One session per worker: its loader caches the JSON models."""
    global _SESSION
    if _SESSION is None:
        _SESSION = boto3.session.Session(region_name="us-east-1")
    return _SESSION


def _forget(service: str) -> None:
    """Drop the service's modules again: 424 services' TypedDicts need not stay in memory."""
    prefix = f"{PACKAGE}.{module_name(service)}"
    for name in [m for m in sys.modules if m == prefix or m.startswith(prefix + ".")]:
        del sys.modules[name]
    typing.clear_overloads()  # the overload registry would keep the modules' types alive


def test_census_of_services() -> None:
    assert len(SERVICES) >= 400  # botocore 1.43: 424


@pytest.mark.parametrize("service", SERVICES)
def test_service_matches_boto3(service: str, all_services_dir: Path) -> None:
    try:
        failures = check_service(PACKAGE, service, _session())
    finally:
        _forget(service)
    assert not failures, f"{len(failures)} parity problem(s):\n" + "\n".join(failures[:200])
