"""generate_presigned_url and the typed Stubber: what botocore rejects at run time
(tests/runtime/test_presign_stubber.py runs every line here and sees it fail)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import s3, sqs
from aws_typed.s3.stubber import S3Stubber
from aws_typed.sqs.stubber import SQSStubber


def presign(client: s3.S3Client, queue: sqs.SQSClient) -> None:
    client.generate_presigned_url("get_objects", Params={"Bucket": "b", "Key": "k"})  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: "Literal['get_objects']" cannot be assigned to parameter "ClientMethod"
    client.generate_presigned_url("get_object", Params={"Bucket": "b"})  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "Params" of type "GetObjectRequestTypeDef"
    client.generate_presigned_url("get_object", Params={"Bucket": "b", "Kee": "k"})  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "Params" of type "GetObjectRequestTypeDef"
    client.generate_presigned_url("get_object", Params={"Bucket": "b", "Key": 1})  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "Params" of type "GetObjectRequestTypeDef"
    client.generate_presigned_url("get_object")  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
    queue.generate_presigned_url("send_message", Params={"QueueUrl": "u", "MessageBody": "m", "DelaySeconds": "5"})  # E[mypy]: argument 1 to "__call__" of "_GeneratePresignedUrl" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "Params" of type "SendMessageRequestTypeDef"


def stubs(client: s3.S3Client, queue: sqs.SQSClient) -> None:
    stubber = S3Stubber(client)
    stubber.add_response("get_objects", {})  # E[mypy]: argument 1 to "add_response" of "S3Stubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: "Literal['get_objects']" cannot be assigned to parameter "method"
    stubber.add_response("list_buckets", {"Buckets": "b"})  # E[mypy]: argument 1 to "add_response" of "S3Stubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "service_response" of type "ListBucketsOutputStubTypeDef"
    stubber.add_response("head_object", {"ContentLength": "12"})  # E[mypy]: argument 1 to "add_response" of "S3Stubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "service_response" of type "HeadObjectOutputStubTypeDef"
    stubber.add_response("list_objects_v2", {}, expected_params={"Bucket": "b", "Prefx": "p"})  # E[mypy]: argument 1 to "add_response" of "S3Stubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "expected_params" of type "ListObjectsV2RequestTypeDef | None"
    stubber.add_response("list_objects_v2", {}, expected_params={"Prefix": "p"})  # E[mypy]: argument 1 to "add_response" of "S3Stubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "expected_params" of type "ListObjectsV2RequestTypeDef | None"
    stubber.add_client_error("get_objects", "NoSuchKey")  # E[mypy]: argument 1 to "add_client_error" of "S3Stubber" has incompatible type "Literal['get_objects']"  # E[pyright]: cannot be assigned to parameter "method" of type "OperationName"
    stubber.add_client_error("get_object", "NoSuchKeys")  # E[mypy]: argument 2 to "add_client_error" of "S3Stubber" has incompatible type "Literal['NoSuchKeys']"  # E[pyright]: cannot be assigned to parameter "service_error_code" of type "S3ErrorCode"
    with SQSStubber(queue) as stub:
        stub.add_response("send_message", {"MD5OfMessageBody": 5})  # E[mypy]: argument 1 to "add_response" of "SQSStubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "service_response" of type "SendMessageResultStubTypeDef"
        stub.add_response("delete_message", {"Deleted": True})  # E[mypy]: argument 1 to "add_response" of "SQSStubber" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: cannot be assigned to parameter "service_response" of type "EmptyStubResponseTypeDef"
