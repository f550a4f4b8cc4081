"""Every call reaches botocore unchanged.

For every operation of every service package in generated/aws_typed, a minimal
valid request built from botocore's own input shape is passed to the typed
client (boto3's client itself, its methods as client.pyi declares them) while
botocore's Stubber, activated on that client, expects
exactly those parameters for exactly that operation; the typed method must
return the very response object the Stubber produced.  Paginators, waiters,
exceptions and the client factories are checked the same way.
"""

from __future__ import annotations

import copy
import datetime
import importlib
import inspect
from typing import Any

import aws_typed
import boto3
import botocore.auth
import botocore.client
import botocore.exceptions
import botocore.paginate
import botocore.waiter
import pytest
from aws_typed import lambda_, s3, sqs
from aws_typed._runtime import (
    BaseClient,
    BaseClientExceptions,
    PageIterator,
    Paginator,
    Waiter,
)
from botocore.stub import Stubber

from . import dummies
from .services import SERVICES, GeneratedService

REGION = "us-east-1"

# Public attributes of a boto3 client that are not service operations.
NON_OPERATIONS = frozenset(name for name in dir(botocore.client.BaseClient) if not name.startswith("_")) | {
    "exceptions",
    "waiter_names",
    "meta",
    "generate_presigned_url",
}
# Methods boto3 injects into some clients (s3 transfer helpers): customisations,
# not operations of the service model.
BOTO3_INJECTED = {
    "s3": frozenset(
        {
            "copy",
            "download_file",
            "download_fileobj",
            "generate_presigned_post",
            "upload_file",
            "upload_fileobj",
        }
    ),
}
# Public names the typed client adds on top of the operations.
TYPED_NON_OPERATIONS = frozenset(name for name in dir(BaseClient) if not name.startswith("_")) | {
    "exceptions",
    "get_paginator",
    "get_waiter",
    "generate_presigned_url",
}


# One session for the whole module: its loader caches the service models, so
# each test pays for a client, not for parsing botocore's JSON again.
_SESSION = boto3.session.Session()


def raw_client(service_name: str, **kwargs: Any) -> Any:
    """A plain boto3 client (fake credentials from the environment)."""
    kwargs.setdefault("region_name", REGION)
    return _SESSION.client(service_name, **kwargs)


@pytest.fixture(params=SERVICES, ids=str)
def service(request: pytest.FixtureRequest) -> GeneratedService:
    return request.param  # type: ignore[no-any-return]


def _operations(raw: Any) -> dict[str, str]:
    """method name -> operation name, from botocore."""
    return dict(raw.meta.method_to_api_mapping)


# --- the surface --------------------------------------------------------------


def test_typed_client_has_exactly_the_boto3_operations(
    service: GeneratedService,
) -> None:
    raw = raw_client(service.service_name)
    raw_public = {name for name in dir(raw) if not name.startswith("_")}
    raw_operations = raw_public - NON_OPERATIONS - BOTO3_INJECTED.get(service.service_name, frozenset())
    assert raw_operations == set(_operations(raw)), (
        f"{service}: boto3 client's public methods differ from botocore's method_to_api_mapping "
        f"(test assumption broken): {sorted(raw_operations ^ set(_operations(raw)))}"
    )

    cls = service.stub_class  # what checkers read
    typed_public = {name for name in dir(cls) if not name.startswith("_")}
    typed_operations = typed_public - TYPED_NON_OPERATIONS
    missing = sorted(raw_operations - typed_operations)
    extra = sorted(typed_operations - raw_operations)
    assert not missing and not extra, f"{service}: typed {cls.__name__} lacks {missing}, has extra {extra}"
    for method in sorted(typed_operations):
        assert inspect.isfunction(getattr(cls, method)), f"{service}.{method} is not a plain method on {cls.__name__}"


