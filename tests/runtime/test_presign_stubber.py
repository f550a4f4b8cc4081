"""generate_presigned_url per operation and the typed Stubber, at run time.

Every line of tests/typing/snippets/fail/bad_presign_stubber.py is run here against
botocore itself and seen to fail (UnknownClientMethodError, ParamValidationError,
StubAssertionError, ValueError): the types claim nothing botocore does not enforce.
The one exception is listed: an unmodeled error code, which botocore stubs as a plain
ClientError.  The typed Stubber is used on the typed client (boto3's client itself) of several
services, and every operation of every golden service goes through it.
"""

from __future__ import annotations

import copy
import importlib
import io
from collections.abc import Callable
from typing import Any

import boto3
import botocore.exceptions
import pytest
from aws_typed import dynamodb, ec2, lambda_, s3, sqs
from aws_typed._stubber import BaseStubber
from aws_typed.dynamodb.stubber import DynamoDBStubber
from aws_typed.ec2.stubber import EC2Stubber
from aws_typed.lambda_.stubber import LambdaStubber
from aws_typed.s3.stubber import ANY, S3Stubber
from aws_typed.sqs.stubber import SQSStubber
from botocore.stub import StubAssertionError, Stubber

from . import dummies
from .services import SERVICES, GeneratedService

_SESSION = boto3.session.Session(region_name="us-east-1")


def _client(cls: Callable[[Any], Any], name: str) -> Any:
    return cls(_SESSION.client(name, region_name="us-east-1"))


# --- generate_presigned_url: the failing snippet lines ------------------------------
PRESIGN_FAILS: list[tuple[str, str, dict[str, Any] | None, type[Exception]]] = [
    ("s3", "get_objects", {"Bucket": "b", "Key": "k"}, botocore.exceptions.UnknownClientMethodError),
    ("s3", "get_object", {"Bucket": "b"}, botocore.exceptions.ParamValidationError),
    ("s3", "get_object", {"Bucket": "b", "Kee": "k"}, botocore.exceptions.ParamValidationError),
    (
        "s3",
        "get_object",
        {"Bucket": "b", "Key": 1},
        botocore.exceptions.EndpointResolutionError,
    ),  # s3 endpoint rules check Key first
    ("s3", "get_object", None, botocore.exceptions.ParamValidationError),
    (
        "sqs",
        "send_message",
        {"QueueUrl": "u", "MessageBody": "m", "DelaySeconds": "5"},
        botocore.exceptions.ParamValidationError,
    ),
]


@pytest.mark.parametrize("service,method,params,error", PRESIGN_FAILS, ids=lambda v: str(v)[:30])
def test_presign_fail_lines_fail_in_botocore(service: str, method: str, params: Any, error: type[Exception]) -> None:
    typed = _client(s3.S3Client if service == "s3" else sqs.SQSClient, service)
    with pytest.raises(error):
        typed.generate_presigned_url(method, Params=params)


def test_presign_pass_lines_sign_like_botocore() -> None:
    typed = _client(s3.S3Client, "s3")
    raw = _SESSION.client("s3", region_name="us-east-1")  # a second client, not the typed one
    for method, params in (
        ("get_object", {"Bucket": "b", "Key": "k"}),
        ("put_object", {"Bucket": "b", "Key": "k", "ContentType": "text/plain"}),
        ("list_objects_v2", {"Bucket": "b", "Prefix": "a/"}),
    ):
        url = typed.generate_presigned_url(method, Params=params, ExpiresIn=60)
        assert url.split("?")[0] == raw.generate_presigned_url(method, Params=params, ExpiresIn=60).split("?")[0]
        assert "Signature=" in url
    assert typed.generate_presigned_url("list_buckets").startswith("https://")
    queue = _client(sqs.SQSClient, "sqs")
    url = queue.generate_presigned_url("get_queue_url", Params={"QueueName": "q"})
    raw_queue = _SESSION.client("sqs", region_name="us-east-1")
    assert (
        url.split("?")[0] == raw_queue.generate_presigned_url("get_queue_url", Params={"QueueName": "q"}).split("?")[0]
    )


