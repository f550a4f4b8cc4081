"""One object, two views (ARCHITECTURE.md): a typed client is boto3's own client, so the rest
of the boto3 world takes it and test doubles pass through the typed API unchanged (issue #27).

Every test here failed on the wrapper design (338785e): the factory returned a wrapper that
refused a MagicMock, create_autospec's double and a Stubber-patched boto3.client, was no
botocore BaseClient, and had `.raw`.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import types
from pathlib import Path
from typing import Any
from unittest import mock

import aws_typed
import boto3
import botocore.client
import botocore.paginate
import botocore.waiter
import pytest
from aws_typed import boto3 as typed_boto3
from aws_typed import dynamodb, s3, sqs
from aws_typed.s3.client import S3Client
from aws_typed.s3.paginators import ListObjectsV2Paginator
from aws_typed.s3.stubber import S3Stubber
from aws_typed.s3.waiters import BucketExistsWaiter
from aws_typed.sqs.client import SQSClient
from botocore.stub import Stubber

from ..helpers import GENERATED, stub_module

REGION = {"region_name": "us-east-1"}


def test_factory_returns_boto3s_client_itself() -> None:
    typed = s3.client(**REGION)
    assert type(typed).__module__ == "botocore.client" and type(typed).__name__ == "S3"
    assert isinstance(typed, botocore.client.BaseClient)
    assert isinstance(typed, S3Client) and not isinstance(typed, SQSClient)
    assert not hasattr(typed, "raw") and not hasattr(typed, "_raw")


def test_old_spelling_returns_the_object_itself() -> None:
    raw = boto3.client("s3", **REGION)
    assert S3Client(raw) is raw
    with pytest.raises(TypeError, match="'s3'"):
        S3Client(boto3.client("sqs", **REGION))  # a real client of another service


def test_a_magicmock_patched_over_boto3_client_passes() -> None:
    with mock.patch("boto3.client") as patched:
        made = s3.client(**REGION)
        assert made is patched.return_value
        patched.assert_called_once_with("s3", region_name="us-east-1")
        made.list_buckets.return_value = {"Buckets": []}
        assert made.list_buckets()["Buckets"] == []
    double = mock.MagicMock()
    assert S3Client(double) is double  # the old spelling takes a double too


def test_create_autospec_of_a_boto3_client_passes() -> None:
    double = mock.create_autospec(boto3.client("s3", **REGION), instance=True)
    assert S3Client(double) is double
    double.head_bucket.return_value = {}
    with mock.patch("boto3.client", return_value=double):
        made = s3.client(**REGION)
    assert made is double
    made.head_bucket(Bucket="b")
    double.head_bucket.assert_called_once_with(Bucket="b")
    with pytest.raises(AttributeError):
        made.no_such_operation  # noqa: B018 - autospec keeps boto3's attributes only


def test_botocores_stubber_on_a_typed_client() -> None:
    typed = s3.client(**REGION)
    with Stubber(typed) as stubber:  # botocore's own Stubber takes it
        stubber.add_response("list_buckets", {"Buckets": [{"Name": "b"}]})
        assert typed.list_buckets()["Buckets"] == [{"Name": "b"}]
    with S3Stubber(typed) as stubber:  # the typed Stubber takes the client itself (no .raw)
        assert stubber.client is typed
        stubber.add_response("head_bucket", {}, {"Bucket": "b"})
        typed.head_bucket(Bucket="b")


def test_sub_objects_are_boto3s() -> None:
    typed = s3.client(**REGION)
    paginator = typed.get_paginator("list_objects_v2")
    assert isinstance(paginator, botocore.paginate.Paginator) and isinstance(paginator, ListObjectsV2Paginator)
    waiter = typed.get_waiter("bucket_exists")
    assert isinstance(waiter, botocore.waiter.Waiter) and isinstance(waiter, BucketExistsWaiter)
    assert isinstance(typed.exceptions, s3.S3Exceptions)
    assert typed.exceptions.NoSuchBucket is boto3.client("s3", **REGION).exceptions.NoSuchBucket
    assert typed.waiter_names == ["bucket_exists", "bucket_not_exists", "object_exists", "object_not_exists"]


def test_resources_are_boto3s() -> None:
    resource = s3.resource(**REGION)
    assert type(resource).__module__.startswith("boto3.resources")
    assert isinstance(resource, s3.S3ServiceResource) and not isinstance(resource, sqs.SQSServiceResource)
    assert isinstance(resource.meta.client, S3Client) and isinstance(resource.meta.client, botocore.client.BaseClient)
    assert s3.S3ServiceResource(resource) is resource
    table = dynamodb.resource(**REGION).Table("t")
    assert type(table).__name__ == "dynamodb.Table"


def test_entry_module_and_sessions_give_boto3s_objects() -> None:
    session = typed_boto3.Session(**REGION)
    assert type(session) is boto3.session.Session
    assert isinstance(boto3.session.Session(), typed_boto3.Session)
    assert isinstance(session.client("s3"), S3Client)
    assert isinstance(typed_boto3.client("sqs", **REGION), SQSClient)
    assert not hasattr(typed_boto3.Session, "wrap")


def test_on_moto(typed_client: Any, moto_reset: str) -> None:
    """A typed client made on moto's server is boto3's; a raw one passes where the typed
    client is expected, and back."""
    typed: S3Client = typed_client(s3)
    typed.create_bucket(Bucket="interop")
    raw = boto3.client("s3", endpoint_url=moto_reset, **REGION)
    assert S3Client(raw) is raw and isinstance(raw, S3Client)

    def takes_typed(client: S3Client) -> list[str]:
        return [b.get("Name", "") for b in client.list_buckets().get("Buckets", [])]

    def takes_boto3(client: botocore.client.BaseClient) -> str:
        assert isinstance(client, botocore.client.BaseClient)
        return str(client.meta.service_model.service_name)

    assert takes_typed(raw) == takes_typed(typed) == ["interop"]
    assert takes_boto3(typed) == "s3"


def _submodules() -> list[str]:
    root = Path(aws_typed.__file__).parent
    names = []
    for info in pkgutil.walk_packages([str(root)], "aws_typed."):
        if info.name.rsplit(".", 1)[-1] in {"aio", "aio_type_defs"}:
            continue  # aiobotocore's modules: tests/aio
        names.append(info.name)
    return sorted(names)


SUBMODULES = _submodules()


@pytest.mark.parametrize("name", SUBMODULES)
def test_every_submodule_by_dotted_path_is_the_module(name: str) -> None:
    """`import aws_typed.s3.client as m` gives the module, as checkers believe (issue #29,
    item 1): no factory is bound over a submodule's name at run time. The checkers' side is
    tests/typing/snippets/pass/ok_submodules.py (generated from the same list)."""
    module = importlib.import_module(name)
    parent, _, leaf = name.rpartition(".")
    bound = getattr(importlib.import_module(parent), leaf)
    assert isinstance(bound, types.ModuleType) and bound is module, f"{parent}.{leaf} is {bound!r}"
    for public in getattr(module, "__all__", ()):
        assert hasattr(module, public), f"{name}.{public}"


def test_the_package_client_is_the_module_and_calls_the_factory() -> None:
    import aws_typed.s3.client as m

    assert isinstance(m, types.ModuleType) and m.S3Client is S3Client
    assert s3.client is m and isinstance(m(**REGION), S3Client)  # calling the module: its factory


def test_submodule_snippet_lists_every_submodule() -> None:
    snippet = Path(__file__).parents[1] / "typing" / "snippets" / "pass" / "ok_submodules.py"
    text = snippet.read_text(encoding="utf-8")
    missing = [n for n in SUBMODULES if f"import {n} as " not in text]
    assert not missing, f"add to {snippet.name}: {missing}"
    assert GENERATED.is_dir()


def _attributes(obj: Any) -> set[str]:
    return {n for n in dir(obj) if not n.startswith("_")}


def _checking_members(path: Path, class_name: str) -> set[str]:
    """The public members a runtime module declares for checkers on `class_name` (its
    `if TYPE_CHECKING:` class: invisible at run time, read by every checker)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            found |= {n.name for n in ast.walk(node) if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
    return found


def test_stub_has_what_boto3s_client_has() -> None:
    """Issue #29 item 12: the typed client offers what boto3's client has (waiter_names,
    can_paginate, meta, exceptions, close, get_paginator, get_waiter, ...), read from the stub
    and the runtime's checking view, as the editor reads them; and nothing private."""
    declared: set[str] = set()
    for cls in stub_module("aws_typed.s3.client").S3Client.__mro__:
        members = {*vars(cls), *vars(cls).get("__annotations__", {})}  # methods, and the call Protocols' attributes
        declared |= {n for n in members if not n.startswith("_")}
    root = Path(aws_typed.__file__).parent
    declared |= _checking_members(root / "_runtime.py", "BaseClient")
    declared |= _checking_members(root / "_injected.py", "S3ClientMethods")
    raw = _attributes(boto3.client("s3", **REGION))
    missing = raw - declared
    assert not missing, f"boto3's s3 client has {sorted(missing)}, the typed S3Client does not declare them"
    stub = (Path(aws_typed.__file__).parent / "s3" / "client.pyi").read_text(encoding="utf-8")
    for noise in ("__slots__", "_raw", "_service_name", "def raw"):
        assert noise not in stub, noise