def test_every_operation_reaches_botocore_unchanged(service: GeneratedService) -> None:
    raw = raw_client(service.service_name)
    typed = service.client_class(raw)
    model = raw.meta.service_model
    failures: list[str] = []
    operations = _operations(raw)
    assert operations, f"{service}: no operations"
    for method, operation_name in sorted(operations.items()):
        operation = model.operation_model(operation_name)
        where = f"{service}.{method} ({operation_name})"
        try:
            params = dummies.request(operation)
            stubbed = dummies.response(operation)
        except Exception as exc:
            # The shape walker itself failed: a test bug; say so clearly.
            failures.append(f"{where}: cannot build dummy request/response: {exc!r}")
            continue
        expected = copy.deepcopy(params)
        typed_method = getattr(service.stub_class, method, None)  # declared in client.pyi
        assert typed is raw
        if typed_method is None:
            failures.append(f"{where}: no method on {service.stub_class.__name__}")
            continue
        try:
            with Stubber(raw) as stubber:
                stubber.add_response(method, stubbed, expected_params=expected)
                result = getattr(typed, method)(**params)
                stubber.assert_no_pending_responses()
        except Exception as exc:
            # Does the raw boto3 client accept the same call?  If not, the dummy
            # request is at fault, not the typed layer.
            try:
                with Stubber(raw) as stubber:
                    stubber.add_response(
                        method,
                        dummies.response(operation),
                        expected_params=copy.deepcopy(params),
                    )
                    getattr(raw, method)(**copy.deepcopy(params))
                raw_ok = "the raw boto3 client accepts the same call"
            except Exception as raw_exc:
                raw_ok = f"the raw boto3 client fails too: {raw_exc!r}"
            failures.append(f"{where}: {type(exc).__name__}: {exc} ({raw_ok})")
            continue
        if result is not stubbed:
            failures.append(f"{where}: returned {result!r}, not the stubbed response {stubbed!r}")
    assert not failures, f"{len(failures)} of {len(operations)} {service} operations failed:\n" + "\n".join(failures)


