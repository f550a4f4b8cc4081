"""The entry module's records and context, on made-up entries (no botocore model needed)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.render.files import render_package
from generator.views import entry
from generator.views.entry import Entry
from generator.views.root import PackageContext


def context(entries: list[Entry]) -> dict[str, Any]:
    """The entry view's context for these entries (views/entry.py)."""
    return entry.context(PackageContext("pkg", entries, "test"))


@pytest.mark.parametrize(
    "data",
    [
        ["s3", "s3", "S3Client", None],
        ["s3", "s3", "S3Client", "S3ServiceResource"],
        ["lambda", "lambda_", "LambdaClient", None],
    ],
)
def test_records_botoloom_wrote_round_trip(data: list[Any]) -> None:
    entry = Entry.from_json(data[0], data)
    assert entry is not None and entry.to_json() == data


@pytest.mark.parametrize(
    "data",
    [
        None,
        "S3Client",
        ["s3", "s3", "S3Client"],
        ["sqs", "s3", "S3Client", None],  # another service's record
        ["s3", "../s3", "S3Client", None],  # a module that is not the service's
        ["lambda", "lambda", "LambdaClient", None],  # a keyword as module
        ["s3", "s3", "S3Client()\nimport os", None],  # code in a name
        ["s3", "s3", "class", None],
        ["s3", "s3", "S3Client", "S3 Resource"],
        ["s3", "s3", "S3Clíent", None],  # non-ASCII identifiers are not what botoloom writes
        ["s3", "s3", 3, None],
    ],
)
def test_records_botoloom_did_not_write_are_refused(data: Any) -> None:
    assert Entry.from_json("s3" if not isinstance(data, list) else data[0], data) is None


def test_a_class_name_two_services_share_is_imported_under_an_alias() -> None:
    made = context([Entry("a", "a", "SameClient", None), Entry("b", "b", "SameClient", None)])
    assert "from .a.client import SameClient\n" in made["checking_imports"] + "\n"
    assert "from .b.client import SameClient as SameClient_b" in made["checking_imports"]
    returns = [o.returns.render() for o in made["functions"]["module"]["overloads"]]
    assert returns[1:3] == ["SameClient", "SameClient_b"]  # after the one no call matches


@pytest.mark.parametrize(
    "taken", ["BaseClient", "Session", "ClientError", "Literal", "client", "NoMatchingOverload", "NoReturn"]
)
def test_a_class_named_like_a_name_of_the_entry_module_is_imported_under_an_alias(taken: str) -> None:
    """A hostile definition can make any class name: it never shadows what the module itself uses."""
    made = context([Entry("a", "a", taken, None), Entry("b", "b", "BClient", None)])
    assert f"from .a.client import {taken} as {taken}_a" in made["checking_imports"]
    assert made["functions"]["module"]["overloads"][1].returns.render() == f"{taken}_a"
    text = render_package("pkg", [Entry("a", "a", taken, None), Entry("b", "b", "BClient", None)], "test")["boto3.py"]
    compile(text, "boto3.py", "exec")
    assert f"-> {taken}_a:" in text


def test_services_in_name_order_whatever_order_they_come_in() -> None:
    entries = [Entry("sqs", "sqs", "SQSClient", None), Entry("acm", "acm", "ACMClient", None)]
    assert context(entries) == context(list(reversed(entries)))
    assert context(entries)["client_names"] == 'ClientServiceName = Literal["acm", "sqs"]'


def test_no_resources_no_resource_function() -> None:
    made = context([Entry("sts", "sts", "STSClient", None), Entry("acm", "acm", "ACMClient", None)])
    assert made["resource_functions"] == {} and made["resource_names"] == ""
    assert "Any" not in made["runtime_imports"] + made["checking_imports"]
    assert "cast" not in made["runtime_imports"]
    text = render_package("pkg", [Entry("sts", "sts", "STSClient", None)], "test")["boto3.py"]
    assert "def resource" not in text and '"resource"' not in text
    assert "@overload" not in text and 'return cast("STSClient", made)' in text


def test_no_services_no_entry_module() -> None:
    assert "boto3.py" not in render_package("pkg", [], "test")
