"""EC2: enum values and nested request shapes are checked."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import ec2
from aws_typed.ec2.literals import InstanceTypeType


def launch(client: ec2.EC2Client, instance_type: str) -> None:
    client.run_instances(ImageId="ami-1", InstanceType="t9.mega", MinCount=1, MaxCount=1)  # E[mypy]: argument "InstanceType" to "run_instances" of "EC2Client" has incompatible type "Literal['t9.mega']"  # E[pyright]: "Literal['t9.mega']" is not assignable to type "InstanceTypeType"
    size: InstanceTypeType = "t3.mikro"  # E[mypy]: incompatible types in assignment (expression has type "Literal['t3.mikro']"  # E[pyright]: type "Literal['t3.mikro']" is not assignable to declared type "InstanceTypeType"
    client.run_instances(ImageId="ami-1", InstanceType=size, MaxCount=1)  # E[mypy]: missing named argument "MinCount"  # E[pyright]: argument missing for parameter "MinCount"
    client.describe_instances(Filters=[{"Name": "tag:env", "Value": ["prod"]}])  # E[mypy]: extra key "Value" for TypedDict "FilterTypeDef"  # E[pyright]: "Value" is an undefined item in type "FilterTypeDef"
    client.run_instances(InstanceType=instance_type, MinCount=1, MaxCount=1)  # E[mypy]: argument "InstanceType" to "run_instances" of "EC2Client" has incompatible type "str"  # E[pyright]: "str" is not assignable to type "InstanceTypeType"
