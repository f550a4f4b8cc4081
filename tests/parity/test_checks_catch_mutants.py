"""The parity checker itself: it passes a faithful package and names service,
operation and key for every kind of deviation (mutations of a freshly generated sqs)."""

from __future__ import annotations

import importlib
import sys
import typing

import boto3
import pytest

from ..helpers import botoloom, stub_module
from .checks import check_service

PACKAGE = "aws_parity_mutant"


@pytest.fixture(scope="module")
def sqs_package(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("mutant")
    result = botoloom("--services", "sqs", "--output", str(out), "--package", PACKAGE, "--quiet")
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(out))
    return PACKAGE


def _fresh(name: str) -> typing.Any:
    for mod in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[mod]
    return importlib.import_module(f"{PACKAGE}.sqs.{name}")


def _check() -> list[str]:
    return check_service(PACKAGE, "sqs", boto3.session.Session(region_name="us-east-1"))


def test_faithful_package_passes(sqs_package: str) -> None:
    _fresh("client")
    assert _check() == []


def test_required_key_made_optional(sqs_package: str) -> None:
    td = _fresh("type_defs").SendMessageRequestTypeDef
    td.__required_keys__ = td.__required_keys__ - {"MessageBody"}
    td.__optional_keys__ = td.__optional_keys__ | {"MessageBody"}
    assert any(
        f.startswith("sqs: SendMessage (send_message)") and "'MessageBody' is NotRequired, botocore says required" in f
        for f in _check()
    ), _check()


def test_missing_and_extra_response_keys(sqs_package: str) -> None:
    td = _fresh("type_defs").SendMessageResultTypeDef
    td.__optional_keys__ = (td.__optional_keys__ - {"MessageId"}) | {"Bogus"}
    failures = _check()
    assert any("SendMessage (send_message) response" in f and "missing key 'MessageId'" in f for f in failures), (
        failures
    )
    assert any("SendMessage (send_message) response" in f and "unexpected key 'Bogus'" in f for f in failures), failures


def test_nested_enum_and_type(sqs_package: str) -> None:
    mod = _fresh("type_defs")
    annotations = mod.MessageAttributeValueTypeDef.__annotations__
    annotations["StringValue"] = typing.NotRequired[int]
    failures = _check()
    assert any(
        ".MessageAttributes{value}.StringValue" in f and "string shape String typed <class 'int'>" in f
        for f in failures
    ), failures


def test_missing_operation_and_exception(sqs_package: str) -> None:
    client = _fresh("client")
    cls = stub_module(client.__name__).SQSClient  # the class as checkers read it
    del cls.purge_queue
    exceptions = importlib.import_module(f"{PACKAGE}.sqs.exceptions").SQSExceptions
    del exceptions.__annotations__["QueueDoesNotExist"]
    failures = _check()
    assert "sqs: client SQSClient: lacks operation 'purge_queue'" in failures, failures
    assert "sqs: exception QueueDoesNotExist: not declared on SQSExceptions" in failures, failures