def _table(service: GeneratedService, module: str, name: str) -> dict[str, type]:
    """The PAGINATORS/WAITERS table of a service package ({} when the service has
    none and the generator wrote no module)."""
    try:
        found = importlib.import_module(f"{service.package.__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{service.package.__name__}.{module}":
            raise
        return {}
    return dict(getattr(found, name))


def test_every_paginator_forwards_unchanged(service: GeneratedService) -> None:
    raw = raw_client(service.service_name)
    typed = service.client_class(raw)
    model = raw.meta.service_model
    operations = _operations(raw)
    names = sorted(method for method in operations if raw.can_paginate(method))
    table = _table(service, "paginators", "PAGINATORS")
    assert sorted(table) == names, f"{service}: PAGINATORS {sorted(table)} != botocore's {names}"
    failures: list[str] = []
    for name in names:
        where = f"{service}.get_paginator({name!r})"
        assert typed.can_paginate(name), where
        paginator = typed.get_paginator(name)
        if not isinstance(paginator, table[name]) or not isinstance(paginator, Paginator):
            failures.append(f"{where}: {type(paginator).__name__} is not a {table[name].__name__}")
            continue
        if not isinstance(paginator, botocore.paginate.Paginator):
            failures.append(f"{where}: is {paginator!r}, not botocore's paginator")
            continue
        if paginator._model.name != operations[name]:
            failures.append(f"{where}: a paginator of {paginator._model.name}")
            continue
        others = [cls for key, cls in table.items() if key != name and isinstance(paginator, cls)]
        if others:
            failures.append(f"{where}: isinstance of {others} too")
        operation = model.operation_model(operations[name])
        params = dummies.request(operation)
        page = dummies.response(operation)
        # One page only: the minimal page has no output token.
        try:
            with Stubber(raw) as stubber:
                stubber.add_response(name, page, expected_params=copy.deepcopy(params))
                iterator = paginator.paginate(**params)
                assert isinstance(iterator, PageIterator), type(iterator)
                assert isinstance(iterator, botocore.paginate.PageIterator), type(iterator)
                pages = list(iterator)
                stubber.assert_no_pending_responses()
        except Exception as exc:
            failures.append(f"{where}.paginate: {type(exc).__name__}: {exc}")
            continue
        if len(pages) != 1 or pages[0] is not page:
            failures.append(f"{where}.paginate: pages {pages!r} are not [the stubbed page]")
    assert not failures, "\n".join(failures)


def test_every_waiter_forwards_unchanged(service: GeneratedService) -> None:
    raw = raw_client(service.service_name)
    typed = service.client_class(raw)
    model = raw.meta.service_model
    table = _table(service, "waiters", "WAITERS")
    assert sorted(table) == sorted(raw.waiter_names), (
        f"{service}: WAITERS {sorted(table)} != {sorted(raw.waiter_names)}"
    )
    failures: list[str] = []
    for name in sorted(raw.waiter_names):
        where = f"{service}.get_waiter({name!r})"
        waiter = typed.get_waiter(name)
        raw_waiter = raw.get_waiter(name)
        if not isinstance(waiter, table[name]) or not isinstance(waiter, Waiter):
            failures.append(f"{where}: {type(waiter).__name__} is not a {table[name].__name__}")
            continue
        if not isinstance(waiter, botocore.waiter.Waiter) or waiter.name != raw_waiter.name:
            failures.append(f"{where}: {waiter!r} named {waiter.name!r}, expected {raw_waiter.name!r}")
            continue
        if table[name].__name__ != f"{raw_waiter.name}Waiter":
            failures.append(f"{where}: class {table[name].__name__} for waiter {raw_waiter.name}")
        others = [cls for key, cls in table.items() if key != name and isinstance(waiter, cls)]
        if others:
            failures.append(f"{where}: isinstance of {others} too")
        operation = model.operation_model(raw_waiter.config.operation)
        params = dummies.request(operation)
        # An error no acceptor matches (status 418) ends the wait on the first
        # attempt with WaiterError: the call went out with exactly `params`.
        try:
            with Stubber(raw) as stubber:
                stubber.add_client_error(
                    _method_for(raw, operation.name),
                    service_error_code="BotoloomStubbedError",
                    http_status_code=418,
                    expected_params=copy.deepcopy(params),
                )
                with pytest.raises(botocore.exceptions.WaiterError) as info:
                    waiter.wait(**params, WaiterConfig={"Delay": 0, "MaxAttempts": 1})
                stubber.assert_no_pending_responses()
        except BaseException as exc:  # pytest.raises' failure is a BaseException
            failures.append(f"{where}.wait: {type(exc).__name__}: {exc}")
            continue
        code = info.value.last_response.get("Error", {}).get("Code")
        if code != "BotoloomStubbedError":
            failures.append(f"{where}.wait: last response {info.value.last_response!r}")
    assert not failures, "\n".join(failures)


def _method_for(raw: Any, operation_name: str) -> str:
    for method, name in raw.meta.method_to_api_mapping.items():
        if name == operation_name:
            return str(method)
    raise KeyError(operation_name)


def test_every_modeled_exception_is_botocores_class(service: GeneratedService) -> None:
    raw = raw_client(service.service_name)
    typed = service.client_class(raw)
    exceptions = typed.exceptions
    declared_class = getattr(service.package, f"{service.client_class.__name__[: -len('Client')]}Exceptions")
    assert isinstance(exceptions, BaseClientExceptions) and isinstance(exceptions, declared_class)
    assert exceptions is raw.exceptions  # botocore's own object
    declared = set(inspect.get_annotations(declared_class))
    modeled = {str(shape.name) for shape in raw.meta.service_model.error_shapes}
    assert declared == modeled, (
        f"{service}: {type(exceptions).__name__} lacks {sorted(modeled - declared)}, "
        f"declares unmodeled {sorted(declared - modeled)}"
    )
    for name in sorted(modeled):
        assert getattr(exceptions, name) is getattr(raw.exceptions, name), f"{service}.exceptions.{name}"
    for shape in raw.meta.service_model.error_shapes:
        code = shape.error_code
        assert exceptions.from_code(code) is raw.exceptions.from_code(code), f"{service}: from_code({code!r})"
    assert exceptions.from_code("BotoloomNoSuchCode") is botocore.exceptions.ClientError


def test_module_factory_builds_the_typed_client(service: GeneratedService) -> None:
    factory = service.package.client
    assert getattr(service.package, service.client_class.__name__) is service.client_class
    typed = factory(region_name="eu-west-2")
    assert isinstance(typed, service.client_class) and isinstance(typed, botocore.client.BaseClient)
    assert type(typed).__name__ == type(raw_client(service.service_name)).__name__  # botocore's own class
    assert typed.meta.service_model.service_name == service.service_name
    # Same region as boto3 itself picks (IAM normalises to aws-global).
    assert typed.meta.region_name == raw_client(service.service_name, region_name="eu-west-2").meta.region_name
    typed.close()


# --- the old wrapping spelling -----------------------------------------------------


def test_old_spelling_refuses_another_services_client() -> None:
    with pytest.raises(TypeError, match="'s3'"):
        s3.S3Client(raw_client("sqs"))
    with pytest.raises(TypeError):
        sqs.SQSClient(raw_client("s3"))
    assert not isinstance(raw_client("sqs"), s3.S3Client)


def test_old_spelling_is_the_client_itself() -> None:
    raw = raw_client("lambda")
    assert lambda_.LambdaClient(raw) is raw
    raw = raw_client("s3", region_name="eu-central-1")
    assert s3.S3Client(raw) is raw and isinstance(raw, s3.S3Client)


def test_can_paginate_delegates() -> None:
    typed = s3.client(region_name=REGION)
    assert typed.can_paginate("list_objects_v2") is True
    assert typed.can_paginate("put_object") is False


def test_unmodeled_attributes_fall_through_to_boto3() -> None:
    raw = raw_client("s3")
    typed = s3.S3Client(raw)
    assert typed.waiter_names == raw.waiter_names
    assert typed.upload_fileobj.__func__ is raw.upload_fileobj.__func__
    with pytest.raises(AttributeError):
        typed.no_such_operation  # noqa: B018


def test_generate_presigned_url_equals_raw(monkeypatch: pytest.MonkeyPatch) -> None:
    fixed = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
    monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: fixed)
    raw = raw_client(
        "s3",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        aws_session_token=None,
        config=botocore.client.Config(signature_version="s3v4"),
    )
    typed = s3.S3Client(raw)
    params = {"Bucket": "example-bucket", "Key": "dir/object.txt"}
    url = typed.generate_presigned_url("get_object", Params=params, ExpiresIn=900)
    assert url == raw.generate_presigned_url("get_object", Params=params, ExpiresIn=900)
    assert "X-Amz-Date=20240506T070809Z" in url and "AKIDEXAMPLE" in url and "X-Amz-Expires=900" in url
    # Positional arguments and HttpMethod pass through as well.
    assert typed.generate_presigned_url("put_object", params, 60, "PUT") == raw.generate_presigned_url(
        "put_object", params, 60, "PUT"
    )
    assert typed.generate_presigned_url("list_buckets") == raw.generate_presigned_url("list_buckets")