# --- the typed Stubber: the failing snippet lines -------------------------------------
def test_stub_fail_lines_fail_at_run_time() -> None:
    typed = _client(s3.S3Client, "s3")
    stubber = S3Stubber(typed)
    with pytest.raises(ValueError):
        stubber.add_response("get_objects", {})  # type: ignore[call-overload]
    for method, response in (("list_buckets", {"Buckets": "b"}), ("head_object", {"ContentLength": "12"})):
        with pytest.raises(botocore.exceptions.ParamValidationError):
            stubber.add_response(method, response)  # type: ignore[call-overload]
    for expected in ({"Bucket": "b", "Prefx": "p"}, {"Prefix": "p"}):
        with S3Stubber(typed) as fresh:
            fresh.add_response("list_objects_v2", {}, expected_params=expected)  # type: ignore[call-overload]
            with pytest.raises(StubAssertionError):  # no valid call has these parameters
                typed.list_objects_v2(Bucket="b", Prefix="p")
    with S3Stubber(typed) as fresh:  # queued, but no call ever matches it
        fresh.add_client_error("get_objects", "NoSuchKey")  # type: ignore[arg-type]
        with pytest.raises(botocore.exceptions.StubResponseError, match="Operation mismatch"):
            typed.get_object(Bucket="b", Key="k")
    queue = _client(sqs.SQSClient, "sqs")
    with SQSStubber(queue) as stub:
        with pytest.raises(botocore.exceptions.ParamValidationError):
            stub.add_response("send_message", {"MD5OfMessageBody": 5})  # type: ignore[call-overload]
        with pytest.raises(botocore.exceptions.ParamValidationError):
            stub.add_response("delete_message", {"Deleted": True})  # type: ignore[call-overload]


def test_unmodeled_error_code_is_stubbed_as_plain_client_error() -> None:
    """The one line the types reject and botocore accepts: add_client_error takes the
    modeled codes only; botocore stubs any code, and an unmodeled one is raised as plain
    ClientError (no `except client.exceptions.X` catches it)."""
    typed = _client(s3.S3Client, "s3")
    with S3Stubber(typed) as stubber:
        stubber.add_client_error("get_object", "NoSuchKeys")  # type: ignore[arg-type]
        with pytest.raises(botocore.exceptions.ClientError) as info:
            typed.get_object(Bucket="b", Key="k")
    assert type(info.value) is botocore.exceptions.ClientError
    assert typed.exceptions.from_code("NoSuchKeys") is botocore.exceptions.ClientError


# --- the typed Stubber on several services --------------------------------------------
def test_typed_stubber_is_botocores_on_typed_and_raw_clients() -> None:
    typed = _client(s3.S3Client, "s3")
    for target in (typed, s3.S3Client(typed)):  # the old wrapping spelling gives the client itself
        with S3Stubber(target) as stubber:
            assert isinstance(stubber, Stubber) and isinstance(stubber, BaseStubber)
            assert stubber.client is typed
            body = io.BytesIO(b"data")
            stubber.add_response("list_buckets", {"Buckets": [{"Name": "b"}]})
            stubber.add_response("head_object", {"ContentLength": 12}, {"Bucket": "b", "Key": ANY})
            stubber.add_response("put_object", {"ETag": "e"}, expected_params={"Bucket": "b", "Key": "k", "Body": body})
            stubber.add_client_error(
                "get_object", "NoSuchKey", http_status_code=404, expected_params={"Bucket": "b", "Key": "k"}
            )
            assert typed.list_buckets()["Buckets"] == [{"Name": "b"}]
            assert typed.head_object(Bucket="b", Key="anything")["ContentLength"] == 12
            assert typed.put_object(Bucket="b", Key="k", Body=body)["ETag"] == "e"
            with pytest.raises(typed.exceptions.NoSuchKey):
                typed.get_object(Bucket="b", Key="k")
            stubber.assert_no_pending_responses()
    with pytest.raises(TypeError, match="'s3'"):
        S3Stubber(_client(sqs.SQSClient, "sqs"))
    with pytest.raises(TypeError):
        S3Stubber(object())


