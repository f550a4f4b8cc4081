"""Lambda: the invoke response Payload is botocore's StreamingBody.

botocore returns a StreamingBody for Invoke's Payload (a blob that is the HTTP
payload of the response: OperationModel.has_streaming_output is True), and it is
always present, exactly like s3 get_object's Body.
"""


from __future__ import annotations

import json

from aws_typed import lambda_


def call(client: lambda_.LambdaClient, name: str) -> object:
    resp = client.invoke(FunctionName=name, Payload=b"{}")
    body: bytes = resp["Payload"].read()
    return json.loads(body)
