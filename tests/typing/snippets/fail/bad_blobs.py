"""A blob botocore base64-encodes into a JSON or query body takes text or bytes, not a
file object: botocore raises TypeError (tests/runtime/test_unions_blobs.py)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

import io

from aws_typed import dynamodb, lambda_, sqs


def blobs(functions: lambda_.LambdaClient, table: dynamodb.DynamoDBClient, queue: sqs.SQSClient, data: io.BytesIO) -> None:
    functions.create_function(FunctionName="f", Role="r", Code={"ZipFile": data})  # E[mypy]: (expression has type "BytesIO", TypedDict item  # E[pyright]: Type "BytesIO" is not assignable to type "EncodedBlobTypeDef"
    table.put_item(TableName="t", Item={"b": {"B": data}})  # E[mypy]: (expression has type "BytesIO", TypedDict item  # E[pyright]: Type "BytesIO" is not assignable to type "EncodedBlobTypeDef"
    queue.send_message(QueueUrl="u", MessageBody="m", MessageAttributes={"a": {"DataType": "Binary", "BinaryValue": data}})  # E[mypy]: (expression has type "BytesIO", TypedDict item  # E[pyright]: Type "BytesIO" is not assignable to type "EncodedBlobTypeDef"
