"""A bare `str` where botocore wants a list of strings: a `str` is a Sequence[str], but
botocore's validator refuses it (invalid type, valid types: list, tuple), on the client, in
nested structures, in paginate() and on resources (tests/unit/test_exact_inputs.py)."""

# Markers must stay on the line of the error they expect: no reformatting.
# fmt: off

from __future__ import annotations

from aws_typed import ec2, iam, lambda_, sns
from aws_typed.ec2.service_resource import Instance


def bare_strings(compute: ec2.EC2Client, functions: lambda_.LambdaClient, identity: iam.IAMClient, topics: sns.SNSClient, instance_id: str) -> None:
    compute.describe_instances(InstanceIds=instance_id)  # E: list[str] | tuple[str, ...]
    compute.describe_instances(Filters=[{"Name": "tag:env", "Values": "dev"}])  # E: list[str] | tuple[str, ...]
    compute.get_paginator("describe_instances").paginate(InstanceIds="i-1")  # E: list[str] | tuple[str, ...]
    functions.update_function_configuration(FunctionName="f", VpcConfig={"SubnetIds": "subnet-1"})  # E: list[str] | tuple[str, ...]
    identity.simulate_principal_policy(PolicySourceArn="arn:aws:iam::123456789012:user/u", ActionNames="s3:GetObject")  # E: list[str] | tuple[str, ...]
    topics.add_permission(TopicArn="t", Label="l", AWSAccountId="123456789012", ActionName=["Publish"])  # E: list[str] | tuple[str, ...]


def bare_strings_on_resources(service: ec2.EC2ServiceResource, instance: Instance) -> None:
    service.instances.filter(InstanceIds="i-1")  # E: list[str] | tuple[str, ...]
    instance.modify_attribute(Groups="sg-1")  # E: list[str] | tuple[str, ...]