def test_exceptions_are_botocores_classes() -> None:
    raw = raw_client("s3")
    typed = s3.S3Client(raw)
    assert typed.exceptions.NoSuchKey is raw.exceptions.NoSuchKey
    assert issubclass(typed.exceptions.NoSuchKey, botocore.exceptions.ClientError)
    assert typed.exceptions.from_code("NoSuchKey") is raw.exceptions.NoSuchKey
    assert typed.exceptions.from_code("NotAModeledCode") is botocore.exceptions.ClientError
    assert typed.exceptions.ClientError is botocore.exceptions.ClientError
    assert aws_typed.ClientError is botocore.exceptions.ClientError
    with pytest.raises(AttributeError):
        typed.exceptions.NoSuchThing  # noqa: B018


def test_stubbed_s3_error_is_caught_as_modeled_exception() -> None:
    raw = raw_client("s3")
    typed = s3.S3Client(raw)
    with Stubber(raw) as stubber:
        stubber.add_client_error(
            "get_object",
            service_error_code="NoSuchKey",
            http_status_code=404,
            expected_params={"Bucket": "b", "Key": "k"},
        )
        with pytest.raises(typed.exceptions.NoSuchKey) as info:
            typed.get_object(Bucket="b", Key="k")
        stubber.assert_no_pending_responses()
    assert info.value.response["Error"]["Code"] == "NoSuchKey"