def test_pending_responses_are_reported() -> None:
    queue = _client(sqs.SQSClient, "sqs")
    stubber = SQSStubber(queue)
    stubber.add_response("get_queue_url", {"QueueUrl": "u"}, {"QueueName": "q"})
    with pytest.raises(AssertionError):
        stubber.assert_no_pending_responses()
    stubber.activate()
    assert queue.get_queue_url(QueueName="q")["QueueUrl"] == "u"
    stubber.deactivate()
    stubber.assert_no_pending_responses()


def test_typed_stubber_on_more_services() -> None:
    table = _client(dynamodb.DynamoDBClient, "dynamodb")
    with DynamoDBStubber(table) as stubber:
        stubber.add_response("get_item", {"Item": {"pk": {"S": "a"}}}, {"TableName": "t", "Key": {"pk": {"S": "a"}}})
        stubber.add_client_error(
            "get_item", "ResourceNotFoundException", expected_params={"TableName": "missing", "Key": {"pk": {"S": "a"}}}
        )
        assert table.get_item(TableName="t", Key={"pk": {"S": "a"}})["Item"] == {"pk": {"S": "a"}}
        with pytest.raises(table.exceptions.ResourceNotFoundException):
            table.get_item(TableName="missing", Key={"pk": {"S": "a"}})
    machines = _client(ec2.EC2Client, "ec2")
    with EC2Stubber(machines) as stubber:
        stubber.add_response(
            "describe_instances", {"Reservations": [{"Instances": [{"InstanceId": "i-1"}]}]}, {"InstanceIds": ["i-1"]}
        )
        reservations = machines.describe_instances(InstanceIds=["i-1"])["Reservations"]
        assert reservations[0]["Instances"][0]["InstanceId"] == "i-1"
    functions = _client(lambda_.LambdaClient, "lambda")
    with LambdaStubber(functions) as stubber:
        stubber.add_response("get_function", {"Configuration": {"FunctionName": "f"}}, {"FunctionName": "f"})
        stubber.add_client_error("get_function", "ResourceNotFoundException", http_status_code=404)
        assert functions.get_function(FunctionName="f")["Configuration"]["FunctionName"] == "f"
        with pytest.raises(functions.exceptions.ResourceNotFoundException):
            functions.get_function(FunctionName="g")


# --- every operation of every golden service through its typed Stubber ---------------
@pytest.mark.parametrize("service", SERVICES, ids=str)
def test_every_operation_through_the_typed_stubber(service: GeneratedService) -> None:
    module = importlib.import_module(f"{service.package.__name__}.stubber")
    stubber_class = module.__dict__[module.__all__[[n.endswith("Stubber") for n in module.__all__].index(True)]]
    raw = _SESSION.client(service.service_name, region_name="us-east-1")
    typed = service.client_class(raw)
    failures = []
    for method, operation_name in sorted(raw.meta.method_to_api_mapping.items()):
        operation = raw.meta.service_model.operation_model(operation_name)
        params = dummies.request(operation)
        response = dummies.response(operation)
        try:
            with stubber_class(typed) as stubber:
                stubber.add_response(method, response, expected_params=copy.deepcopy(params))
                result = getattr(typed, method)(**params)
                stubber.assert_no_pending_responses()
        except Exception as exc:  # noqa: BLE001 - collected
            failures.append(f"{method}: {type(exc).__name__}: {exc}")
            continue
        if result is not response:
            failures.append(f"{method}: returned {result!r}, not the stubbed response")
    assert not failures, "\n".join(failures)
