"""Lambda and SQS request parameters are checked."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import lambda_, sqs


def invoke(client: lambda_.LambdaClient) -> None:
    client.invoke(FunctionName="f", InvocationType="Async")  # E[mypy]: argument "InvocationType" to "invoke" of "LambdaClient" has incompatible type "Literal['Async']"  # E[pyright]: "Literal['Async']" is not assignable to type "InvocationTypeType"
    client.invoke(FunctionName="f", Payload={"hello": "world"})  # E[mypy]: argument "Payload" to "invoke" of "LambdaClient" has incompatible type "dict[str, str]"  # E[pyright]: cannot be assigned to parameter "Payload"
    client.invoke(Payload=b"{}")  # E[mypy]: missing named argument "FunctionName"  # E[pyright]: argument missing for parameter "FunctionName"


def send(client: sqs.SQSClient) -> None:
    client.send_message(QueueUrl="u", MessageBody=b"hi")  # E[mypy]: argument "MessageBody" to "send_message" of "SQSClient" has incompatible type "bytes"; expected "str"  # E[pyright]: cannot be assigned to parameter "MessageBody" of type "str"
    client.send_message(QueueUrl="u", MessageBody="hi", DelaySeconds="5")  # E[mypy]: argument "DelaySeconds" to "send_message" of "SQSClient" has incompatible type "str"; expected "int"  # E[pyright]: cannot be assigned to parameter "DelaySeconds" of type "int"
    client.create_queue(QueueName="q", Attributes={"Visibility": "30"})  # E[mypy]: dict entry 0 has incompatible type "Literal['Visibility']": "str"  # E[pyright]: cannot be assigned to parameter "Attributes"
    client.receive_message(QueueUrl="u", AttributeNames=["SentTimestamps"])  # E[mypy]: list item 0 has incompatible type "Literal['SentTimestamps']"  # E[pyright]: "Literal['SentTimestamps']" is not assignable
    client.get_queue_attributes(QueueUrl="u", AttributeNames=["SentTimestamp"])  # E[mypy]: list item 0 has incompatible type "Literal['SentTimestamp']"  # E[pyright]: "Literal['SentTimestamp']" is not assignable
    client.receive_message(QueueUrl="u", MaxNumberOfMessages=10, WaitTime=20)  # E[mypy]: unexpected keyword argument "WaitTime"  # E[pyright]: no parameter named "WaitTime"
