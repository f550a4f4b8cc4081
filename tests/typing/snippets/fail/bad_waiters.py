"""Waiters: names, wait() arguments and WaiterConfig."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import ec2, s3


def waits(client: s3.S3Client, ec2_client: ec2.EC2Client) -> None:
    client.get_waiter("bucket_exist")  # E[mypy]: argument 1 to "__call__" of "_GetWaiter" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__" match the provided arguments
    client.get_waiter("instance_running")  # E[mypy]: argument 1 to "__call__" of "_GetWaiter" has incompatible type "str"; expected "NoMatchingOverload[Never]"  # E[pyright]: no overloads for "__call__"
    waiter = client.get_waiter("bucket_exists")
    waiter.wait(Bucket="b", WaiterConfig={"Delays": 1})  # E[mypy]: extra key "Delays" for TypedDict "WaiterConfigTypeDef"  # E[pyright]: "Delays" is an undefined item in type "WaiterConfigTypeDef"
    waiter.wait(Bucket="b", WaiterConfig={"Delay": 1.5, "MaxAttempts": 2})  # E[mypy]: TypedDict item "Delay" has type "int"  # E[pyright]: "float" is not assignable to "int"
    waiter.wait(Bucket="b", WaiterConfig={"MaxAttempts": "2"})  # E[mypy]: TypedDict item "MaxAttempts" has type "int"  # E[pyright]: "Literal['2']" is not assignable to "int"
    waiter.wait(WaiterConfig={"Delay": 1})  # E[mypy]: missing named argument "Bucket" for "wait" of "BucketExistsWaiter"  # E[pyright]: argument missing for parameter "Bucket"
    client.get_waiter("object_exists").wait(Bucket="b")  # E[mypy]: missing named argument "Key"  # E[pyright]: argument missing for parameter "Key"
    ec2_client.get_waiter("instance_running").wait(InstanceIds=["i-123"], Delay=5)  # E[mypy]: unexpected keyword argument "Delay"  # E[pyright]: no parameter named "Delay"
