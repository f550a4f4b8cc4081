"""Lambda: invoke with a bytes Payload and read the invocation metadata."""

from __future__ import annotations

import base64
import json

from aws_typed import lambda_


def call(client: lambda_.LambdaClient, name: str, event: dict[str, str]) -> int:
    resp = client.invoke(
        FunctionName=name,
        InvocationType="RequestResponse",
        LogType="Tail",
        Payload=json.dumps(event).encode("utf-8"),
        Qualifier="$LATEST",
    )
    status: int = resp.get("StatusCode", 0)
    if "FunctionError" in resp:
        error: str = resp["FunctionError"]
        raise RuntimeError(error)
    log_tail = base64.b64decode(resp.get("LogResult", "")).decode()
    del log_tail
    client.invoke(FunctionName=name, InvocationType="Event", Payload=b"{}")
    with open("event.json", "rb") as fh:
        client.invoke(FunctionName=name, Payload=fh)
    return status


def main() -> None:
    client = lambda_.client(region_name="us-east-1")
    print(call(client, "my-function", {"hello": "world"}))