def test_sqs_error_code_differs_from_shape_name() -> None:
    """SQS's wire error code (AWS.SimpleQueueService.NonExistentQueue) is not the
    shape name.  botocore parses such an error (JSON protocol, awsQueryCompatible,
    header x-amzn-query-error) into Code=<the query code> plus
    QueryErrorCode=<the shape name>, and raises the modeled class from the latter."""
    raw = raw_client("sqs")
    typed = sqs.SQSClient(raw)
    code = "AWS.SimpleQueueService.NonExistentQueue"
    assert typed.exceptions.QueueDoesNotExist is raw.exceptions.QueueDoesNotExist
    assert typed.exceptions.from_code("QueueDoesNotExist") is raw.exceptions.QueueDoesNotExist
    assert typed.exceptions.from_code(code) is raw.exceptions.from_code(code)
    with Stubber(raw) as stubber:
        stubber.add_client_error(
            "get_queue_url",
            service_error_code=code,
            service_message="The specified queue does not exist.",
            http_status_code=400,
            service_error_meta={
                "QueryErrorCode": "QueueDoesNotExist",
                "Type": "Sender",
            },
            expected_params={"QueueName": "missing"},
        )
        with pytest.raises(typed.exceptions.QueueDoesNotExist) as info:
            typed.get_queue_url(QueueName="missing")
        stubber.assert_no_pending_responses()
    assert info.value.response["Error"]["Code"] == code
    assert type(info.value) is raw.exceptions.QueueDoesNotExist

    # With the wire code alone (a real SQS error always carries QueryErrorCode
    # too) botocore 1.43 picks the class by that code, i.e. plain ClientError;
    # the typed client raises exactly what botocore's from_code says.
    with Stubber(raw) as stubber:
        stubber.add_client_error(
            "get_queue_url",
            service_error_code=code,
            expected_params={"QueueName": "missing"},
        )
        with pytest.raises(botocore.exceptions.ClientError) as bare:
            typed.get_queue_url(QueueName="missing")
    assert type(bare.value) is typed.exceptions.from_code(code)


def test_client_factory_with_session() -> None:
    session = boto3.session.Session(
        aws_access_key_id="AKIDSESSION",
        aws_secret_access_key="secret",
        region_name="ap-southeast-2",
    )
    typed = s3.client(session=session)
    assert isinstance(typed, s3.S3Client)
    assert typed.meta.region_name == "ap-southeast-2"
    assert typed._request_signer._credentials.access_key == "AKIDSESSION"
    # Keyword arguments still reach session.client(...).
    config = botocore.client.Config(retries={"max_attempts": 1}, connect_timeout=3)
    other = sqs.client(session=session, region_name="eu-west-1", config=config)
    assert isinstance(other, sqs.SQSClient)
    assert other.meta.region_name == "eu-west-1"
    assert other.meta.config.connect_timeout == 3
    assert other._request_signer._credentials.access_key == "AKIDSESSION"


def test_client_factory_without_session_uses_default_environment() -> None:
    typed = s3.client()
    assert typed.meta.region_name == "us-east-1"
    assert typed._request_signer._credentials.access_key == "testing"
    typed = lambda_.client(region_name="eu-west-1", endpoint_url="http://127.0.0.1:9")
    assert typed.meta.service_model.service_name == "lambda"
    assert typed.meta.endpoint_url == "http://127.0.0.1:9"
