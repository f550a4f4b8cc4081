"""The failing lines of tests/typing/snippets/fail/bad_unions.py (and of bad_blobs.py)
fail in botocore too: its validator rejects a tagged union with no member or more than
one, and a file object where a blob is serialised into a JSON or query body."""

from __future__ import annotations

import io
from typing import Any

import boto3
import botocore.exceptions
import botocore.stub
import botocore.validate
import pytest
from aws_typed import cloudwatch, s3
from aws_typed.cloudwatch.stubber import CloudWatchStubber
from aws_typed.s3.stubber import S3Stubber

_SESSION = boto3.session.Session(region_name="us-east-1")


def test_union_lines_fail_in_botocore() -> None:
    client = s3.S3Client(_SESSION.client("s3"))
    alarms = cloudwatch.CloudWatchClient(_SESSION.client("cloudwatch"))
    bad: list[Any] = [{}, {"SSEKMS": {"KMSKeyArn": "a"}, "SSES3": {}}]
    for value in bad:  # a queued response: the call reaches validation, not the network
        with S3Stubber(client) as stubber:
            stubber.add_response("update_object_encryption", {})
            with pytest.raises(botocore.exceptions.ParamValidationError, match="tagged union"):
                client.update_object_encryption(Bucket="b", Key="k", ObjectEncryption=value)
    with CloudWatchStubber(alarms) as stubber:
        stubber.add_response("put_metric_alarm", {})
        with pytest.raises(botocore.exceptions.ParamValidationError, match="tagged union"):
            alarms.put_metric_alarm(
                AlarmName="a", EvaluationPeriods=1, ComparisonOperator="GreaterThanThreshold", EvaluationCriteria={}
            )  # type: ignore[typeddict-item]


@pytest.mark.parametrize(
    "content,message",
    [({}, "Must set one"), ({"text": "a", "image": {"format": "png", "source": {"bytes": b"x"}}}, "Can only set one")],
)
def test_union_with_many_members_in_botocore(content: dict[str, Any], message: str) -> None:
    """bedrock-runtime ContentBlock (12 members): what the Union of single-member
    TypedDicts rejects, botocore rejects."""
    model = _SESSION._session.get_service_model("bedrock-runtime").operation_model("Converse").input_shape
    params = {"modelId": "m", "messages": [{"role": "user", "content": [content]}]}
    with pytest.raises(botocore.exceptions.ParamValidationError, match=message):
        botocore.validate.validate_parameters(params, model)
    botocore.validate.validate_parameters(
        {"modelId": "m", "messages": [{"role": "user", "content": [{"text": "a"}]}]}, model
    )


def test_file_object_in_a_body_blob_raises_type_error() -> None:
    """bad_blobs.py: a file object where botocore base64-encodes (JSON/query bodies)."""
    from aws_typed import dynamodb, lambda_, sqs
    from aws_typed.dynamodb.stubber import DynamoDBStubber
    from aws_typed.lambda_.stubber import LambdaStubber
    from aws_typed.sqs.stubber import SQSStubber

    functions = lambda_.LambdaClient(_SESSION.client("lambda"))
    table = dynamodb.DynamoDBClient(_SESSION.client("dynamodb"))
    queue = sqs.SQSClient(_SESSION.client("sqs"))
    with LambdaStubber(functions) as stub, pytest.raises(TypeError):
        stub.add_response("create_function", {})
        functions.create_function(FunctionName="f", Role="r", Code={"ZipFile": io.BytesIO(b"PK")})  # type: ignore[typeddict-item]
    with DynamoDBStubber(table) as stub, pytest.raises(TypeError):
        stub.add_response("put_item", {})
        table.put_item(TableName="t", Item={"b": {"B": io.BytesIO(b"x")}})  # type: ignore[typeddict-item]
    with SQSStubber(queue) as stub, pytest.raises(TypeError):
        stub.add_response("send_message", {})
        queue.send_message(
            QueueUrl="u",
            MessageBody="m",
            MessageAttributes={"a": {"DataType": "Binary", "BinaryValue": io.BytesIO(b"x")}},
        )  # type: ignore[typeddict-item]


def test_payload_and_user_data_pass_in_botocore() -> None:
    """ok_blobs.py: a payload takes a file object; ec2 UserData bytes or text."""
    from aws_typed import ec2
    from aws_typed.ec2.stubber import EC2Stubber

    bucket = s3.S3Client(_SESSION.client("s3"))
    with S3Stubber(bucket) as stub:
        stub.add_response("put_object", {})
        bucket.put_object(Bucket="b", Key="k", Body=io.BytesIO(b"x"))
    machines = ec2.EC2Client(_SESSION.client("ec2"))
    for user_data in (b"#!/bin/sh\necho hi\n", "#!/bin/sh"):
        with EC2Stubber(machines) as stub:
            stub.add_response("run_instances", {}, {"MinCount": 1, "MaxCount": 1, "UserData": botocore.stub.ANY})
            machines.run_instances(MinCount=1, MaxCount=1, UserData=user_data)


def test_document_tuple_fails_in_botocore() -> None:
    """bad_documents.py: botocore's document validator takes lists and dicts only."""
    from aws_typed import glue
    from aws_typed.glue.stubber import GlueStubber

    client = glue.GlueClient(_SESSION.client("glue"))
    for kind, ok in ((("int", "long"), False), (["int", "long"], True)):
        schema: Any = {"Fields": [{"Id": 1, "Name": "c", "Type": kind, "Required": True}]}
        table: Any = {
            "IcebergInput": {
                "MetadataOperation": "CREATE",
                "CreateIcebergTableInput": {"Location": "s3://b/t", "Schema": schema},
            }
        }
        with GlueStubber(client) as stub:
            stub.add_response("create_table", {})
            if ok:
                client.create_table(DatabaseName="d", Name="t", OpenTableFormatInput=table)
            else:
                with pytest.raises(botocore.exceptions.ParamValidationError, match="Invalid type for document"):
                    client.create_table(DatabaseName="d", Name="t", OpenTableFormatInput=table)
